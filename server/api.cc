// The /v1 JSON API, /healthz, /metrics and /openapi.json. Each handler
// decodes its request, calls the library and answers with the library's
// encoders; errors go through SendStatus (StatusToHttp).
#include <nlohmann/json.hpp>

#include <atomic>
#include <charconv>
#include <chrono>
#include <ctime>
#include <string>
#include <vector>

#include "server/assets.h"
#include "server/state.h"
#include "twicetold/analyze.h"
#include "twicetold/compare.h"
#include "twicetold/io.h"
#include "twicetold/json.h"
#include "twicetold/quote.h"
#include "twicetold/report.h"
#include "twicetold/store_json.h"

namespace twicetold::server {
namespace {

using Json = nlohmann::json;

// Caps what one GET /v1/stories can ask for.
constexpr uint64_t kMaxStoriesPerPage = 1000;

// A query parameter as an unsigned number: `fallback` when absent,
// InvalidArgument when not a number.
Result<uint64_t> UintParam(const httplib::Request& req, const char* name, uint64_t fallback) {
  if (!req.has_param(name)) return fallback;
  const std::string value = req.get_param_value(name);
  uint64_t out = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), out);
  if (ec != std::errc() || end != value.data() + value.size()) {
    return InvalidArgumentError(std::string("parameter '") + name +
                                "' is not a non-negative integer");
  }
  return out;
}

void GetStories(State& state, const httplib::Request& req, httplib::Response& res) {
  const Result<uint64_t> limit = UintParam(req, "limit", 50);
  if (!limit.ok()) return SendStatus(res, limit.status());
  const Result<uint64_t> offset = UintParam(req, "offset", 0);
  if (!offset.ok()) return SendStatus(res, offset.status());
  if (*limit > kMaxStoriesPerPage) {
    return SendError(res, 400, "limit must be at most " + std::to_string(kMaxStoriesPerPage));
  }
  Result<StorePool::Lease> store = state.readers.Acquire();
  if (!store.ok()) return SendStatus(res, store.status());
  const auto stories = (*store)->Stories(*limit, *offset, req.get_param_value("q"),
                                         req.get_param_value("since"));
  if (!stories.ok()) return SendStatus(res, stories.status());
  const Result<uint64_t> total = (*store)->StoryCount();
  if (!total.ok()) return SendStatus(res, total.status());
  SendJson(res, 200, StoryPageToJson(*stories, *total, *limit, *offset));
}

void GetStory(State& state, const httplib::Request& req, httplib::Response& res) {
  uint64_t id = 0;
  const std::string text = req.matches[1];
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc()) return SendError(res, 404, "no story " + text);
  Result<StorePool::Lease> store = state.readers.Acquire();
  if (!store.ok()) return SendStatus(res, store.status());
  const auto story = (*store)->FindStory(id);
  if (!story.ok()) return SendStatus(res, story.status());
  if (!story->has_value()) return SendError(res, 404, "no story " + text);
  const auto members = (*store)->Members(id);
  if (!members.ok()) return SendStatus(res, members.status());
  SendJson(res, 200, StoryDetailToJson(**story, *members));
}

// The stored article `id`: its newest version, or ?version=N.
Result<StoredArticle> FindArticle(Store& store, const std::string& id,
                                  const httplib::Request& req,
                                  std::vector<StoredArticle>* versions) {
  ASSIGN_OR_RETURN(*versions, store.Versions(id));
  if (versions->empty()) return NotFoundError("no article '" + id + "'");
  ASSIGN_OR_RETURN(const uint64_t version, UintParam(req, "version", versions->size()));
  if (version == 0 || version > versions->size()) {
    return NotFoundError("article '" + id + "' has no version " + std::to_string(version));
  }
  return (*versions)[version - 1];
}

void GetArticle(State& state, const httplib::Request& req, httplib::Response& res) {
  const std::string id = req.matches[1];
  Result<StorePool::Lease> store = state.readers.Acquire();
  if (!store.ok()) return SendStatus(res, store.status());
  std::vector<StoredArticle> versions;
  const Result<StoredArticle> article = FindArticle(**store, id, req, &versions);
  if (!article.ok()) return SendStatus(res, article.status());
  const auto story = (*store)->FindStory(article->story);
  if (!story.ok()) return SendStatus(res, story.status());
  const AnalyzedArticle analyzed = Analyze(article->article, state.options.ingest.story.analyze);
  const std::vector<Quote> quotes = ExtractQuotes(analyzed, QuoteOptions{});
  SendJson(res, 200, ArticleDetailToJson(*article, versions, *story, analyzed, quotes));
}

