// The JSON output contracts: one encoder for every object a user sees
// (cleaned article, quotes, comparison, dedup decision, story assignment,
// story summary). Every front end (CLI, server, Python) prints these same
// strings, so they all say the same thing; none needs a JSON library.
//
// Each encoder returns one line of UTF-8 JSON with no trailing newline.
// Field order is fixed and documented in doc/json_output.md (doc/dedup.md
// for dedup). Every span is [begin, end) in Unicode code points (not bytes)
// into the article body as given (Article::body), so that in Python
// `body[begin:end]` is the text named; the conversion is CodePointIndex
// (span.h). Invalid UTF-8 in a string (never expected: the readers validate
// every body) is replaced by U+FFFD rather than failing. Thread-safe; the
// library never prints, so front ends write the lines themselves.
#ifndef TWICETOLD_JSON_H_
#define TWICETOLD_JSON_H_

#include <string>
#include <string_view>
#include <vector>

#include "twicetold/analyze.h"
#include "twicetold/compare.h"
#include "twicetold/dedup.h"
#include "twicetold/document.h"
#include "twicetold/quote.h"
#include "twicetold/story.h"

namespace twicetold {

// `twicetold clean --json`: id, title, source, url, published, text (the
// body as given), authors, site and language (page metadata of HTML and
// WARC input; [] and "" otherwise), dateline (place, outlet, span; or null), body (cleaned),
// paragraphs (kind, span, text), sentences (paragraph, span) and removed
// (reason, span, text).
std::string CleanedArticleToJson(const AnalyzedArticle& article);

// `twicetold quotes --json`: {"id", "quotes": [{"text", "span", "quoted",
// "quoted_text", "mixed", "speaker", "speaker_span", "fragment",
// "in_heading", "title"}]} for `quotes` as returned by
// ExtractQuotes(article, ...). "span"/"text" are what the speaker is
// reported as saying (for a mixed quotation its clause, Quote::clause),
// "quoted"/"quoted_text" the quoted words.
std::string QuotesToJson(const AnalyzedArticle& article,
                         const std::vector<Quote>& quotes);

// `twicetold compare --json`: relation, scores, model, a, b (id, title,
// source, published, removed, dateline), runs, alignment, quotes (speaker,
// a, b, relation, diff) and facts (only_a, only_b) of `comparison`, which
// Compare(a, b, ...) returned.
std::string ComparisonToJson(const AnalyzedArticle& a, const AnalyzedArticle& b,
                             const Comparison& comparison);

// `twicetold dedup`: {"id", "cluster", "duplicate_of", "relation",
// "similarity"}; cluster and duplicate_of are ids (duplicate_of null for an
// origin).
std::string DedupDecisionToJson(const Article& article,
                                const DedupDecision& decision);

// The word `stories` prints for an assignment's relation: "origin" for the
// first member of a story, else RelationName of its relation.
std::string_view StoryRelationName(const StoryAssignment& assignment);

// `twicetold stories`: {"id", "story", "relation", "duplicate_of",
// "closest", "similarity"}; duplicate_of is the closest member's id when the
// relation is a copy (identical, near_duplicate, excerpt, rewrite), else null.
std::string StoryAssignmentToJson(const StoryAssignment& assignment);

// `twicetold stories --stories FILE`: {"story", "size", "origin",
// "members", "title", "first_seen", "last_seen"}; origin and members are
// ids; first_seen and last_seen are null when no member is dated.
std::string StoryToJson(const Story& story);

}  // namespace twicetold

#endif  // TWICETOLD_JSON_H_
