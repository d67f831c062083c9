// Reports of a comparison for people: a terminal summary and a
// self-contained side-by-side HTML page; its JSON (ComparisonToJson) is in
// json.h with every other output contract, included here for it. Shared by
// every front end (CLI, server, Python), so they all say the same thing.
//
// Text in HTML is taken from the body as given (original typography).
#ifndef TWICETOLD_REPORT_H_
#define TWICETOLD_REPORT_H_

#include <string>

#include "twicetold/analyze.h"
#include "twicetold/compare.h"
#include "twicetold/json.h"  // ComparisonToJson

namespace twicetold {

// A readable multi-line summary for a terminal: the relation and its
// evidence, passage counts, the quote table and one-sided facts.
std::string ComparisonToText(const AnalyzedArticle& a, const AnalyzedArticle& b,
                             const Comparison& comparison);

// A complete HTML document (inline CSS, no scripts, no external resources):
// aligned passages side by side with changed words marked, the quote table
// and one-sided facts. All article text is escaped, so markup in an article
// shows as text.
std::string ComparisonToHtml(const AnalyzedArticle& a, const AnalyzedArticle& b,
                             const Comparison& comparison);

}  // namespace twicetold

#endif  // TWICETOLD_REPORT_H_
