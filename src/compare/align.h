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
  double similarity = 0;  // ModelSimilarity of the two sentences
  // True for the one-to-one links of steps 3, 3b and 3c below; false for the extra
  // links of step 4 (a merge, a split, a heading or list item).
  bool primary = true;
  friend bool operator==(const AlignLink&, const AlignLink&) = default;
};

struct AlignOptions {
  // A link needs ModelSimilarity (the measure behind SentenceSimilarity) at
  // least this.
  double threshold = 0.35;
  // A pair of sentences next to a linked pair, in the same order (the
  // previous sentences of both, or the next ones), links from this lower
  // similarity: rewrites keep local order, so context is evidence.
  double context_threshold = 0.2;
  // Sentences of the other text scored per sentence: the most similar by
  // stem cosine.
  uint32_t candidates = 4;
  // ...among those with a cosine at least this (lower ones are never
  // counterparts, and scoring them would double the cost).
  double min_cosine = 0.1;
  // A sentence of at most this many tokens (a heading, a list item, a
  // lead-in) may also link when the other sentence covers it...
  uint32_t short_tokens = 8;
  // ...that is, holds at least this fraction of its stems' IDF mass...
  double short_coverage = 0.5;
  // ...and at least `short_min_shared` of its distinct stems with IDF at
  // least `content_idf` (so "said on Tuesday" covers nothing).
  uint32_t short_min_shared = 2;
  double content_idf = 2.0;
};

// The sentences of one text as AlignSentences reads them: `sentences[i]` is
// SentenceTermVector(words, sentence_tokens[i]) (ArticleFeatures has both).
//
// AlignSentences(a, b, o), by definition:
//  1. Candidates: for each sentence of A, the `o.candidates` sentences of B
//     with the highest stem Cosine (>= o.min_cosine and > 0); ties go to
//     the sentence nearest the same relative position (smallest
//     |i * nb - j * na| for sentence i of na and j of nb), then to the
//     lower index, so that a sentence repeated more than o.candidates times
//     still has its own copy among the candidates when a text is compared
//     with itself; likewise for each sentence of B. The union of both.
//  2. Each candidate pair (i, j) is scored s(i, j) = ModelSimilarity of
//     PairFeatures over their token ranges.
//  3. Primary links, one-to-one: repeatedly take the candidate pair with
//     the highest s (ties: lower i, then lower j) among pairs whose two
//     sentences are both still unlinked, while that s >= o.threshold.
//  3b. Context links, one-to-one: repeatedly take the candidate pair with
//     the highest s (same ties) among pairs (i, j) of two unlinked
//     sentences where (i - 1, j - 1) or (i + 1, j + 1) is linked (by step
//     3 or an earlier 3b link), while that s >= o.context_threshold.
//  3c. Unweighted links, one-to-one: a sentence of A without a weighted
//     term (no candidates: punctuation or stop words only) left unlinked
//     links to the first unlinked such sentence of B after the last 3c link
//     whose words are the same (similarity 1), so that a text compared
//     with itself aligns every sentence with itself.
//  4. Extra links, for each sentence x left unlinked by step 3c (either
//     side; each decided on the state after step 3c):
//     a. its candidate y with the highest s (ties to the lower index),
//        when s(x, y) >= o.threshold (y has its own primary link: x is the
//        other half of a merge or a split);
//     b. else, when x is short (<= o.short_tokens tokens), its candidate y
//        with the highest Coverage(x, y) (ties: higher s, then lower
//        index), when that coverage is >= o.short_coverage with at least
//        o.short_min_shared shared content stems (a heading or list item
//        restating part of y).
//  5. All links sorted by (a, b).
// Fast: the cosine goes through an inverted index and only candidates are
// scored. Equal to the all-pairs definition (tests/reference/).
std::vector<AlignLink> AlignSentences(const ArticleFeatures& a,
                                      const ArticleFeatures& b,
                                      const AlignOptions& options);

// How much of sentence x (tokens [x0, x1) of `xs`) sentence y restates:
// the fraction of the IDF mass of x's distinct stems found in y, and the
// number of x's distinct stems with IDF >= content_idf found in y.
struct Coverage {
  double fraction = 0;
  uint32_t shared_content = 0;
};
Coverage CoverageOf(const WordSequence& xs, uint32_t x0, uint32_t x1,
                    const WordSequence& ys, uint32_t y0, uint32_t y1,
                    double content_idf);

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
