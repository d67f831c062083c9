// Private: a minimal word-level edit script (Myers, "An O(ND) difference
// algorithm", 1986). O((N + M) * D) time for D edits, O(D * (N + M)) memory:
// meant for quotations (tens of words), not whole articles.
#ifndef TWICETOLD_SRC_QUOTE_WORD_DIFF_H_
#define TWICETOLD_SRC_QUOTE_WORD_DIFF_H_

#include <cstdint>
#include <string>
#include <vector>

namespace twicetold::quote_internal {

enum class EditOp : uint8_t { kEqual, kDelete, kInsert };

// The edit script turning `a` into `b`: kEqual consumes one word of each,
// kDelete one of `a`, kInsert one of `b`. The number of kEqual ops is the
// length of a longest common subsequence of `a` and `b` (so the script is
// minimal). Deterministic.
std::vector<EditOp> DiffWords(const std::vector<std::string>& a,
                              const std::vector<std::string>& b);

}  // namespace twicetold::quote_internal

#endif  // TWICETOLD_SRC_QUOTE_WORD_DIFF_H_
