// ExtractQuotes: quote marks -> quotations, mentions -> speakers.
#include <algorithm>
#include <string>

#include "quote/attribute.h"
#include "quote/mentions.h"
#include "quote/quote_marks.h"
#include "twicetold/quote.h"

namespace twicetold {
namespace {

using quote_internal::Attribution;
using quote_internal::MarkedQuote;
using quote_internal::Mention;
using quote_internal::MentionKind;

// Per token: inside the marks of some quotation.
std::vector<bool> TokensInQuotes(const std::vector<Token>& tokens,
                                 const std::vector<MarkedQuote>& quotes) {
  std::vector<bool> in(tokens.size(), false);
  size_t q = 0;
  for (size_t t = 0; t < tokens.size(); ++t) {
    const uint32_t pos = tokens[t].span.begin;
    while (q < quotes.size() && quotes[q].outer.end <= pos) ++q;
    in[t] = q < quotes.size() && quotes[q].outer.begin <= pos;
  }
  return in;
}

uint32_t CountWords(const std::vector<Token>& tokens, Span span) {
  auto first = std::lower_bound(
      tokens.begin(), tokens.end(), span.begin,
      [](const Token& t, uint32_t p) { return t.span.begin < p; });
  uint32_t n = 0;
  for (auto it = first; it != tokens.end() && it->span.end <= span.end; ++it) ++n;
  return n;
}

bool StartsUpper(std::string_view s) {
  return !s.empty() && s[0] >= 'A' && s[0] <= 'Z';
}

// A full utterance ("What a mess.") rather than a scare quote or a fragment
// ("some progress"): capitalised, ending in sentence punctuation.
bool IsClause(std::string_view text, uint32_t words) {
  if (words < 2 || text.empty() || !StartsUpper(text)) return false;
  const char last = text.back();
  return last == '.' || last == '!' || last == '?';
}

bool IsSmallWord(std::string_view w) {
  static constexpr std::string_view kSmall[] = {
      "a", "an", "the", "of", "in", "on", "and", "or", "to", "for", "with",
      "at", "by", "from", "is", "vs", "de", "la", "as"};
  for (std::string_view s : kSmall) {
    if (w == s) return true;
  }
  return false;
}

// Whether every word of `span` but small ones ("of", "the") is capitalised,
// counting those words into *words if given.
bool AllTitleCase(std::string_view text, const std::vector<Token>& tokens,
                  Span span, uint32_t* words = nullptr) {
  auto it = std::lower_bound(
      tokens.begin(), tokens.end(), span.begin,
      [](const Token& t, uint32_t p) { return t.span.begin < p; });
  for (; it != tokens.end() && it->span.end <= span.end; ++it) {
    const std::string_view w = it->span.In(text);
    if (it->kind != TokenKind::kWord || IsSmallWord(w)) continue;
    if (!StartsUpper(w)) return false;
    if (words) ++*words;
  }
  return true;
}

// A line set in title case ("Senator Slams Plan As ‘Reckless’"): a headline,
// whatever the segmenter made of it. Needs three capitalised words outside
// the quotation.
bool InTitleCaseLine(std::string_view text, const std::vector<Token>& tokens,
                     Span block, Span outer) {
  uint32_t words = 0;
  return AllTitleCase(text, tokens, {block.begin, outer.begin}, &words) &&
         AllTitleCase(text, tokens, {outer.end, block.end}, &words) &&
         words >= 3;
}

// A sentence ends inside `s` and another follows: ". ", "! " or "? " after
// a word longer than an abbreviation ("Oakland. Or", not "Mr. Smith").
bool EndsInnerSentence(std::string_view s) {
  for (size_t i = 1; i + 1 < s.size(); ++i) {
    if (s[i + 1] != ' ' || (s[i] != '.' && s[i] != '!' && s[i] != '?'))
      continue;
    if (s[i] != '.') return true;
    size_t begin = i;
    while (begin > 0 && s[begin - 1] != ' ') --begin;
    if (i - begin > 3) return true;
  }
  return false;
}

// 'X: "..."': what follows a colon is what X says, even in title case.
bool AfterColon(std::string_view text, uint32_t pos) {
  while (pos > 0 && (text[pos - 1] == ' ' || text[pos - 1] == '\n')) --pos;
  return pos > 0 && text[pos - 1] == ':';
}

// "The Apprentice", "Here's the Thing": a short title-case span outside a
// headline names a show, book or slogan rather than quoting anyone; one of
// several sentences ("Like Oakland. Or Ferguson.") is speech.
bool IsTitle(std::string_view text, const std::vector<Token>& tokens, Span span,
             uint32_t words) {
  if (words < 2 || words > 8) return false;
  if (EndsInnerSentence(span.In(text))) return false;
  return AllTitleCase(text, tokens, span);
}

std::string QuoteText(std::string_view text, const MarkedQuote& q) {
  std::string out;
  for (const Span& part : q.parts) {
    if (!out.empty()) out += ' ';
    out += part.In(text);
  }
  return out;
}

Quote MakeQuote(const AnalyzedArticle& article, const MarkedQuote& marked,
                const QuoteOptions& options) {
  const std::string_view text = article.normalized.text;
  Quote q;
  q.span = marked.span();
  q.text = QuoteText(text, marked);
  uint32_t words = 0;
  for (const Span& part : marked.parts) {
    words += CountWords(article.segments.tokens, part);
  }
  q.fragment = words <= options.max_fragment_words && !IsClause(q.text, words);
  const Block& block = article.segments.blocks[marked.first_block];
  q.in_heading = block.kind == BlockKind::kHeading;
  if (!q.in_heading && marked.parts.size() == 1 &&
      !AfterColon(text, marked.outer.begin) &&
      !InTitleCaseLine(text, article.segments.tokens, block.span,
                       marked.outer) &&
      IsTitle(text, article.segments.tokens, q.span, words)) {
    q.fragment = true;
    q.title = true;
  }
  return q;
}

void SetSpeaker(const Mention& m, Quote* q) {
  q->speaker_span = m.span;
  q->speaker = m.resolved;
}

}  // namespace

std::vector<Quote> ExtractQuotes(const AnalyzedArticle& article,
                                 const QuoteOptions& options) {
  const std::string_view text = article.normalized.text;
  const Segmentation& seg = article.segments;
  std::vector<MarkedQuote> marked =
      quote_internal::FindMarkedQuotes(text, seg.blocks, options.apostrophe_pairs);
  std::sort(marked.begin(), marked.end(),
            [](const MarkedQuote& a, const MarkedQuote& b) {
              return a.outer.begin < b.outer.begin;
            });
  const std::vector<bool> in_quote = TokensInQuotes(seg.tokens, marked);
  std::vector<Mention> mentions =
      quote_internal::FindMentions(text, seg.tokens, in_quote);
  quote_internal::ResolveMentions(&mentions);
  const std::vector<Attribution> attributions =
      quote_internal::AttributeQuotes(text, seg, in_quote, mentions, marked);

  std::vector<Quote> out;
  out.reserve(marked.size());
  for (size_t i = 0; i < marked.size(); ++i) {
    Quote q = MakeQuote(article, marked[i], options);
    if (q.title || (q.fragment && attributions[i].subject_only)) {
      // A title quotes nobody; a fragment needs a speech verb or a lead-in.
    } else if (attributions[i].mention) {
      SetSpeaker(mentions[*attributions[i].mention], &q);
    } else if (attributions[i].from_quote) {
      // The speaker of the quotation continued, even when that one is a
      // title ('"...," he said on "The Show." "..."') and names nobody.
      const Attribution& from = attributions[*attributions[i].from_quote];
      if (from.mention) SetSpeaker(mentions[*from.mention], &q);
    }
    if (q.speaker_span && attributions[i].clause_begin) {
      q.clause = Span{*attributions[i].clause_begin, attributions[i].clause_end};
    }
    if (!options.embedded_phrases && q.speaker_span && (q.fragment || q.clause) &&
        quote_internal::SentenceGoesOnAfter(text, seg.blocks, marked[i])) {
      continue;  // someone's phrase inside a paraphrase, not their statement
    }
    out.push_back(std::move(q));
  }
  if (!options.unattributed_fragments) {
    std::erase_if(
        out, [](const Quote& q) { return q.fragment && q.speaker.empty(); });
  }
  return out;
}

std::string_view QuoteRelationName(QuoteRelation relation) {
  switch (relation) {
    case QuoteRelation::kIdentical: return "identical";
    case QuoteRelation::kExtended: return "extended";
    case QuoteRelation::kTrimmed: return "trimmed";
    case QuoteRelation::kAltered: return "altered";
    case QuoteRelation::kOnlyA: return "only_a";
    case QuoteRelation::kOnlyB: return "only_b";
  }
  return "unknown";
}

}  // namespace twicetold
