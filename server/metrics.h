// Request counters and latency histograms in the Prometheus text format.
// Thread-safe. Internal to server/.
#ifndef TWICETOLD_SERVER_METRICS_H_
#define TWICETOLD_SERVER_METRICS_H_

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>

namespace twicetold::server {

// Store figures reported as gauges.
struct StoreGauges {
  uint64_t articles = 0;
  uint64_t stories = 0;
  uint64_t bytes = 0;
};

class Metrics {
 public:
  // The route template of `path` ("/v1/stories/{id}"), so that labels
  // stay few whatever the ids requested.
  static std::string_view RouteOf(std::string_view path);
  // The method label: one of the standard methods, else "other". A
  // request line may carry any bytes as its method (httplib answers 400
  // and still logs it); quotes or line breaks in a label would break the
  // exposition format, and invented methods would add labels without end.
  static std::string_view MethodOf(std::string_view method);

  // One answered request; `seconds` from routing to the answer (0 when the
  // request was refused before routing).
  void Record(std::string_view method, std::string_view path, int status, double seconds);
  // Articles stored and records rejected by POST /v1/articles.
  void RecordIngest(uint64_t stored, uint64_t skipped, uint64_t rejected);

  // Every metric, in the Prometheus text exposition format 0.0.4.
  std::string Text(const StoreGauges& store) const;
  // How many label sets Text has: it grows when a request makes a new
  // combination of route, method and code (fuzz_http checks the text
  // again only then).
  size_t LabelSets() const;

 private:
  static constexpr std::array<double, 12> kBuckets = {
      0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10};
  struct Histogram {
    std::array<uint64_t, kBuckets.size()> counts{};  // non-cumulative
    uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mu_;
  std::map<std::tuple<std::string, std::string, int>, uint64_t> requests_;
  std::map<std::string, Histogram> latency_;
  uint64_t stored_ = 0, skipped_ = 0, rejected_ = 0;
};

}  // namespace twicetold::server

#endif  // TWICETOLD_SERVER_METRICS_H_
