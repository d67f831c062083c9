// Prometheus text for the server's counters (metrics.h).
#include "server/metrics.h"

#include <cstdio>

namespace twicetold::server {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

void Line(std::string* out, const std::string& name, double value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, " %.17g\n", value);
  *out += name;
  *out += buf;
}

}  // namespace

std::string_view Metrics::RouteOf(std::string_view path) {
  static constexpr std::string_view kExact[] = {
      "/", "/healthz", "/metrics", "/openapi.json", "/v1/stories", "/v1/articles",
      "/v1/compare", "/compare", "/paste"};
  for (std::string_view route : kExact) {
    if (path == route) return route;
  }
  if (StartsWith(path, "/v1/stories/")) return "/v1/stories/{id}";
  if (StartsWith(path, "/v1/articles/")) return "/v1/articles/{id}";
  if (StartsWith(path, "/stories/")) return "/stories/{id}";
  if (StartsWith(path, "/articles/")) return "/articles/{id}";
  if (StartsWith(path, "/assets/")) return "/assets/{file}";
  return "other";
}

std::string_view Metrics::MethodOf(std::string_view method) {
  static constexpr std::string_view kMethods[] = {
      "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "CONNECT", "TRACE"};
  for (std::string_view known : kMethods) {
    if (method == known) return known;
  }
  return "other";
}

void Metrics::Record(std::string_view method, std::string_view path, int status,
                     double seconds) {
  const std::string route(RouteOf(path));
  std::lock_guard lock(mu_);
  ++requests_[{route, std::string(MethodOf(method)), status}];
  Histogram& h = latency_[route];
  size_t b = 0;
  while (b < kBuckets.size() && seconds > kBuckets[b]) ++b;
  if (b < kBuckets.size()) ++h.counts[b];
  ++h.count;
  h.sum += seconds;
}

void Metrics::RecordIngest(uint64_t stored, uint64_t skipped, uint64_t rejected) {
  std::lock_guard lock(mu_);
  stored_ += stored;
  skipped_ += skipped;
  rejected_ += rejected;
}

size_t Metrics::LabelSets() const {
  std::lock_guard lock(mu_);
  return requests_.size() + latency_.size();
}

std::string Metrics::Text(const StoreGauges& store) const {
  std::lock_guard lock(mu_);
  std::string out;
  out += "# HELP twicetold_http_requests_total HTTP requests answered.\n"
         "# TYPE twicetold_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    const auto& [route, method, status] = key;
    Line(&out, "twicetold_http_requests_total{route=\"" + route + "\",method=\"" + method +
                   "\",code=\"" + std::to_string(status) + "\"}",
         double(count));
  }
  out += "# HELP twicetold_http_request_duration_seconds Time from routing to answer.\n"
         "# TYPE twicetold_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : latency_) {
    const std::string name = "twicetold_http_request_duration_seconds";
    const std::string label = "route=\"" + route + "\"";
    uint64_t cumulative = 0;
    for (size_t b = 0; b < kBuckets.size(); ++b) {
      cumulative += h.counts[b];
      char le[32];
      std::snprintf(le, sizeof le, "%g", kBuckets[b]);
      Line(&out, name + "_bucket{" + label + ",le=\"" + le + "\"}", double(cumulative));
    }
    Line(&out, name + "_bucket{" + label + ",le=\"+Inf\"}", double(h.count));
    Line(&out, name + "_sum{" + label + "}", h.sum);
    Line(&out, name + "_count{" + label + "}", double(h.count));
  }
  out += "# HELP twicetold_ingested_articles_total Articles stored by POST /v1/articles.\n"
         "# TYPE twicetold_ingested_articles_total counter\n";
  Line(&out, "twicetold_ingested_articles_total", double(stored_));
  out += "# HELP twicetold_skipped_articles_total Posted articles already stored.\n"
         "# TYPE twicetold_skipped_articles_total counter\n";
  Line(&out, "twicetold_skipped_articles_total", double(skipped_));
  out += "# HELP twicetold_rejected_records_total Posted records rejected.\n"
         "# TYPE twicetold_rejected_records_total counter\n";
  Line(&out, "twicetold_rejected_records_total", double(rejected_));
  out += "# HELP twicetold_articles Article versions in the store.\n"
         "# TYPE twicetold_articles gauge\n";
  Line(&out, "twicetold_articles", double(store.articles));
  out += "# HELP twicetold_stories Stories in the store.\n# TYPE twicetold_stories gauge\n";
  Line(&out, "twicetold_stories", double(store.stories));
  out += "# HELP twicetold_store_bytes Bytes of the store on disk.\n"
         "# TYPE twicetold_store_bytes gauge\n";
  Line(&out, "twicetold_store_bytes", double(store.bytes));
  return out;
}

}  // namespace twicetold::server
