// JSON encoders for store objects (store_json.h).
#include "twicetold/store_json.h"

#include "report/json_util.h"

namespace twicetold {
namespace {

using report_internal::Json;

using report_internal::JsonLine;

Json OrNull(const std::optional<std::string>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json EmptyAsNull(const std::string& value) {
  return value.empty() ? Json(nullptr) : Json(value);
}

Json AssignmentJson(const StoredArticle& a) {
  return Json{{"id", a.article.id},
              {"story", a.story},
              {"relation", a.relation},
              {"duplicate_of", OrNull(a.duplicate_of)},
              {"closest", OrNull(a.closest)},
              {"similarity", a.similarity}};
}

Json StoryJson(const StoredStory& s) {
  return Json{{"story", s.story},
              {"size", s.size},
              {"origin", s.origin},
              {"title", s.title},
              {"first_seen", EmptyAsNull(s.first_seen)},
              {"last_seen", EmptyAsNull(s.last_seen)},
              {"last_seq", s.last_seq}};
}

Json MemberJson(const StoredArticle& a) {
  return Json{{"seq", a.seq},
              {"id", a.article.id},
              {"version", a.version},
              {"title", a.article.title},
              {"source", a.article.source},
              {"url", a.article.url},
              {"published", EmptyAsNull(a.article.published)},
              {"ingested_at", a.ingested_at},
              {"relation", a.relation},
              {"duplicate_of", OrNull(a.duplicate_of)},
              {"closest", OrNull(a.closest)},
              {"similarity", a.similarity}};
}

}  // namespace

std::string ArticleVersionToJson(const StoredArticle& version,
                                 std::string_view comparison_json) {
  Json out = MemberJson(version);
  out["previous_seq"] = version.previous_seq ? Json(*version.previous_seq) : Json(nullptr);
  out["comparison"] = comparison_json.empty()
                          ? Json(nullptr)
                          : Json::parse(comparison_json, nullptr, /*allow_exceptions=*/false);
  return JsonLine(out);
}

std::string StoredArticleToJson(const StoredArticle& article) {
  return JsonLine(AssignmentJson(article));
}

std::string StoredStoryToJson(const StoredStory& story) { return JsonLine(StoryJson(story)); }

std::string StoryPageToJson(const std::vector<StoredStory>& stories,
                            uint64_t stories_in_store, uint64_t limit, uint64_t offset) {
  Json list = Json::array();
  for (const StoredStory& s : stories) list.push_back(StoryJson(s));
  return JsonLine(Json{{"limit", limit},
                   {"offset", offset},
                   {"stories_in_store", stories_in_store},
                   {"stories", std::move(list)}});
}

std::string StoryDetailToJson(const StoredStory& story,
                              const std::vector<StoredArticle>& members) {
  Json out = StoryJson(story);
  Json list = Json::array();
  Json edges = Json::array();
  for (const StoredArticle& m : members) {
    list.push_back(MemberJson(m));
    if (!m.closest) continue;
    edges.push_back({{"from", *m.closest},
                     {"to", m.article.id},
                     {"relation", m.relation},
                     {"similarity", m.similarity}});
  }
  out["members"] = std::move(list);
  out["edges"] = std::move(edges);
  return JsonLine(out);
}

std::string ArticleDetailToJson(const StoredArticle& article,
                                const std::vector<StoredArticle>& versions,
                                const std::optional<StoredStory>& story,
                                const AnalyzedArticle& analyzed,
                                const std::vector<Quote>& quotes) {
  const Article& a = article.article;
  Json list = Json::array();
  for (const StoredArticle& v : versions) {
    list.push_back({{"seq", v.seq},
                    {"version", v.version},
                    {"title", v.article.title},
                    {"ingested_at", v.ingested_at},
                    {"relation", v.relation}});
  }
  return JsonLine(Json{{"id", a.id},
                   {"seq", article.seq},
                   {"version", article.version},
                   {"title", a.title},
                   {"source", a.source},
                   {"url", a.url},
                   {"published", EmptyAsNull(a.published)},
                   {"ingested_at", article.ingested_at},
                   {"headline_only", a.headline_only},
                   {"text", a.body},
                   {"story", story ? StoryJson(*story) : Json(nullptr)},
                   {"assignment", AssignmentJson(article)},
                   {"versions", std::move(list)},
                   {"quotes", report_internal::QuoteListJson(analyzed, quotes)}});
}

std::string IngestResultToJson(const std::vector<StoredArticle>& placed, uint64_t skipped,
                               const std::vector<RecordRejection>& rejected) {
  Json articles = Json::array();
  for (const StoredArticle& a : placed) articles.push_back(AssignmentJson(a));
  Json reasons = Json::array();
  for (const RecordRejection& r : rejected) {
    reasons.push_back({{"record", r.record}, {"reason", r.reason}});
  }
  return JsonLine(Json{{"articles", std::move(articles)},
                   {"skipped", skipped},
                   {"rejected", std::move(reasons)}});
}

std::string ErrorToJson(std::string_view code, std::string_view message) {
  return JsonLine(Json{{"error", code}, {"message", message}});
}

}  // namespace twicetold
