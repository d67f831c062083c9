// Fuzzes quotation extraction and comparison (include/twicetold/quote.h)
// through the whole per-article pipeline: Analyze (clean, normalize,
// segment), ExtractQuotes, then CompareQuotes of the (first 64) quotes
// with themselves.
//
// Input: byte 0 picks QuoteOptions::max_fragment_words (0-15, low bits),
// unattributed_fragments (bit 4), embedded_phrases (bit 5) and
// apostrophe_pairs (bit 6); the rest is the article body; bodies that are
// empty or not valid UTF-8 are skipped (the reader rejects them). Asserts
// that quote and speaker spans are in
// range and on character boundaries, quotes come in text order, their
// texts are valid UTF-8, titles are speakerless fragments, and comparing a
// version with itself pairs every quote, on both sides exactly once, as
// identical.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fuzz_check.h"
#include "twicetold/analyze.h"
#include "twicetold/quote.h"

namespace {

namespace fz = twicetold::fuzz;
using twicetold::Quote;
using twicetold::Span;

void CheckNormalizedSpan(Span span, const twicetold::AnalyzedArticle& a) {
  fz::CheckSpan(span, a.normalized.text.size());
  FUZZ_CHECK(fz::IsCharBoundary(a.normalized.text, span.begin));
  FUZZ_CHECK(fz::IsCharBoundary(a.normalized.text, span.end));
  fz::CheckSpan(a.ToBody(span), a.article.body.size());
}

void CheckQuotes(const std::vector<Quote>& quotes,
                 const twicetold::AnalyzedArticle& a) {
  uint32_t prev_begin = 0;
  for (const Quote& q : quotes) {
    CheckNormalizedSpan(q.span, a);
    FUZZ_CHECK(q.span.begin >= prev_begin);
    prev_begin = q.span.begin;
    FUZZ_CHECK(fz::IsValidUtf8(q.text));
    FUZZ_CHECK(fz::IsValidUtf8(q.speaker));
    if (q.speaker_span) CheckNormalizedSpan(*q.speaker_span, a);
    if (q.title) FUZZ_CHECK(q.fragment && q.speaker.empty());
    if (q.clause) {  // a mixed quotation: its clause holds the quoted words
      CheckNormalizedSpan(*q.clause, a);
      FUZZ_CHECK(q.clause->begin <= q.span.begin && q.span.end <= q.clause->end);
      FUZZ_CHECK(q.speaker_span.has_value());
    }
  }
}

// Comparing quotes with themselves: all identical, each index once per side.
// On the first kSelfCompared quotes: CompareQuotes pairs all against all,
// and a few hundred two-word quotations of a mutated input cost seconds
// under ASan (a quarter of the target's time) without new code to reach.
constexpr size_t kSelfCompared = 64;

void CheckSelfComparison(const std::vector<Quote>& all) {
  const std::vector<Quote> quotes(all.begin(),
                                  all.begin() + std::min(all.size(), kSelfCompared));
  const std::vector<twicetold::QuotePair> pairs =
      twicetold::CompareQuotes(quotes, quotes, {});
  std::vector<int> seen_a(quotes.size(), 0), seen_b(quotes.size(), 0);
  FUZZ_CHECK(pairs.size() == quotes.size());
  for (const twicetold::QuotePair& p : pairs) {
    FUZZ_CHECK(p.a && p.b);
    FUZZ_CHECK(*p.a < quotes.size() && *p.b < quotes.size());
    FUZZ_CHECK(p.relation == twicetold::QuoteRelation::kIdentical);
    FUZZ_CHECK(p.diff.empty());
    ++seen_a[*p.a];
    ++seen_b[*p.b];
  }
  for (size_t i = 0; i < quotes.size(); ++i) {
    FUZZ_CHECK(seen_a[i] == 1 && seen_b[i] == 1);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  twicetold::QuoteOptions options;
  options.max_fragment_words = data[0] & 0x0F;
  options.unattributed_fragments = (data[0] & 0x10) != 0;
  options.embedded_phrases = (data[0] & 0x20) != 0;
  options.apostrophe_pairs = (data[0] & 0x40) != 0;
  twicetold::Article article;
  article.id = "fuzz";
  article.body.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (!fz::IsValidUtf8(article.body)) return 0;

  const twicetold::AnalyzedArticle analyzed =
      twicetold::Analyze(std::move(article), twicetold::AnalyzeOptions{});
  fz::CheckMappedText(analyzed.normalized, analyzed.article.body.size(),
                      /*may_drop_tail=*/true);
  const std::vector<Quote> quotes = twicetold::ExtractQuotes(analyzed, options);
  CheckQuotes(quotes, analyzed);
  CheckSelfComparison(quotes);
  return 0;
}
