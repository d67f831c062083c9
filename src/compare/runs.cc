#include "compare/runs.h"

#include <algorithm>
#include <unordered_map>

namespace twicetold::compare_internal {

std::vector<Match> MaximalMatches(const std::vector<uint64_t>& a,
                                  const std::vector<uint64_t>& b,
                                  uint32_t min_length) {
  std::unordered_map<uint64_t, std::vector<uint32_t>> where_in_b;
  where_in_b.reserve(b.size());
  for (uint32_t j = 0; j < b.size(); ++j) where_in_b[b[j]].push_back(j);
  std::vector<Match> out;
  const uint32_t n = static_cast<uint32_t>(a.size());
  const uint32_t m = static_cast<uint32_t>(b.size());
  for (uint32_t i = 0; i < n; ++i) {
    auto it = where_in_b.find(a[i]);
    if (it == where_in_b.end()) continue;
    for (uint32_t j : it->second) {
      // Only start at left-maximal positions, so each maximal match is
      // found exactly once, from its first token.
      if (i > 0 && j > 0 && a[i - 1] == b[j - 1]) continue;
      uint32_t len = 1;
      while (i + len < n && j + len < m && a[i + len] == b[j + len]) ++len;
      if (len >= min_length) out.push_back({i, j, len});
    }
  }
  return out;  // already in (a_pos, b_pos) order: postings are increasing
}

std::vector<Match> SelectDisjoint(std::vector<Match> matches, size_t max_count) {
  std::stable_sort(matches.begin(), matches.end(),
                   [](const Match& x, const Match& y) {
                     return x.length > y.length;
                   });
  std::vector<Match> chosen;
  auto overlaps = [](uint32_t s1, uint32_t l1, uint32_t s2, uint32_t l2) {
    return s1 < s2 + l2 && s2 < s1 + l1;
  };
  for (const Match& m : matches) {
    if (chosen.size() >= max_count) break;
    bool clash = false;
    for (const Match& c : chosen) {
      if (overlaps(m.a_pos, m.length, c.a_pos, c.length) ||
          overlaps(m.b_pos, m.length, c.b_pos, c.length)) {
        clash = true;
        break;
      }
    }
    if (!clash) chosen.push_back(m);
  }
  return chosen;
}

}  // namespace twicetold::compare_internal
