#include "quote/word_diff.h"

#include <algorithm>

namespace twicetold::quote_internal {
namespace {

// Walks the saved frontiers back from (n, m) to (0, 0), emitting ops in
// reverse order.
std::vector<EditOp> Backtrack(const std::vector<std::vector<int>>& trace,
                              int n, int m, int offset) {
  std::vector<EditOp> ops;
  int x = n;
  int y = m;
  for (int d = static_cast<int>(trace.size()) - 1; d >= 0; --d) {
    const std::vector<int>& v = trace[d];
    const int k = x - y;
    const bool down =
        k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]);
    const int prev_k = down ? k + 1 : k - 1;
    const int prev_x = v[offset + prev_k];
    const int prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) {
      ops.push_back(EditOp::kEqual);
      --x;
      --y;
    }
    if (d > 0) ops.push_back(down ? EditOp::kInsert : EditOp::kDelete);
    x = prev_x;
    y = prev_y;
  }
  std::reverse(ops.begin(), ops.end());
  return ops;
}

}  // namespace

std::vector<EditOp> DiffWords(const std::vector<std::string>& a,
                              const std::vector<std::string>& b) {
  const int n = static_cast<int>(a.size());
  const int m = static_cast<int>(b.size());
  const int offset = n + m + 1;
  std::vector<int> v(2 * offset + 1, 0);
  std::vector<std::vector<int>> trace;
  for (int d = 0; d <= n + m; ++d) {
    trace.push_back(v);
    for (int k = -d; k <= d; k += 2) {
      const bool down =
          k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]);
      int x = down ? v[offset + k + 1] : v[offset + k - 1] + 1;
      int y = x - k;
      while (x < n && y < m && a[x] == b[y]) {
        ++x;
        ++y;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return Backtrack(trace, n, m, offset);
    }
  }
  return {};  // unreachable: d = n + m always reaches (n, m)
}

}  // namespace twicetold::quote_internal
