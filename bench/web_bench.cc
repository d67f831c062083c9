// Throughput of web input: HTML main-content extraction (MB of HTML per
// second, one core) on the Zyte benchmark pages read at run time from
// ../shared/data/html/zyte (or generated pages when they are missing),
// and WARC reading in records per second, plain and gzip, on a generated
// archive written to a temporary file:
//   WarcRead/...      every response is an HTML page, extracted (the
//                     whole reader, as `twicetold` commands run it);
//   WarcIterate/...   responses are images: WARC and HTTP headers parsed,
//                     payload read and skipped, no HTML extraction (what
//                     FastWARC's published figures measure).
// FastWARC (Bevendorff et al. 2021) publishes ~108,000 records/s on
// uncompressed and ~10,000 records/s on gzip WARCs (CC-MAIN files, one
// core); printed beside our figures as the reference.
//
//   cmake -S . -B build-rel -DCMAKE_BUILD_TYPE=Release
//   cmake --build build-rel --target web_bench && build-rel/web_bench
#include <benchmark/benchmark.h>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "twicetold/html.h"
#include "twicetold/io.h"

namespace twicetold {
namespace {

namespace fs = std::filesystem;

std::string Gunzip(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return "";
  std::string out;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof(buf))) > 0) out.append(buf, static_cast<size_t>(n));
  gzclose(f);
  return out;
}

// A generated news page (~25 KB: navigation, article, related links,
// comments, footer), different per seed.
std::string GeneratedPage(unsigned seed) {
  static const char* const kWords[] = {"the", "council", "said", "on", "Tuesday", "river",
                                       "bridge", "would", "reopen", "after", "repairs",
                                       "costing", "4.1", "million", "residents", "and"};
  std::mt19937 rng(seed);
  auto sentence = [&] {
    std::string s = "The";
    for (int i = 0, n = 10 + rng() % 15; i < n; ++i) {
      s += (rng() % 8 == 0) ? ", " : " ";
      s += kWords[rng() % 16];
    }
    return s + ". ";
  };
  std::string page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                     "Bridge</title><meta property=\"og:site_name\" content=\"Gazette\"></head>"
                     "<body><header><nav><ul>";
  for (int i = 0; i < 30; ++i) page += "<li><a href=\"/s" + std::to_string(i) + "\">Section</a></li>";
  page += "</ul></nav></header><main><article class=\"story\"><h1>Bridge</h1><div class=\"body\">";
  for (int p = 0; p < 12; ++p) {
    page += "<p>";
    for (int s = 0; s < 4; ++s) page += sentence();
    page += "</p>";
  }
  page += "</div><div class=\"related\"><ul>";
  for (int i = 0; i < 10; ++i) page += "<li><a href=\"/r\">" + sentence() + "</a></li>";
  page += "</ul></div></article><section id=\"comments\">";
  for (int i = 0; i < 5; ++i) page += "<div class=\"comment\"><p>" + sentence() + "</p></div>";
  page += "</section></main><footer>Gazette</footer></body></html>\n";
  return page;
}

const std::vector<std::string>& Pages() {
  static const std::vector<std::string>* pages = [] {
    auto* out = new std::vector<std::string>;
    const fs::path dir = fs::path(TWICETOLD_SOURCE_DIR) / ".." / "shared" / "data" / "html" / "zyte";
    std::error_code ec;
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
      if (e.path().string().ends_with(".html.gz")) files.push_back(e.path().string());
    }
    std::sort(files.begin(), files.end());
    for (const std::string& f : files) out->push_back(Gunzip(f));
    if (out->empty()) {
      for (unsigned i = 0; i < 50; ++i) out->push_back(GeneratedPage(i));
    }
    return out;
  }();
  return *pages;
}

void BM_ExtractHtml(benchmark::State& state) {
  const std::vector<std::string>& pages = Pages();
  uint64_t bytes = 0;
  for (auto _ : state) {
    for (const std::string& page : pages) {
      Result<HtmlExtract> x = ExtractHtml(page, HtmlOptions());
      benchmark::DoNotOptimize(x);
      bytes += page.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetLabel(std::to_string(pages.size()) + " pages");
}
BENCHMARK(BM_ExtractHtml)->Unit(benchmark::kMillisecond);

std::string WarcRecord(const std::string& type, const std::string& uri, const std::string& block,
                       const std::string& block_type) {
  return "WARC/1.1\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
         "\r\nWARC-Date: 2031-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:0>\r\n"
         "Content-Type: " + block_type + "\r\nContent-Length: " + std::to_string(block.size()) +
         "\r\n\r\n" + block + "\r\n\r\n";
}

std::string GzipMember(const std::string& bytes) {
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, bytes.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// A request and a response per page, one gzip member per record when
// `gzip` (as crawlers write them). Returns the path and the record count.
std::pair<std::string, int> MakeWarc(bool gzip, bool html) {
  const std::string path = (fs::temp_directory_path() /
                            ("twicetold_web_bench_" + std::to_string(gzip) + std::to_string(html) +
                             (gzip ? ".warc.gz" : ".warc"))).string();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  int records = 0;
  for (int i = 0; i < 2000; ++i) {
    const std::string uri = "http://bench.example/" + std::to_string(i);
    const std::string page = html ? GeneratedPage(static_cast<unsigned>(i) % 50)
                                  : std::string(20000 + i % 5000, 'j');
    const std::string request = WarcRecord(
        "request", uri, "GET /" + std::to_string(i) + " HTTP/1.1\r\nHost: bench.example\r\n\r\n",
        "application/http; msgtype=request");
    const std::string response = WarcRecord(
        "response", uri,
        std::string("HTTP/1.1 200 OK\r\nContent-Type: ") + (html ? "text/html" : "image/jpeg") +
            "\r\nContent-Length: " + std::to_string(page.size()) + "\r\n\r\n" + page,
        "application/http; msgtype=response");
    out << (gzip ? GzipMember(request) : request) << (gzip ? GzipMember(response) : response);
    records += 2;
  }
  return {path, records};
}

void BM_Warc(benchmark::State& state, bool gzip, bool html) {
  const auto [path, records] = MakeWarc(gzip, html);
  ReadOptions options;
  options.keep_original = false;
  uint64_t total = 0;
  for (auto _ : state) {
    Result<ReadSummary> s = ReadInputs({path}, options, [](Article&&) {}, [](Rejected&&) {});
    if (!s.ok() || s->read != static_cast<uint64_t>(records)) state.SkipWithError("bad read");
    total += static_cast<uint64_t>(records);
  }
  state.counters["records/s"] = benchmark::Counter(static_cast<double>(total),
                                                   benchmark::Counter::kIsRate);
  state.counters["FastWARC_ref"] = gzip ? 10000 : 108000;
  std::remove(path.c_str());
}
BENCHMARK_CAPTURE(BM_Warc, Iterate_plain, false, false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Warc, Iterate_gzip, true, false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Warc, Read_plain, false, true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Warc, Read_gzip, true, true)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace twicetold

BENCHMARK_MAIN();
