// Fact extraction helpers shared by Compare: which facts of one article are
// absent from the other.
#ifndef TWICETOLD_COMPARE_FACTS_H_
#define TWICETOLD_COMPARE_FACTS_H_

#include <vector>

#include "twicetold/analyze.h"
#include "twicetold/compare.h"

namespace twicetold::compare_internal {

// Facts of `facts_a` not present in `b`: a number when `b` has no number
// with the same key; a date when no date of `b` agrees on every part both
// give (month, day, year, weekday); a name when some word of it is missing
// from `b`'s words (for a person, the surname alone suffices, so "Trump"
// matches "Donald Trump").
std::vector<Fact> FactsMissingFrom(const std::vector<Fact>& facts_a,
                                   const std::vector<Fact>& facts_b,
                                   const AnalyzedArticle& b);

}  // namespace twicetold::compare_internal

#endif  // TWICETOLD_COMPARE_FACTS_H_