// ---- POST /v1/compare ----

// One side of a compare request: an inline article ("a": {...}) or a
// stored id ("a_id": "...").
Result<Article> CompareSide(State& state, const Json& request, const std::string& side) {
  const auto inline_it = request.find(side);
  const auto id_it = request.find(side + "_id");
  if (inline_it != request.end() && id_it != request.end()) {
    return InvalidArgumentError("give either \"" + side + "\" or \"" + side + "_id\", not both");
  }
  if (inline_it != request.end()) {
    if (!inline_it->is_object()) {
      return InvalidArgumentError("field \"" + side + "\" is not an article object");
    }
    Result<Article> article = ParseArticleJson(inline_it->dump(), ReadOptions{}, side);
    if (!article.ok()) {
      return InvalidArgumentError("article \"" + side + "\": " + article.status().message());
    }
    return article;
  }
  if (id_it == request.end()) {
    return InvalidArgumentError("missing \"" + side + "\" (an article) or \"" + side +
                                "_id\" (a stored id)");
  }
  if (!id_it->is_string()) return InvalidArgumentError("field \"" + side + "_id\" is not a string");
  ASSIGN_OR_RETURN(StorePool::Lease store, state.readers.Acquire());
  ASSIGN_OR_RETURN(std::optional<StoredArticle> found,
                   store->FindLatest(id_it->get<std::string>()));
  if (!found) return NotFoundError("no article '" + id_it->get<std::string>() + "'");
  return std::move(found->article);
}

void PostCompare(State& state, const httplib::Request& req, httplib::Response& res) {
  const Json request = Json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  if (request.is_discarded()) return SendError(res, 400, "malformed JSON");
  if (!request.is_object()) return SendError(res, 400, "not a JSON object");
  Result<Article> a = CompareSide(state, request, "a");
  if (!a.ok()) return SendStatus(res, a.status());
  Result<Article> b = CompareSide(state, request, "b");
  if (!b.ok()) return SendStatus(res, b.status());
  const AnalyzeOptions& analyze = state.options.ingest.story.analyze;
  const AnalyzedArticle analyzed_a = Analyze(std::move(*a), analyze);
  const AnalyzedArticle analyzed_b = Analyze(std::move(*b), analyze);
  const Result<Comparison> comparison =
      Compare(analyzed_a, analyzed_b, state.options.ingest.story.compare);
  if (!comparison.ok()) return SendStatus(res, comparison.status());
  if (req.get_param_value("format") == "html") {
    res.status = 200;
    res.set_content(ComparisonToHtml(analyzed_a, analyzed_b, *comparison),
                    "text/html; charset=utf-8");
    return;
  }
  SendJson(res, 200, ComparisonToJson(analyzed_a, analyzed_b, *comparison));
}

// ---- POST /v1/articles ----

// The id given to a posted record without one: when it was received and
// its place in the batch, so two posts never share an id.
std::string DefaultIdPrefix() {
  static std::atomic<uint64_t> batches{0};
  const auto now = std::chrono::system_clock::now();
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
  return std::string("post:") + buf + "-" + std::to_string(batches.fetch_add(1)) + ":";
}

bool IsNdjson(const httplib::Request& req) {
  const std::string type = req.get_header_value("Content-Type");
  return type.rfind("application/x-ndjson", 0) == 0 ||
         type.rfind("application/jsonl", 0) == 0 || type.rfind("application/jsonlines", 0) == 0;
}

