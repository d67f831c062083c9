// Reports of a comparison for people and machines: one JSON object, a
// terminal summary, and a self-contained side-by-side HTML page. Shared by
// every front end (CLI, server, Python), so they all say the same thing.
//
// Offsets in JSON are Unicode code points into each article's body as given
// (Article::body), end-exclusive. Text in JSON and HTML is taken from the
// body as given (original typography), so `text == body[span]` always holds.
#ifndef TWICETOLD_REPORT_H_
#define TWICETOLD_REPORT_H_

#include <string>

#include "twicetold/analyze.h"
#include "twicetold/compare.h"

namespace twicetold {

// One line of JSON (no trailing newline) with the fields of issue #3's
// contract: relation, scores, model, a, b (id, title, removed, dateline),
// runs, alignment, quotes (speaker, a, b, relation, diff) and facts.
std::string ComparisonToJson(const AnalyzedArticle& a, const AnalyzedArticle& b,
                             const Comparison& comparison);

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
