// Private helpers shared by the comparison and story reports.
#ifndef TWICETOLD_SRC_REPORT_REPORT_UTIL_H_
#define TWICETOLD_SRC_REPORT_REPORT_UTIL_H_

#include <string>
#include <string_view>
#include <vector>

#include "twicetold/analyze.h"
#include "twicetold/compare.h"

namespace twicetold::report_internal {

// Appends `text` with &, <, >, " and ' escaped for HTML text and attributes.
void Escape(std::string_view text, std::string* out);
std::string Escaped(std::string_view text);

// `value` with two decimals ("0.85").
std::string Fixed(double value);

// The body-as-given text of a span of the article's normalized text.
inline std::string_view BodyText(const AnalyzedArticle& article, Span normalized) {
  return article.ToBody(normalized).In(article.article.body);
}

// Facts grouped under plural JSON/HTML names, in FactKind order.
struct FactGroup {
  std::string_view name;  // "numbers", "dates", "people", ...
  std::vector<const Fact*> facts;
};
std::vector<FactGroup> GroupFacts(const std::vector<Fact>& facts);

// How a passage was changed between the versions, one word per entry.
struct MarkedWord {
  Span span;          // in the article's normalized text
  bool changed = false;
};

// Words of sentence `a_span` (in A) and `b_span` (in B), each marked changed
// when a minimal word diff (case-insensitive) deletes or inserts it.
void MarkChangedWords(const AnalyzedArticle& a, Span a_span,
                      const AnalyzedArticle& b, Span b_span,
                      std::vector<MarkedWord>* a_words,
                      std::vector<MarkedWord>* b_words);

// The relation's name, with the side an excerpt was taken from: "excerpt
// (B is part of A)".
std::string RelationLabel(const Comparison& comparison);

// Count of alignment entries per MatchKind, indexed by the enum value.
std::vector<int> CountKinds(const Comparison& comparison);

}  // namespace twicetold::report_internal

#endif  // TWICETOLD_SRC_REPORT_REPORT_UTIL_H_
