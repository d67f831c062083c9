#include "compare/features.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "compare/terms.h"

namespace twicetold::compare_internal {
namespace {

// Boosts for the body vector: names, numbers and quoted words say more
// about which story an article tells than common words do.
constexpr double kNameBoost = 1.5;
constexpr double kNumberBoost = 1.5;
constexpr double kQuotedBoost = 1.3;
constexpr double kMinBodyIdf = 2.5;
// Topic words and rare names: background IDF at least 4, i.e. in under ~5%
// of background articles. Below that are the words a whole beat shares
// ("senate", "Obama"), which made long articles on one beat look related
// (eval/relation_eval.md; 4.5 and 5 were also tried: sparser vectors, lower
// ECB+ figures).
constexpr double kTopicIdf = 4.0;

bool StartsUpper(std::string_view w) {
  unsigned char c = w.empty() ? 0 : static_cast<unsigned char>(w[0]);
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(w.data(), static_cast<int32_t>(std::min<size_t>(w.size(), 4))));
  return u.length() > 0 && u_isupper(u.char32At(0));
}

std::string Squeeze(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    bool ws = c == ' ' || c == '\n' || c == '\t';
    if (ws) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::vector<std::pair<uint32_t, uint32_t>> SentenceTokenRanges(
    const Segmentation& seg) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  uint32_t t = 0;
  const uint32_t n = static_cast<uint32_t>(seg.tokens.size());
  for (const Sentence& s : seg.sentences) {
    while (t < n && seg.tokens[t].span.begin < s.span.begin) ++t;
    uint32_t first = t;
    while (t < n && seg.tokens[t].span.end <= s.span.end) ++t;
    out.emplace_back(first, t);
  }
  return out;
}

}  // namespace

// Sublinear term frequency: a word repeated ten times is not ten times as
// telling. Weight = mean weight of the key's tokens * (1 + ln tf).
TermVector DampedVector(std::vector<std::pair<uint64_t, double>> pairs) {
  std::sort(pairs.begin(), pairs.end());
  std::vector<std::pair<uint64_t, double>> damped;
  for (size_t i = 0; i < pairs.size();) {
    size_t j = i;
    double sum = 0;
    while (j < pairs.size() && pairs[j].first == pairs[i].first) sum += pairs[j++].second;
    double tf = static_cast<double>(j - i);
    damped.emplace_back(pairs[i].first, sum / tf * (1.0 + std::log(tf)));
    i = j;
  }
  return MakeTermVector(std::move(damped));
}

TermVector MakeTermVector(std::vector<std::pair<uint64_t, double>> pairs) {
  std::sort(pairs.begin(), pairs.end());
  TermVector v;
  for (const auto& [key, w] : pairs) {
    if (!v.entries.empty() && v.entries.back().first == key) {
      v.entries.back().second += w;
    } else {
      v.entries.emplace_back(key, w);
    }
  }
  double sq = 0;
  for (const auto& e : v.entries) sq += e.second * e.second;
  v.norm = std::sqrt(sq);
  return v;
}

double Cosine(const TermVector& a, const TermVector& b) {
  if (a.norm <= 0 || b.norm <= 0) return 0;
  double dot = 0;
  size_t i = 0, j = 0;
  while (i < a.entries.size() && j < b.entries.size()) {
    if (a.entries[i].first < b.entries[j].first) {
      ++i;
    } else if (b.entries[j].first < a.entries[i].first) {
      ++j;
    } else {
      dot += a.entries[i++].second * b.entries[j++].second;
    }
  }
  return std::min(1.0, dot / (a.norm * b.norm));
}

namespace {

// Keys of one token as it is written: folding and Snowball stemming cost
// far more than a hash lookup, and news text repeats its words, so each
// thread remembers the keys of the tokens it has seen (bounded: cleared
// when full).
struct TokenKeys {
  uint64_t word_id;
  uint64_t stem_id;
  double idf;
};

struct TransparentHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};

const TokenKeys& KeysOf(std::string_view raw) {
  constexpr size_t kMaxCached = 1 << 18;
  thread_local std::unordered_map<std::string, TokenKeys, TransparentHash, std::equal_to<>>
      cache;
  auto it = cache.find(raw);
  if (it != cache.end()) return it->second;
  if (cache.size() >= kMaxCached) cache.clear();
  std::string folded = FoldWord(raw);
  uint64_t stem = HashKey(StemWord(folded));
  TokenKeys keys{HashKey(folded), stem, BackgroundIdf::Get().Idf(stem)};
  return cache.emplace(std::string(raw), keys).first->second;
}

}  // namespace

