#include "compare/similarity.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <span>
#include <utility>
#include <vector>

#include "compare/align.h"
#include "twicetold/normalize.h"
#include "twicetold/segment.h"

namespace twicetold::compare_internal {
namespace {

// Logistic regression weights (bias first, then one per SentenceFeature).
// Fitted by `sentence_similarity_eval ../shared/data` (Newton's method, L2
// 1.0) on the even lines of ../shared/data/pairs/msrp-train.jsonl; on the
// held-out odd lines they give F1 0.825 / accuracy 0.731 (the stem cosine
// alone: 0.815 / 0.702); see eval/sentence_similarity_eval.md for every
// figure. Overlapping features share the credit, so single weights (the
// negative cosine and longest-run ones) are corrections, not meanings.
constexpr double kBias = -4.8461;
constexpr SentenceFeatures kWeights = {-1.4457, 3.4676, 2.0573, 1.6210, -1.2215, 3.8878,
                                        -2.1918, 2.0660, -0.1786, 0.3123, -0.5271};

// Share of the fitted model in the reported similarity; the rest is the
// stem cosine (see ModelSimilarity).
constexpr double kModelShare = 0.5;

// The highest background IDF is ln(37555) + 1 ~ 11.5.
constexpr double kIdfScale = 12.0;

template <typename T>
void SortUnique(std::vector<T>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

}  // namespace

SentenceProfile MakeProfile(const WordSequence& w, uint32_t first, uint32_t last) {
  SentenceProfile s;
  s.stem_sequence = std::span<const uint64_t>(w.stem_ids.data() + first, last - first);
  // One sort serves both the term vector and the distinct stems: a stem's
  // IDF is a function of the stem, so distinct pairs are distinct stems.
  std::vector<std::pair<uint64_t, double>> pairs;
  pairs.reserve(last - first);
  for (uint32_t t = first; t < last; ++t) {
    pairs.emplace_back(w.stem_ids[t], w.idf[t]);
    s.words.push_back(w.word_ids[t]);
    if (w.is_number[t]) s.numbers.push_back(w.word_ids[t]);
    if (w.is_capitalised[t] && t > first) s.names.push_back(w.word_ids[t]);
    if (t + 1 < last) s.bigrams.push_back(w.stem_ids[t] * 0x9E3779B97F4A7C15ULL ^ w.stem_ids[t + 1]);
  }
  std::sort(pairs.begin(), pairs.end());
  s.stems = pairs;
  s.stems.erase(std::unique(s.stems.begin(), s.stems.end()), s.stems.end());
  s.vector = SortedTermVector(std::move(pairs));
  for (const auto& e : s.stems) s.idf_mass += e.second;
  SortUnique(&s.bigrams);
  SortUnique(&s.numbers);
  SortUnique(&s.names);
  SortUnique(&s.words);
  return s;
}

namespace {

bool Has(const std::vector<uint64_t>& sorted, uint64_t key) {
  return std::binary_search(sorted.begin(), sorted.end(), key);
}

size_t Shared(const std::vector<uint64_t>& x, const std::vector<uint64_t>& y) {
  size_t n = 0;
  for (uint64_t k : x) n += Has(y, k);
  return n;
}

// IDF mass of x's stems present in y, and the highest IDF of one missing.
std::pair<double, double> StemOverlap(const SentenceProfile& x, const SentenceProfile& y) {
  double mass = 0, missing = 0;
  size_t j = 0;
  for (const auto& [stem, idf] : x.stems) {
    while (j < y.stems.size() && y.stems[j].first < stem) ++j;
    if (j < y.stems.size() && y.stems[j].first == stem) {
      mass += idf;
    } else {
      missing = std::max(missing, idf);
    }
  }
  return {mass, missing};
}

double Ratio(double num, double den, double if_empty) {
  return den > 0 ? num / den : if_empty;
}

// Length of the longest common subsequence and of the longest common run
// of x and y, in one dynamic programme (two rows each, reused per thread:
// the aligner calls this hundreds of times per comparison).
std::pair<uint32_t, uint32_t> LcsAndLongestRunTable(std::span<const uint64_t> x,
                                                    std::span<const uint64_t> y) {
  thread_local std::vector<uint32_t> lcs_prev, lcs_cur, run_prev, run_cur;
  for (auto* row : {&lcs_prev, &lcs_cur, &run_prev, &run_cur}) row->assign(y.size() + 1, 0);
  uint32_t best_run = 0;
  for (size_t i = 1; i <= x.size(); ++i) {
    for (size_t j = 1; j <= y.size(); ++j) {
      bool same = x[i - 1] == y[j - 1];
      lcs_cur[j] = same ? lcs_prev[j - 1] + 1 : std::max(lcs_prev[j], lcs_cur[j - 1]);
      run_cur[j] = same ? run_prev[j - 1] + 1 : 0;
      best_run = std::max(best_run, run_cur[j]);
    }
    std::swap(lcs_prev, lcs_cur);
    std::swap(run_prev, run_cur);
  }
  return {lcs_prev[y.size()], best_run};
}

// The same when y has at most 64 tokens, bit-parallel over y. Row i's
// match mask has bit j set when x[i] == y[j]. The LCS is Hyyro's
// bit-vector recurrence V' = (V + (V & M)) | (V & ~M), LCS = zero bits of
// V. A common run of length r + 1 ends in row i exactly when
// M[i] & (M[i-1] << 1) & ... & (M[i-r] << r) is not zero, so the longest
// is found by trying one more than the best so far in each row.
std::pair<uint32_t, uint32_t> LcsAndLongestRunBits(std::span<const uint64_t> x,
                                                   std::span<const uint64_t> y) {
  thread_local std::vector<uint64_t> masks;
  masks.resize(x.size());
  const size_t m = y.size();
  uint64_t v = ~uint64_t{0};
  uint32_t best_run = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    uint64_t match = 0;
    for (size_t j = 0; j < m; ++j) match |= static_cast<uint64_t>(x[i] == y[j]) << j;
    masks[i] = match;
    uint64_t u = v & match;
    v = (v + u) | (v - u);
    while (best_run < m && best_run <= i) {
      uint64_t r = match;
      for (uint32_t t = 1; t <= best_run && r != 0; ++t) r &= masks[i - t] << t;
      if (r == 0) break;
      ++best_run;
    }
  }
  const uint64_t low = m == 64 ? ~uint64_t{0} : (uint64_t{1} << m) - 1;
  const uint32_t lcs = static_cast<uint32_t>(m) - static_cast<uint32_t>(std::popcount(v & low));
  return {lcs, best_run};
}

// Both measures are symmetric, so the shorter side goes across the bits.
std::pair<uint32_t, uint32_t> LcsAndLongestRun(std::span<const uint64_t> x,
                                               std::span<const uint64_t> y) {
  if (y.size() > x.size()) std::swap(x, y);
  if (y.size() <= 64) return LcsAndLongestRunBits(x, y);
  return LcsAndLongestRunTable(x, y);
}

double Sigmoid(double z) { return 1.0 / (1.0 + std::exp(-z)); }

double Logit(const SentenceFeatures& f) {
  double z = kBias;
  for (int k = 0; k < kSentenceFeatures; ++k) z += kWeights[k] * f[k];
  return z;
}

}  // namespace

SentenceFeatures PairFeatures(const WordSequence& a, uint32_t a0, uint32_t a1,
                              const WordSequence& b, uint32_t b0, uint32_t b1) {
  return PairFeatures(MakeProfile(a, a0, a1), MakeProfile(b, b0, b1));
}

SentenceFeatures PairFeatures(const SentenceProfile& sa, const SentenceProfile& sb) {
  SentenceFeatures f{};
  bool both_empty = sa.stems.empty() && sb.stems.empty();
  f[kCosine] = both_empty ? 1.0 : Cosine(sa.vector, sb.vector);
  auto [mass_a, miss_a] = StemOverlap(sa, sb);
  auto [mass_b, miss_b] = StemOverlap(sb, sa);
  double wa = Ratio(mass_a, sa.idf_mass, 1), wb = Ratio(mass_b, sb.idf_mass, 1);
  f[kWeightedMin] = std::min(wa, wb);
  f[kWeightedMax] = std::max(wa, wb);
  size_t shared_bigrams = Shared(sa.bigrams, sb.bigrams);
  double ba = Ratio(shared_bigrams, sa.bigrams.size(), both_empty ? 1 : 0);
  double bb = Ratio(shared_bigrams, sb.bigrams.size(), both_empty ? 1 : 0);
  f[kBigramMin] = std::min(ba, bb);
  f[kBigramMax] = std::max(ba, bb);
  std::span<const uint64_t> xa = sa.stem_sequence, xb = sb.stem_sequence;
  auto [lcs, run] = LcsAndLongestRun(xa, xb);
  // 2 * LCS / (|A| + |B|), as LcsSimilarity (1 when both are empty).
  f[kLcs] = xa.empty() && xb.empty() ? 1.0 : 2.0 * lcs / static_cast<double>(xa.size() + xb.size());
  double shorter = std::min(xa.size(), xb.size()), longer = std::max(xa.size(), xb.size());
  f[kLongestRun] = Ratio(run, shorter, both_empty ? 1 : 0);
  f[kLengthRatio] = Ratio(shorter, longer, 1);
  size_t shared_numbers = Shared(sa.numbers, sb.numbers);
  double all_numbers = sa.numbers.size() + sb.numbers.size() - shared_numbers;
  f[kNumberMismatch] = 1.0 - Ratio(shared_numbers, all_numbers, 1);
  // A name of one side counts as shared when the other side has the word in
  // any position (it may open that sentence).
  size_t names = sa.names.size() + sb.names.size();
  size_t found = Shared(sa.names, sb.words) + Shared(sb.names, sa.words);
  f[kNameMismatch] = 1.0 - Ratio(found, names, 1);
  f[kUnmatchedIdf] = std::min(1.0, std::max(miss_a, miss_b) / kIdfScale);
  return f;
}

SentenceFeatures PairFeatures(std::string_view a, std::string_view b) {
  NormalizeOptions norm;
  auto words_of = [&norm](std::string_view text) {
    MappedText n = Normalize(text, norm);
    std::vector<Span> spans;
    for (const Token& t : Tokenize(n.text)) spans.push_back(t.span);
    return MakeWordSequence(n.text, spans);
  };
  WordSequence wa = words_of(a), wb = words_of(b);
  return PairFeatures(wa, 0, static_cast<uint32_t>(wa.spans.size()), wb, 0,
                      static_cast<uint32_t>(wb.spans.size()));
}

double ModelSimilarity(const SentenceFeatures& f) {
  static const double perfect = [] {
    SentenceFeatures p{};
    for (int k = 0; k < kSentenceFeatures; ++k) p[k] = 1.0;
    p[kNumberMismatch] = p[kNameMismatch] = p[kUnmatchedIdf] = 0.0;
    return Sigmoid(Logit(p));
  }();
  double model = std::clamp(Sigmoid(Logit(f)) / perfect, 0.0, 1.0);
  // MSRP pairs all share many words, so the fitted model separates fine
  // distinctions but flattens the low end that alignment and STS need; the
  // mean with the cosine keeps both (eval/sentence_similarity_eval.md:
  // model alone STS mean r 0.66, cosine 0.655, the mean 0.69).
  return kModelShare * model + (1 - kModelShare) * f[kCosine];
}

}  // namespace twicetold::compare_internal
