// The relation of two articles without the rest of a Comparison.
#ifndef TWICETOLD_COMPARE_RELATION_OF_H_
#define TWICETOLD_COMPARE_RELATION_OF_H_

#include "compare/features.h"
#include "twicetold/analyze.h"
#include "twicetold/compare.h"
#include "twicetold/identical.h"

namespace twicetold::compare_internal {

// Compare(a, b, options)->relation, always (the same errors too), but
// computing the sentence alignment and the facts only when cheaper scores
// (shingles, shared runs, term vectors) leave the relation open. Thread-safe.
Result<Relation> RelationOf(const AnalyzedArticle& a, const AnalyzedArticle& b,
                            const CompareOptions& options);

// What RelationOf computes about one article on its own, so that an
// article compared several times is analysed once.
struct CompareSide {
  AnalyzedArticle analyzed;
  ArticleFeatures features;  // without the sentence vectors (made on demand)
  IdenticalKey identical;    // of analyzed
};

CompareSide ComputeCompareSide(AnalyzedArticle analyzed);

// RelationOf(a.analyzed, b.analyzed, options).
Result<Relation> RelationOf(const CompareSide& a, const CompareSide& b,
                            const CompareOptions& options);

}  // namespace twicetold::compare_internal

#endif  // TWICETOLD_COMPARE_RELATION_OF_H_
