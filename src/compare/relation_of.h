// The relation of two articles without the rest of a Comparison.
#ifndef TWICETOLD_COMPARE_RELATION_OF_H_
#define TWICETOLD_COMPARE_RELATION_OF_H_

#include "twicetold/analyze.h"
#include "twicetold/compare.h"

namespace twicetold::compare_internal {

// Compare(a, b, options)->relation, always (the same errors too), but
// computing the sentence alignment and the facts only when cheaper scores
// (shingles, shared runs, term vectors) leave the relation open. Thread-safe.
Result<Relation> RelationOf(const AnalyzedArticle& a, const AnalyzedArticle& b,
                            const CompareOptions& options);

}  // namespace twicetold::compare_internal

#endif  // TWICETOLD_COMPARE_RELATION_OF_H_
