// Throughput of the text pipeline: Normalize, Segment (with tokens) and both
// together, in bytes of input per second, on generated English-like text and
// on real news bodies read at run time from ../shared/data/corpora.
//
//   cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
//   cmake --build build --target text_bench && build/text_bench
#include <benchmark/benchmark.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "twicetold/normalize.h"
#include "twicetold/segment.h"

namespace twicetold {
namespace {

// ~1 MB of ASCII news-like text in articles of ~4 KB: paragraphs of a few
// sentences, occasional headings, numbers, abbreviations and quotations.
std::vector<std::string> GeneratedArticles() {
  static const std::vector<std::string> kWords = {
      "the",        "of",       "and",       "to",     "a",       "in",
      "said",       "on",       "for",       "that",   "was",     "with",
      "government", "minister", "talks",     "Norland", "Ostmark", "officials",
      "Tuesday",    "percent",  "market",    "would",  "not",     "it's",
      "peace",      "plan",     "five-hour", "4,000",  "2.5%",    "Mr.",
      "U.S.",       "Dec. 2",   "company",   "shares", "rose",    "analysts",
      "expected",   "year",     "2024"};
  std::mt19937 rng(42);
  auto word = [&] { return kWords[rng() % kWords.size()]; };
  std::vector<std::string> articles;
  size_t total = 0;
  while (total < (1u << 20)) {
    std::string a;
    for (int p = 0; p < 8; ++p) {
      if (rng() % 4 == 0) a += "Officials Weigh New Plan\n\n";
      for (int s = 0, n = 2 + rng() % 4; s < n; ++s) {
        const bool quote = rng() % 5 == 0;
        std::string sentence = quote ? "\"" : "";
        std::string first = word();
        first[0] = static_cast<char>(std::toupper(first[0]));
        sentence += first;
        for (int w = 0, m = 8 + rng() % 20; w < m; ++w) {
          sentence += (rng() % 9 == 0) ? ", " : " ";
          sentence += word();
        }
        sentence += quote ? ",\" he said. " : ". ";
        a += sentence;
      }
      a += "\n\n";
    }
    total += a.size();
    articles.push_back(std::move(a));
  }
  return articles;
}

// Article bodies ("text" fields) of a JSONL corpus; empty if missing.
std::vector<std::string> LoadCorpus(const std::string& name) {
  std::ifstream in(std::string(TWICETOLD_SOURCE_DIR) +
                   "/../shared/data/corpora/" + name);
  std::vector<std::string> texts;
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_object() && j.contains("text") && j["text"].is_string()) {
      texts.push_back(j["text"].get<std::string>());
    }
  }
  return texts;
}

const std::vector<std::string>& Corpus(int which) {
  static const std::vector<std::string> generated = GeneratedArticles();
  static const std::vector<std::string> bbc = LoadCorpus("bbc.jsonl");
  static const std::vector<std::string> reuters = LoadCorpus("reuters.jsonl");
  return which == 0 ? generated : which == 1 ? bbc : reuters;
}

const char* CorpusName(int which) {
  return which == 0 ? "generated" : which == 1 ? "bbc" : "reuters";
}

enum Stage { kNormalize, kSegment, kBoth };

void BM_Text(benchmark::State& state) {
  const auto& texts = Corpus(static_cast<int>(state.range(0)));
  const Stage stage = static_cast<Stage>(state.range(1));
  state.SetLabel(CorpusName(static_cast<int>(state.range(0))));
  if (texts.empty()) {
    state.SkipWithError("corpus not found under ../shared/data/corpora");
    return;
  }
  // Segment-only runs on pre-normalized text, as Analyze would give it.
  std::vector<std::string> normalized;
  if (stage == kSegment) {
    for (const auto& t : texts) normalized.push_back(Normalize(t, {}).text);
  }
  size_t bytes = 0;
  for (const auto& t : texts) bytes += t.size();
  for (auto _ : state) {
    for (size_t i = 0; i < texts.size(); ++i) {
      if (stage == kNormalize) {
        benchmark::DoNotOptimize(Normalize(texts[i], {}));
      } else if (stage == kSegment) {
        benchmark::DoNotOptimize(Segment(normalized[i], {}));
      } else {
        MappedText n = Normalize(texts[i], {});
        benchmark::DoNotOptimize(Segment(n.text, {}));
      }
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_Text)
    ->ArgNames({"corpus", "stage"})
    ->ArgsProduct({{0, 1, 2}, {kNormalize, kSegment, kBoth}})
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace twicetold

BENCHMARK_MAIN();
