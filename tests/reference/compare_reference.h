// Slow, obviously-correct oracles for src/compare: maximal shared runs by a
// quadratic DP, sentence alignment by scoring all pairs, cosine by maps.
#ifndef TWICETOLD_TESTS_REFERENCE_COMPARE_REFERENCE_H_
#define TWICETOLD_TESTS_REFERENCE_COMPARE_REFERENCE_H_

#include <cmath>
#include <cstdint>
#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <utility>
#include <vector>

#include "compare/align.h"
#include "compare/features.h"
#include "compare/runs.h"
#include "compare/similarity.h"

namespace twicetold::reference {

// suffix[i][j] = length of the longest common suffix of a[0, i] and b[0, j].
// A match ending at (i, j) is maximal when it cannot grow right.
inline std::vector<compare_internal::Match> MaximalMatches(
    const std::vector<uint64_t>& a, const std::vector<uint64_t>& b,
    uint32_t min_length) {
  const size_t n = a.size(), m = b.size();
  std::vector<std::vector<uint32_t>> suffix(n + 1, std::vector<uint32_t>(m + 1, 0));
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      suffix[i][j] = a[i - 1] == b[j - 1] ? suffix[i - 1][j - 1] + 1 : 0;
    }
  }
  std::vector<compare_internal::Match> out;
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      uint32_t len = suffix[i][j];
      bool right_maximal = i == n || j == m || a[i] != b[j];
      if (len >= min_length && right_maximal) {
        out.push_back({static_cast<uint32_t>(i - len), static_cast<uint32_t>(j - len), len});
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) {
    return x.a_pos != y.a_pos ? x.a_pos < y.a_pos : x.b_pos < y.b_pos;
  });
  return out;
}

// Cosine through ordered maps, summing duplicate keys.
inline double Cosine(const std::vector<std::pair<uint64_t, double>>& x,
                     const std::vector<std::pair<uint64_t, double>>& y) {
  std::map<uint64_t, double> mx, my;
  for (auto [k, w] : x) mx[k] += w;
  for (auto [k, w] : y) my[k] += w;
  double dot = 0, nx = 0, ny = 0;
  for (auto [k, w] : mx) {
    nx += w * w;
    if (my.count(k)) dot += w * my[k];
  }
  for (auto [k, w] : my) ny += w * w;
  if (nx == 0 || ny == 0) return 0;
  return std::min(1.0, dot / std::sqrt(nx * ny));
}

