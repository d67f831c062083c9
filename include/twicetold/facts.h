// Facts of an article: the numbers, dates and names it mentions, and which
// of them only one of two versions has (Comparison::facts). Spans are byte
// ranges into AnalyzedArticle::normalized.text.
#ifndef TWICETOLD_FACTS_H_
#define TWICETOLD_FACTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "twicetold/analyze.h"
#include "twicetold/span.h"

namespace twicetold {

enum class FactKind { kNumber, kDate, kPerson, kPlace, kOrganization, kName };
std::string_view FactKindName(FactKind kind);  // "number", "person", ...

// A number, date or name mentioned in an article.
struct Fact {
  FactKind kind = FactKind::kName;
  std::string text;  // as first written (normalized text)
  std::string key;   // matching key: case-folded, digits without separators
  Span span;         // first mention, in the article's normalized text
};

struct FactDiff {
  std::vector<Fact> only_a;
  std::vector<Fact> only_b;
};

// Numbers, dates and names in `article`, one Fact per distinct key, in
// order of first mention. Names are capitalised word sequences (not a
// sentence's first word alone), classified by simple cue words into person,
// place or organisation, else kName.
std::vector<Fact> ExtractFacts(const AnalyzedArticle& article);

}  // namespace twicetold

#endif  // TWICETOLD_FACTS_H_
