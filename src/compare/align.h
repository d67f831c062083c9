// Sentence alignment between two texts, allowing one-to-many links and
// reordering.
#ifndef TWICETOLD_COMPARE_ALIGN_H_
#define TWICETOLD_COMPARE_ALIGN_H_

#include <cstdint>
#include <vector>

#include "compare/features.h"

namespace twicetold::compare_internal {

struct AlignLink {
  uint32_t a = 0;
  uint32_t b = 0;
  double similarity = 0;
  friend bool operator==(const AlignLink&, const AlignLink&) = default;
};

// The alignment of sentence vectors `a` and `b`: for each sentence of A,
// a link to its most similar sentence of B (by Cosine; ties go to the lower
// index) when that similarity is >= `threshold` (> 0); likewise for each
// sentence of B. The union of both, without duplicates, sorted by (a, b).
// So a B sentence that merges two A sentences gets both links, and moved
// paragraphs still align. Uses an inverted index so only sentences sharing
// a term are scored; equal to the all-pairs definition (checked in
// tests/reference/).
std::vector<AlignLink> AlignSentences(const std::vector<TermVector>& a,
                                      const std::vector<TermVector>& b,
                                      double threshold);

// Fraction of pairs of links (with distinct a and distinct b) that keep the
// same relative order in both texts; 1 when there are fewer than 2 such
// pairs.
double OrderAgreement(const std::vector<AlignLink>& links);

// Word-level similarity 2 * LCS / (|x| + |y|) of two token-id sequences
// (1 when both are empty).
double LcsSimilarity(const uint64_t* x, uint32_t nx, const uint64_t* y,
                     uint32_t ny);

}  // namespace twicetold::compare_internal

#endif  // TWICETOLD_COMPARE_ALIGN_H_
