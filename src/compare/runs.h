// Shared verbatim runs of words: maximal common substrings of two token-id
// sequences, and a greedy choice of non-overlapping ones to report.
#ifndef TWICETOLD_COMPARE_RUNS_H_
#define TWICETOLD_COMPARE_RUNS_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace twicetold::compare_internal {

// a[a_pos, a_pos + length) == b[b_pos, b_pos + length).
struct Match {
  uint32_t a_pos = 0;
  uint32_t b_pos = 0;
  uint32_t length = 0;
  friend bool operator==(const Match&, const Match&) = default;
};

// Every maximal match (cannot be extended left or right) of at least
// `min_length` (>= 1) tokens, sorted by (a_pos, b_pos). Expected time
// O(|a| + |b| + sum over matches of their length + pairs of equal tokens);
// checked against a quadratic DP in tests/reference/compare_reference.h.
std::vector<Match> MaximalMatches(const std::vector<uint64_t>& a,
                                  const std::vector<uint64_t>& b,
                                  uint32_t min_length);

// Longest first (ties: smaller a_pos, then smaller b_pos), skipping any
// match that overlaps an already chosen one in a or in b; at most
// `max_count`.
std::vector<Match> SelectDisjoint(std::vector<Match> matches, size_t max_count);

}  // namespace twicetold::compare_internal

#endif  // TWICETOLD_COMPARE_RUNS_H_