WordSequence MakeWordSequence(std::string_view text,
                              const std::vector<Span>& tokens) {
  WordSequence w;
  w.spans = tokens;
  w.word_ids.reserve(tokens.size());
  w.stem_ids.reserve(tokens.size());
  w.idf.reserve(tokens.size());
  for (const Span& s : tokens) {
    std::string_view raw = s.In(text);
    const TokenKeys& keys = KeysOf(raw);
    w.word_ids.push_back(keys.word_id);
    w.stem_ids.push_back(keys.stem_id);
    w.idf.push_back(keys.idf);
    bool digit = !raw.empty() && raw[0] >= '0' && raw[0] <= '9';
    w.is_number.push_back(digit);
    w.is_capitalised.push_back(StartsUpper(raw));
  }
  return w;
}

TermVector SentenceTermVector(const WordSequence& words, uint32_t first,
                              uint32_t last) {
  std::vector<std::pair<uint64_t, double>> pairs;
  pairs.reserve(last - first);
  for (uint32_t t = first; t < last; ++t) {
    pairs.emplace_back(words.stem_ids[t], words.idf[t]);
  }
  return MakeTermVector(std::move(pairs));
}

std::vector<Span> QuotedRegions(std::string_view text,
                                const std::vector<Span>& blocks) {
  std::vector<Span> out;
  for (const Span& block : blocks) {
    bool open = false;
    uint32_t start = 0;
    for (uint32_t i = block.begin; i < block.end && i < text.size(); ++i) {
      if (text[i] != '"') continue;
      if (!open) {
        start = i + 1;
      } else {
        out.push_back({start, i});
      }
      open = !open;
    }
    if (open) out.push_back({start, block.end});
  }
  return out;
}

ArticleFeatures ComputeFeatures(const AnalyzedArticle& article, bool sentences) {
  ArticleFeatures f;
  const Segmentation& seg = article.segments;
  const std::string& text = article.normalized.text;
  std::vector<Span> token_spans;
  token_spans.reserve(seg.tokens.size());
  for (const Token& t : seg.tokens) token_spans.push_back(t.span);
  f.words = MakeWordSequence(text, token_spans);

  std::vector<Span> blocks;
  for (const Block& b : seg.blocks) blocks.push_back(b.span);
  std::vector<Span> quoted = QuotedRegions(text, blocks);
  f.in_quote.assign(token_spans.size(), 0);
  size_t q = 0;
  for (size_t t = 0; t < token_spans.size(); ++t) {
    while (q < quoted.size() && quoted[q].end <= token_spans[t].begin) ++q;
    f.in_quote[t] = q < quoted.size() && quoted[q].begin <= token_spans[t].begin;
  }

  f.sentence_tokens = SentenceTokenRanges(seg);
  std::vector<uint8_t> sentence_start(token_spans.size(), 0);
  for (const auto& [first, last] : f.sentence_tokens) {
    if (sentences) f.sentences.push_back(SentenceTermVector(f.words, first, last));
    if (first < last) sentence_start[first] = 1;
  }

  // A word capitalised mid-sentence anywhere is a name everywhere, so
  // "Rusk said ..." at a sentence start stays out of the content vector.
  std::unordered_set<uint64_t> names;
  for (size_t t = 0; t < token_spans.size(); ++t) {
    if (f.words.is_capitalised[t] && !sentence_start[t]) names.insert(f.words.word_ids[t]);
  }
  std::vector<std::pair<uint64_t, double>> pairs, content, topic;
  for (size_t t = 0; t < token_spans.size(); ++t) {
    bool name = f.words.is_capitalised[t] && names.count(f.words.word_ids[t]);
    double boost = 1.0;
    if (name) boost *= kNameBoost;
    if (f.words.is_number[t]) boost *= kNumberBoost;
    if (f.in_quote[t]) boost *= kQuotedBoost;
    // Function words (in more than ~a fifth of background documents) add
    // length-dependent noise to whole-body similarity; sentences keep them.
    if (f.words.idf[t] < kMinBodyIdf) continue;
    pairs.emplace_back(f.words.stem_ids[t], f.words.idf[t] * boost);
    if (!name) content.emplace_back(f.words.stem_ids[t], f.words.idf[t] * boost);
    if (!name && !f.words.is_number[t] && f.words.idf[t] >= kTopicIdf) {
      topic.emplace_back(f.words.stem_ids[t], f.words.idf[t]);
    }
    if (name && f.words.idf[t] >= kTopicIdf) f.rare_names.push_back(f.words.stem_ids[t]);
  }
  std::sort(f.rare_names.begin(), f.rare_names.end());
  f.rare_names.erase(std::unique(f.rare_names.begin(), f.rare_names.end()), f.rare_names.end());
  f.topic = DampedVector(std::move(topic));
  f.body = DampedVector(std::move(pairs));
  f.content = DampedVector(std::move(content));
  f.squeezed = Squeeze(text);
  return f;
}

}  // namespace twicetold::compare_internal
