#include "compare/features.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <cmath>
#include <string>

#include "text/terms.h"

namespace twicetold::compare_internal {

using text_internal::KeysOfToken;
using text_internal::TokenKeys;
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

void SortTermPairs(std::vector<std::pair<uint64_t, double>>* pairs) {
  const size_t n = pairs->size();
  if (n < 64) {
    std::sort(pairs->begin(), pairs->end());
    return;
  }
  // About one bucket per entry; a counting sort by bucket, then each bucket
  // sorted in place (insertion sort when short, std::sort otherwise).
  const int bits = std::min(static_cast<int>(std::bit_width(n)) - 1, 16);
  const int shift = 64 - bits;
  thread_local std::vector<uint32_t> starts;
  thread_local std::vector<std::pair<uint64_t, double>> scratch;
  starts.assign((size_t{1} << bits) + 1, 0);
  for (const auto& p : *pairs) ++starts[(p.first >> shift) + 1];
  for (size_t b = 1; b < starts.size(); ++b) starts[b] += starts[b - 1];
  scratch.resize(n);
  for (const auto& p : *pairs) scratch[starts[p.first >> shift]++] = p;
  // starts[b] is now the end of bucket b (and the start of b + 1).
  auto* out = scratch.data();
  size_t begin = 0;
  for (size_t b = 0; b + 1 < starts.size(); ++b) {
    const size_t end = starts[b];
    if (end - begin > 16) {
      std::sort(out + begin, out + end);
    } else {
      for (size_t i = begin + 1; i < end; ++i) {
        const auto x = out[i];
        size_t j = i;
        for (; j > begin && x < out[j - 1]; --j) out[j] = out[j - 1];
        out[j] = x;
      }
    }
    begin = end;
  }
  std::copy(scratch.begin(), scratch.end(), pairs->begin());
}

// Sublinear term frequency: a word repeated ten times is not ten times as
// telling. Weight = mean weight of the key's tokens * (1 + ln tf). The
// groups are summed in sorted (key, weight) order and written back in
// place; the result is already sorted and distinct, so MakeTermVector's
// sort and merge would change nothing.
TermVector DampedVector(std::vector<std::pair<uint64_t, double>> pairs) {
  SortTermPairs(&pairs);
  size_t out = 0;
  for (size_t i = 0; i < pairs.size();) {
    size_t j = i;
    double sum = 0;
    while (j < pairs.size() && pairs[j].first == pairs[i].first) sum += pairs[j++].second;
    double tf = static_cast<double>(j - i);
    // A key met once (most of them) weighs its sum: log(1) is +0 exactly,
    // so the formula gives sum / 1 * 1, bit for bit, without the call.
    pairs[out++] = {pairs[i].first, j - i == 1 ? sum : sum / tf * (1.0 + std::log(tf))};
    i = j;
  }
  pairs.resize(out);
  TermVector v;
  v.entries = std::move(pairs);
  double sq = 0;
  for (const auto& e : v.entries) sq += e.second * e.second;
  v.norm = std::sqrt(sq);
  return v;
}

TermVector MakeTermVector(std::vector<std::pair<uint64_t, double>> pairs) {
  SortTermPairs(&pairs);
  return SortedTermVector(std::move(pairs));
}

TermVector SortedTermVector(std::vector<std::pair<uint64_t, double>> pairs) {
  // Merge equal keys in place (summed in sorted order).
  size_t out = 0;
  for (size_t r = 0; r < pairs.size(); ++r) {
    if (out > 0 && pairs[out - 1].first == pairs[r].first) {
      pairs[out - 1].second += pairs[r].second;
    } else {
      pairs[out++] = pairs[r];
    }
  }
  pairs.resize(out);
  TermVector v;
  v.entries = std::move(pairs);
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

WordSequence MakeWordSequence(std::string_view text, std::vector<Span> tokens) {
  const size_t n = tokens.size();
  WordSequence w;
  w.spans = std::move(tokens);
  const std::vector<Span>& spans = w.spans;
  w.word_ids.resize(n);
  w.stem_ids.resize(n);
  w.idf.resize(n);
  w.is_number.resize(n);
  w.is_capitalised.resize(n);
  for (size_t t = 0; t < n; ++t) {
    std::string_view raw = spans[t].In(text);
    TokenKeys keys = KeysOfToken(raw);
    w.word_ids[t] = keys.word_id;
    w.stem_ids[t] = keys.stem_id;
    w.idf[t] = keys.idf;
    w.is_number[t] = !raw.empty() && raw[0] >= '0' && raw[0] <= '9';
    w.is_capitalised[t] = keys.capitalised;
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
    const uint32_t end = std::min<uint32_t>(block.end, static_cast<uint32_t>(text.size()));
    for (uint32_t i = block.begin; i < end; ++i) {
      // Jump to the next mark: most of a block has none.
      const void* mark = std::memchr(text.data() + i, '"', end - i);
      if (mark == nullptr) break;
      i = static_cast<uint32_t>(static_cast<const char*>(mark) - text.data());
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

namespace {

// Per token: does it start inside a double quotation?
std::vector<uint8_t> TokensInQuotes(std::string_view text, const Segmentation& seg) {
  std::vector<Span> blocks;
  blocks.reserve(seg.blocks.size());
  for (const Block& b : seg.blocks) blocks.push_back(b.span);
  std::vector<Span> quoted = QuotedRegions(text, blocks);
  std::vector<uint8_t> in_quote(seg.tokens.size(), 0);
  size_t q = 0;
  for (size_t t = 0; t < seg.tokens.size(); ++t) {
    const uint32_t begin = seg.tokens[t].span.begin;
    while (q < quoted.size() && quoted[q].end <= begin) ++q;
    in_quote[t] = q < quoted.size() && quoted[q].begin <= begin;
  }
  return in_quote;
}

// Sorted distinct word ids of the tokens capitalised mid-sentence.
std::vector<uint64_t> NameWords(const ArticleFeatures& f) {
  std::vector<uint8_t> sentence_start(f.words.word_ids.size(), 0);
  for (const auto& [first, last] : f.sentence_tokens) {
    if (first < last) sentence_start[first] = 1;
  }
  std::vector<uint64_t> names;
  for (size_t t = 0; t < f.words.word_ids.size(); ++t) {
    if (f.words.is_capitalised[t] && !sentence_start[t]) names.push_back(f.words.word_ids[t]);
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

}  // namespace

ArticleFeatures ComputeFeatures(const AnalyzedArticle& article, bool sentences) {
  FeatureOptions options;
  options.sentences = sentences;
  return ComputeFeatures(article, options);
}

ArticleFeatures ComputeFeatures(const AnalyzedArticle& article, const FeatureOptions& options) {
  ArticleFeatures f;
  const Segmentation& seg = article.segments;
  const std::string& text = article.normalized.text;
  std::vector<Span> token_spans;
  token_spans.reserve(seg.tokens.size());
  for (const Token& t : seg.tokens) token_spans.push_back(t.span);
  const size_t n = token_spans.size();
  f.words = MakeWordSequence(text, std::move(token_spans));
  f.in_quote = TokensInQuotes(text, seg);
  f.sentence_tokens = SentenceTokenRanges(seg);
  if (options.sentences) {
    f.sentences.reserve(f.sentence_tokens.size());
    for (const auto& [first, last] : f.sentence_tokens) {
      f.sentences.push_back(SentenceTermVector(f.words, first, last));
    }
  }

  // A word capitalised mid-sentence anywhere is a name everywhere, so
  // "Rusk said ..." at a sentence start stays out of the content vector.
  const std::vector<uint64_t> names = NameWords(f);
  const WordSequence& w = f.words;
  std::vector<std::pair<uint64_t, double>> pairs, content, topic;
  pairs.reserve(n);
  for (size_t t = 0; t < n; ++t) {
    // Function words (in more than ~a fifth of background documents) add
    // length-dependent noise to whole-body similarity; sentences keep them.
    if (w.idf[t] < kMinBodyIdf) continue;
    bool name = w.is_capitalised[t] && std::binary_search(names.begin(), names.end(), w.word_ids[t]);
    double boost = 1.0;
    if (name) boost *= kNameBoost;
    if (w.is_number[t]) boost *= kNumberBoost;
    if (f.in_quote[t]) boost *= kQuotedBoost;
    pairs.emplace_back(w.stem_ids[t], w.idf[t] * boost);
    if (name && w.idf[t] >= kTopicIdf) f.rare_names.push_back(w.stem_ids[t]);
    if (!options.content || name) continue;
    content.emplace_back(w.stem_ids[t], w.idf[t] * boost);
    if (!w.is_number[t] && w.idf[t] >= kTopicIdf) topic.emplace_back(w.stem_ids[t], w.idf[t]);
  }
  std::sort(f.rare_names.begin(), f.rare_names.end());
  f.rare_names.erase(std::unique(f.rare_names.begin(), f.rare_names.end()), f.rare_names.end());
  f.body = DampedVector(std::move(pairs));
  if (options.content) {
    f.topic = DampedVector(std::move(topic));
    f.content = DampedVector(std::move(content));
  }
  return f;
}

}  // namespace twicetold::compare_internal
