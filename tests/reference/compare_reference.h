// Slow, obviously-correct oracles for src/compare: maximal shared runs by a
// quadratic DP, sentence alignment by scoring all pairs, cosine by maps.
#ifndef TWICETOLD_TESTS_REFERENCE_COMPARE_REFERENCE_H_
#define TWICETOLD_TESTS_REFERENCE_COMPARE_REFERENCE_H_

#include <cmath>
#include <cstdint>
#include <map>
#include <vector>

#include "compare/align.h"
#include "compare/features.h"
#include "compare/runs.h"

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

// The alignment definition of AlignSentences, scoring every pair.
inline std::vector<compare_internal::AlignLink> Align(
    const std::vector<compare_internal::TermVector>& a,
    const std::vector<compare_internal::TermVector>& b, double threshold) {
  std::vector<compare_internal::AlignLink> links;
  auto add = [&links](uint32_t i, uint32_t j, double s) {
    for (const auto& l : links) {
      if (l.a == i && l.b == j) return;
    }
    links.push_back({i, j, s});
  };
  for (uint32_t i = 0; i < a.size(); ++i) {
    int best = -1;
    double best_s = 0;
    for (uint32_t j = 0; j < b.size(); ++j) {
      double s = compare_internal::Cosine(a[i], b[j]);
      if (s > best_s) { best = static_cast<int>(j); best_s = s; }
    }
    if (best >= 0 && best_s >= threshold) add(i, best, best_s);
  }
  for (uint32_t j = 0; j < b.size(); ++j) {
    int best = -1;
    double best_s = 0;
    for (uint32_t i = 0; i < a.size(); ++i) {
      double s = compare_internal::Cosine(a[i], b[j]);
      if (s > best_s) { best = static_cast<int>(i); best_s = s; }
    }
    if (best >= 0 && best_s >= threshold) add(best, j, best_s);
  }
  std::sort(links.begin(), links.end(), [](const auto& x, const auto& y) {
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  });
  return links;
}

}  // namespace twicetold::reference

#endif  // TWICETOLD_TESTS_REFERENCE_COMPARE_REFERENCE_H_
