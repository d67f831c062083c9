// "Identical", defined once for every command: two texts are identical
// when they have the same words, case-folded, in the same order. Spacing,
// line breaks, punctuation, typography (curly or straight quotes, dashes,
// compatibility forms: Normalize folds them first) and case do not count.
// A text without words is identical to nothing, not even to itself: an
// empty or punctuation-only text is not a copy.
//
// The key is XXH3-128 of the case-folded words joined by single spaces
// (ASCII words lowered byte by byte, others by ICU full case folding, as
// compare folds words). dedup's exact hash (Fingerprint::exact_*), compare's
// `identical` relation and the story clusterer's exact-copy lookup all use
// this key; a store may keep it to recognise copies without the text.
#ifndef TWICETOLD_IDENTICAL_H_
#define TWICETOLD_IDENTICAL_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "twicetold/segment.h"

namespace twicetold {

struct IdenticalKey {
  uint64_t high = 0;
  uint64_t low = 0;
  uint32_t words = 0;  // 0: the text is identical to nothing
  bool operator==(const IdenticalKey& other) const = default;
};

// The key of normalized text (as Normalize or Analyze give it) and its word
// tokens (Tokenize, or Segmentation::tokens, of the same text). Thread-safe.
IdenticalKey ComputeIdenticalKey(std::string_view normalized_text,
                                 const std::vector<Token>& tokens);

// Whether two texts are identical: both have words and the same key.
inline bool AreIdentical(const IdenticalKey& a, const IdenticalKey& b) {
  return a.words > 0 && a == b;
}

}  // namespace twicetold

#endif  // TWICETOLD_IDENTICAL_H_
