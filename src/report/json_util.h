// Private helpers of the JSON encoders (include/twicetold/json.h): the JSON
// type they build and the one conversion of spans to code-point pairs.
#ifndef TWICETOLD_SRC_REPORT_JSON_UTIL_H_
#define TWICETOLD_SRC_REPORT_JSON_UTIL_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include <vector>

#include "twicetold/analyze.h"
#include "twicetold/dedup.h"
#include "twicetold/quote.h"
#include "twicetold/span.h"

namespace twicetold::report_internal {

// Objects keep the order fields are written in, so output reads naturally.
using Json = nlohmann::ordered_json;

// One line of JSON, no newline; invalid UTF-8 is replaced, never thrown on.
inline std::string JsonLine(const Json& value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// DedupDecisionToJson through the generic encoder (Json and JsonLine): the
// definition the hand-written line of DedupDecisionToJson must match.
std::string DedupDecisionToJsonGeneric(const Article& article, const DedupDecision& d);

// Spans of one article as [begin, end] code points into its body as given.
// Holds a reference to `article`, which must outlive it.
class BodySpans {
 public:
  explicit BodySpans(const AnalyzedArticle& article)
      : article_(article), index_(article.article.body) {}

  // A byte span of article.body.
  Json Body(Span body) const {
    const Span cp = index_.Convert(body);
    return Json::array({cp.begin, cp.end});
  }
  // A byte span of article.normalized.text.
  Json Normalized(Span normalized) const { return Body(article_.ToBody(normalized)); }
  // Normalized(*span), or null.
  Json Optional(const std::optional<Span>& normalized) const {
    return normalized ? Normalized(*normalized) : Json(nullptr);
  }

 private:
  const AnalyzedArticle& article_;
  CodePointIndex index_;
};

// What cleaning removed, [{"reason", "span", "text"}], and the dateline,
// {"place", "outlet", "span"} or null: shared by clean and compare.
Json RemovedJson(const AnalyzedArticle& article, const BodySpans& spans);
Json DatelineJson(const AnalyzedArticle& article, const BodySpans& spans);

// An article's quotes, [{"text", "span", "quoted", "quoted_text", "mixed",
// "speaker", "speaker_span", "fragment", "in_heading", "title"}]: shared by
// `quotes --json` and the store's article detail. "span" and "text" are
// what the speaker is reported as saying: the quoted words, or for a mixed
// quotation (Quote::clause) the clause that ends in them; "quoted" and
// "quoted_text" are always the quoted words, without the marks.
Json QuoteListJson(const AnalyzedArticle& article, const std::vector<Quote>& quotes);

}  // namespace twicetold::report_internal

#endif  // TWICETOLD_SRC_REPORT_JSON_UTIL_H_
