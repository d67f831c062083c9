// Reference for the quote word diff: longest common subsequence length by
// the textbook O(N * M) dynamic program. Slow and obviously correct.
#ifndef TWICETOLD_TESTS_REFERENCE_QUOTE_LCS_H_
#define TWICETOLD_TESTS_REFERENCE_QUOTE_LCS_H_

#include <algorithm>
#include <string>
#include <vector>

namespace twicetold::reference {

inline size_t QuoteLcsLength(const std::vector<std::string>& a,
                             const std::vector<std::string>& b) {
  std::vector<std::vector<size_t>> t(a.size() + 1,
                                     std::vector<size_t>(b.size() + 1, 0));
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      t[i][j] = a[i - 1] == b[j - 1] ? t[i - 1][j - 1] + 1
                                     : std::max(t[i - 1][j], t[i][j - 1]);
    }
  }
  return t[a.size()][b.size()];
}

}  // namespace twicetold::reference

#endif  // TWICETOLD_TESTS_REFERENCE_QUOTE_LCS_H_