// The definition of AlignSentences (src/compare/align.h), step by step,
// scoring every pair and rescanning everything after each link.
inline std::vector<compare_internal::AlignLink> Align(
    const compare_internal::ArticleFeatures& a, const compare_internal::ArticleFeatures& b,
    const compare_internal::AlignOptions& o) {
  using compare_internal::AlignLink;
  const uint32_t na = a.sentences.size(), nb = b.sentences.size();
  auto cos = [&](uint32_t i, uint32_t j) {
    return compare_internal::Cosine(a.sentences[i], b.sentences[j]);
  };
  // 1. The top o.candidates of each sentence by (cosine desc, distance from
  // the same relative position asc, index asc).
  std::set<std::pair<uint32_t, uint32_t>> candidates;
  auto distance = [&](uint32_t i, uint32_t j) {
    const int64_t x = int64_t{i} * nb, y = int64_t{j} * na;
    return x > y ? x - y : y - x;
  };
  auto top = [&](uint32_t n_other, auto cos_to, auto distance_to, auto add) {
    std::vector<std::tuple<double, int64_t, uint32_t>> v;
    for (uint32_t k = 0; k < n_other; ++k) {
      double c = cos_to(k);
      if (c > 0 && c >= o.min_cosine) v.push_back({-c, distance_to(k), k});
    }
    std::sort(v.begin(), v.end());
    for (size_t r = 0; r < v.size() && r < o.candidates; ++r) add(std::get<2>(v[r]));
  };
  for (uint32_t i = 0; i < na; ++i) {
    top(nb, [&](uint32_t j) { return cos(i, j); }, [&](uint32_t j) { return distance(i, j); },
        [&](uint32_t j) { candidates.insert({i, j}); });
  }
  for (uint32_t j = 0; j < nb; ++j) {
    top(na, [&](uint32_t i) { return cos(i, j); }, [&](uint32_t i) { return distance(i, j); },
        [&](uint32_t i) { candidates.insert({i, j}); });
  }
  // 2. Scores, from the token ranges (not the aligner's cached profiles).
  std::map<std::pair<uint32_t, uint32_t>, double> s;
  for (auto [i, j] : candidates) {
    auto [a0, a1] = a.sentence_tokens[i];
    auto [b0, b1] = b.sentence_tokens[j];
    s[{i, j}] = compare_internal::ModelSimilarity(
        compare_internal::PairFeatures(a.words, a0, a1, b.words, b0, b1));
  }
  std::vector<AlignLink> links;
  std::set<uint32_t> linked_a, linked_b;
  std::set<std::pair<uint32_t, uint32_t>> linked;
  // 3 and 3b: the best eligible pair (highest s, then lower i, lower j), one
  // at a time; map order is (i, j), so a strict > keeps the first of ties.
  auto greedy = [&](double threshold, bool need_context) {
    for (;;) {
      bool found = false;
      std::pair<uint32_t, uint32_t> best;
      for (const auto& [p, v] : s) {
        if (v < threshold || linked_a.count(p.first) || linked_b.count(p.second)) continue;
        bool context = (p.first > 0 && p.second > 0 && linked.count({p.first - 1, p.second - 1})) ||
                       linked.count({p.first + 1, p.second + 1});
        if (need_context && !context) continue;
        if (!found || v > s[best]) { best = p; found = true; }
      }
      if (!found) return;
      linked_a.insert(best.first);
      linked_b.insert(best.second);
      linked.insert(best);
      links.push_back({best.first, best.second, s[best], true});
    }
  };
  greedy(o.threshold, false);
  greedy(o.context_threshold, true);
  // 3c. Unlinked sentences without a weighted term, in order, to the first
  // later unlinked such sentence of B with the same words.
  auto unweighted = [](const compare_internal::TermVector& v) {
    for (const auto& [key, w] : v.entries) {
      if (w != 0) return false;
    }
    return true;
  };
  auto words = [](const compare_internal::ArticleFeatures& f, uint32_t k) {
    return std::vector<uint64_t>(f.words.word_ids.begin() + f.sentence_tokens[k].first,
                                 f.words.word_ids.begin() + f.sentence_tokens[k].second);
  };
  uint32_t next_b = 0;
  for (uint32_t i = 0; i < na; ++i) {
    if (linked_a.count(i) || !unweighted(a.sentences[i])) continue;
    for (uint32_t j = next_b; j < nb; ++j) {
      if (linked_b.count(j) || !unweighted(b.sentences[j]) || words(a, i) != words(b, j)) continue;
      linked_a.insert(i);
      linked_b.insert(j);
      linked.insert({i, j});
      links.push_back({i, j, 1.0, true});
      next_b = j + 1;
      break;
    }
  }
  // 4. Extra links of sentences left unlinked.
  auto coverage = [&](const compare_internal::WordSequence& xw, std::pair<uint32_t, uint32_t> xr,
                      const compare_internal::WordSequence& yw, std::pair<uint32_t, uint32_t> yr,
                      uint32_t* shared_content) {
    std::map<uint64_t, double> x;
    for (uint32_t t = xr.first; t < xr.second; ++t) x[xw.stem_ids[t]] = xw.idf[t];
    std::set<uint64_t> y(yw.stem_ids.begin() + yr.first, yw.stem_ids.begin() + yr.second);
    double in = 0, all = 0;
    *shared_content = 0;
    for (auto [stem, idf] : x) {
      all += idf;
      if (y.count(stem)) {
        in += idf;
        *shared_content += idf >= o.content_idf;
      }
    }
    return all > 0 ? in / all : 0.0;
  };
  std::vector<AlignLink> extra;
  for (int side = 0; side < 2; ++side) {
    const auto& xs = side == 0 ? a : b;
    const auto& ys = side == 0 ? b : a;
    for (uint32_t x = 0; x < xs.sentences.size(); ++x) {
      if ((side == 0 ? linked_a : linked_b).count(x)) continue;
      auto pair_of = [side, x](uint32_t y) {
        return side == 0 ? std::pair<uint32_t, uint32_t>{x, y} : std::pair<uint32_t, uint32_t>{y, x};
      };
      int best = -1, pick = -1;
      double pick_cov = 0;
      for (uint32_t y = 0; y < ys.sentences.size(); ++y) {
        if (!s.count(pair_of(y))) continue;
        double v = s[pair_of(y)];
        if (best < 0 || v > s[pair_of(best)]) best = static_cast<int>(y);
        uint32_t shared = 0;
        double c = coverage(xs.words, xs.sentence_tokens[x], ys.words, ys.sentence_tokens[y], &shared);
        if (shared < o.short_min_shared || c < o.short_coverage) continue;
        if (pick < 0 || c > pick_cov || (c == pick_cov && v > s[pair_of(pick)])) {
          pick = static_cast<int>(y);
          pick_cov = c;
        }
      }
      if (best < 0) continue;
      auto [x0, x1] = xs.sentence_tokens[x];
      if (s[pair_of(best)] >= o.threshold) {
        auto p = pair_of(best);
        extra.push_back({p.first, p.second, s[p], false});
      } else if (x1 - x0 <= o.short_tokens && pick >= 0) {
        auto p = pair_of(pick);
        extra.push_back({p.first, p.second, s[p], false});
      }
    }
  }
  // 5. Sorted by (a, b), one link per pair (an extra link found from both
  // sides is the same link).
  for (const AlignLink& l : extra) {
    bool dup = false;
    for (const AlignLink& m : links) dup = dup || (m.a == l.a && m.b == l.b);
    if (!dup) links.push_back(l);
  }
  std::sort(links.begin(), links.end(), [](const AlignLink& x, const AlignLink& y) {
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  });
  return links;
}