// The records of a POST body: the whole body, or its non-blank lines.
std::vector<std::string_view> Records(const httplib::Request& req) {
  std::vector<std::string_view> records;
  std::string_view body = req.body;
  if (!IsNdjson(req)) {
    records.push_back(body);
    return records;
  }
  while (!body.empty()) {
    const size_t end = body.find('\n');
    std::string_view line = body.substr(0, end);
    body = end == std::string_view::npos ? std::string_view() : body.substr(end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") != std::string_view::npos) records.push_back(line);
  }
  return records;
}

// Adds `articles` with the one ingester. After a failed Add its index may
// hold articles the store does not, so it is replaced by a fresh one
// (replaying the store); if that fails too, ingest answers errors until
// the server restarts.
Result<std::vector<StoredArticle>> Ingest(State& state, std::vector<Article> articles,
                                          uint64_t* skipped) {
  std::lock_guard lock(state.write_mu);
  if (state.ingester == nullptr) {
    return IOError("ingest unavailable after a store error; restart the server");
  }
  Result<std::vector<StoredArticle>> placed = state.ingester->Add(std::move(articles), skipped);
  if (!placed.ok()) {
    state.ingester.reset();
    Result<std::unique_ptr<StoryIngester>> fresh =
        StoryIngester::Open(*state.writer, state.options.ingest);
    if (fresh.ok()) state.ingester = std::move(*fresh);
  }
  return placed;
}

void PostArticles(State& state, const httplib::Request& req, httplib::Response& res) {
  const std::vector<std::string_view> records = Records(req);
  if (records.empty() || (records.size() == 1 && records[0].find_first_not_of(" \t\r\n") ==
                                                     std::string_view::npos)) {
    return SendError(res, 400, "empty request: expected a JSON article or JSON lines");
  }
  ReadOptions read;
  read.keep_original = false;
  const std::string id_prefix = DefaultIdPrefix();
  std::vector<Article> articles;
  std::vector<RecordRejection> rejected;
  for (size_t i = 0; i < records.size(); ++i) {
    Result<Article> article = ParseArticleJson(records[i], read, id_prefix + std::to_string(i + 1));
    if (article.ok()) {
      articles.push_back(std::move(*article));
    } else {
      rejected.push_back({i + 1, article.status().message()});
    }
  }
  uint64_t skipped = 0;
  Result<std::vector<StoredArticle>> placed = std::vector<StoredArticle>();
  if (!articles.empty()) placed = Ingest(state, std::move(articles), &skipped);
  if (!placed.ok()) return SendStatus(res, placed.status());
  state.metrics.RecordIngest(placed->size(), skipped, rejected.size());
  const int code = rejected.size() == records.size() ? 400 : 200;
  SendJson(res, code, IngestResultToJson(*placed, skipped, rejected));
}

// ---- service endpoints ----

void GetMetrics(State& state, httplib::Response& res) {
  StoreGauges gauges;
  if (Result<StorePool::Lease> store = state.readers.Acquire(); store.ok()) {
    if (auto n = (*store)->ArticleCount(); n.ok()) gauges.articles = *n;
    if (auto n = (*store)->StoryCount(); n.ok()) gauges.stories = *n;
    if (auto n = (*store)->SizeBytes(); n.ok()) gauges.bytes = *n;
  }
  res.set_content(state.metrics.Text(gauges), "text/plain; version=0.0.4; charset=utf-8");
}

void GetHealth(State& state, httplib::Response& res) {
  Result<StorePool::Lease> store = state.readers.Acquire();
  if (!store.ok()) return SendStatus(res, store.status());
  const Result<uint64_t> articles = (*store)->ArticleCount();
  if (!articles.ok()) return SendStatus(res, articles.status());
  res.set_content("{\"status\":\"ok\",\"articles\":" + std::to_string(*articles) + "}",
                  "application/json");
}

}  // namespace

void RegisterApi(httplib::Server& http, State& state) {
  using Req = const httplib::Request&;
  using Res = httplib::Response&;
  http.Get("/healthz", [&state](Req, Res res) { GetHealth(state, res); });
  http.Get("/metrics", [&state](Req, Res res) { GetMetrics(state, res); });
  http.Get("/openapi.json", [](Req, Res res) {
    const Asset* asset = FindAsset("openapi.json");
    res.set_content(std::string(asset->data, asset->size), "application/json");
  });
  http.Get("/v1/stories", [&state](Req req, Res res) { GetStories(state, req, res); });
  http.Get(R"(/v1/stories/([^/]+))", [&state](Req req, Res res) { GetStory(state, req, res); });
  http.Get(R"(/v1/articles/(.+))", [&state](Req req, Res res) { GetArticle(state, req, res); });
  http.Post("/v1/compare", [&state](Req req, Res res) { PostCompare(state, req, res); });
  http.Post("/v1/articles", [&state](Req req, Res res) { PostArticles(state, req, res); });
}

}  // namespace twicetold::server