// The overlap features of compare_internal::PairFeatures (all but the
// cosine, LCS and unmatched-IDF ones) from their definitions, with std::set
// and brute-force longest common runs. Sides are whole WordSequences.
inline compare_internal::SentenceFeatures OverlapFeatures(
    const compare_internal::WordSequence& a, const compare_internal::WordSequence& b) {
  using compare_internal::SentenceFeatures;
  const size_t na = a.stem_ids.size(), nb = b.stem_ids.size();
  std::map<uint64_t, double> sa, sb;  // stem -> IDF
  for (size_t i = 0; i < na; ++i) sa[a.stem_ids[i]] = a.idf[i];
  for (size_t i = 0; i < nb; ++i) sb[b.stem_ids[i]] = b.idf[i];
  auto contained = [](const std::map<uint64_t, double>& x, const std::map<uint64_t, double>& y) {
    double in = 0, all = 0;
    for (const auto& [k, w] : x) {
      all += w;
      if (y.count(k)) in += w;
    }
    return all > 0 ? in / all : 1.0;
  };
  auto bigrams = [](const compare_internal::WordSequence& w) {
    std::set<std::pair<uint64_t, uint64_t>> out;
    for (size_t i = 0; i + 1 < w.stem_ids.size(); ++i) out.insert({w.stem_ids[i], w.stem_ids[i + 1]});
    return out;
  };
  auto ba = bigrams(a), bb = bigrams(b);
  size_t shared = 0;
  for (const auto& g : ba) shared += bb.count(g);
  bool empty = na == 0 && nb == 0;
  auto frac = [empty](double n, double d) { return d > 0 ? n / d : (empty ? 1.0 : 0.0); };
  size_t run = 0;
  for (size_t i = 0; i < na; ++i) {
    for (size_t j = 0; j < nb; ++j) {
      size_t k = 0;
      while (i + k < na && j + k < nb && a.stem_ids[i + k] == b.stem_ids[j + k]) ++k;
      run = std::max(run, k);
    }
  }
  auto numbers = [](const compare_internal::WordSequence& w) {
    std::set<uint64_t> out;
    for (size_t i = 0; i < w.word_ids.size(); ++i) if (w.is_number[i]) out.insert(w.word_ids[i]);
    return out;
  };
  auto xa = numbers(a), xb = numbers(b);
  std::set<uint64_t> all_numbers = xa;
  all_numbers.insert(xb.begin(), xb.end());
  size_t both = 0;
  for (uint64_t k : xa) both += xb.count(k);
  auto names_found = [](const compare_internal::WordSequence& x,
                        const compare_internal::WordSequence& y, size_t* total) {
    std::set<uint64_t> names;
    for (size_t i = 1; i < x.word_ids.size(); ++i) if (x.is_capitalised[i]) names.insert(x.word_ids[i]);
    std::set<uint64_t> words(y.word_ids.begin(), y.word_ids.end());
    size_t found = 0;
    for (uint64_t n : names) found += words.count(n);
    *total += names.size();
    return found;
  };
  size_t total_names = 0;
  size_t found = names_found(a, b, &total_names) + names_found(b, a, &total_names);
  SentenceFeatures f{};
  double wa = contained(sa, sb), wb = contained(sb, sa);
  f[compare_internal::kWeightedMin] = std::min(wa, wb);
  f[compare_internal::kWeightedMax] = std::max(wa, wb);
  double ga = frac(shared, ba.size()), gb = frac(shared, bb.size());
  f[compare_internal::kBigramMin] = std::min(ga, gb);
  f[compare_internal::kBigramMax] = std::max(ga, gb);
  f[compare_internal::kLongestRun] = frac(run, std::min(na, nb));
  f[compare_internal::kLengthRatio] = std::max(na, nb) ? double(std::min(na, nb)) / std::max(na, nb) : 1.0;
  f[compare_internal::kNumberMismatch] = all_numbers.empty() ? 0.0 : 1.0 - double(both) / all_numbers.size();
  f[compare_internal::kNameMismatch] = total_names ? 1.0 - double(found) / total_names : 0.0;
  return f;
}

}  // namespace twicetold::reference

#endif  // TWICETOLD_TESTS_REFERENCE_COMPARE_REFERENCE_H_
