// Compare speed on two ~1,000-word versions of one story (issue 3 asks for
// under 5 ms per pair on one core). The pair: the first BASIL story with two
// articles of at least 1,000 words, each cut to its first 1,000 words, read
// from ../shared/data at run time.
//   BM_Compare            Compare() on two analyzed articles (everything:
//                         relation, runs, alignment, quotes, facts)
//   BM_CompareRelationOnly  Compare() without quotes, facts or alignment output
//   BM_AnalyzeAndCompare  Analyze() both bodies, then Compare()
//   BM_SentenceSimilarity one SentenceSimilarity() call on raw sentences
#include <benchmark/benchmark.h>

#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "twicetold/analyze.h"
#include "twicetold/compare.h"

namespace {

// The body cut after its `words`-th token.
std::string FirstWords(const std::string& body, size_t words) {
  std::vector<twicetold::Token> tokens = twicetold::Tokenize(body);
  if (tokens.size() <= words) return body;
  return body.substr(0, tokens[words - 1].span.end);
}

std::vector<std::string> LoadPair() {
  std::ifstream in(std::string(TWICETOLD_SOURCE_DIR) +
                   "/../shared/data/stories/basil.jsonl");
  std::map<std::string, std::vector<std::string>> stories;
  std::string line;
  while (std::getline(in, line)) {
    nlohmann::json j = nlohmann::json::parse(line);
    std::string text = j["text"].get<std::string>();
    if (twicetold::Tokenize(text).size() < 1000) continue;
    auto& v = stories[j["story"].get<std::string>()];
    v.push_back(FirstWords(text, 1000));
    if (v.size() == 2) return v;
  }
  return {};
}

twicetold::AnalyzedArticle Analyzed(const std::string& body) {
  twicetold::Article a;
  a.body = body;
  return twicetold::Analyze(std::move(a), twicetold::AnalyzeOptions{});
}

// Compare() on the analyzed pair with `options`, repeatedly.
void RunCompare(benchmark::State& state, const twicetold::CompareOptions& options) {
  std::vector<std::string> pair = LoadPair();
  if (pair.size() != 2) {
    state.SkipWithError("../shared/data/stories/basil.jsonl not found");
    return;
  }
  twicetold::AnalyzedArticle a = Analyzed(pair[0]);
  twicetold::AnalyzedArticle b = Analyzed(pair[1]);
  for (auto _ : state) {
    auto c = twicetold::Compare(a, b, options);
    benchmark::DoNotOptimize(c);
  }
  state.counters["words_a"] = a.segments.tokens.size();
  state.counters["words_b"] = b.segments.tokens.size();
}

void BM_Compare(benchmark::State& state) { RunCompare(state, twicetold::CompareOptions{}); }
BENCHMARK(BM_Compare)->Unit(benchmark::kMillisecond);

// The relation alone, as `stories` asks for it: no quotes, no fact lists.
void BM_CompareRelationOnly(benchmark::State& state) {
  twicetold::CompareOptions options;
  options.align = false;
  options.quotes = false;
  options.facts = false;
  RunCompare(state, options);
}
BENCHMARK(BM_CompareRelationOnly)->Unit(benchmark::kMillisecond);

void BM_AnalyzeAndCompare(benchmark::State& state) {
  std::vector<std::string> pair = LoadPair();
  if (pair.size() != 2) {
    state.SkipWithError("../shared/data/stories/basil.jsonl not found");
    return;
  }
  for (auto _ : state) {
    auto c = twicetold::Compare(Analyzed(pair[0]), Analyzed(pair[1]),
                                twicetold::CompareOptions{});
    benchmark::DoNotOptimize(c);
  }
}
BENCHMARK(BM_AnalyzeAndCompare)->Unit(benchmark::kMillisecond);

// One call of the sentence similarity model on two news sentences (each
// normalized, tokenized and stemmed inside the call).
void BM_SentenceSimilarity(benchmark::State& state) {
  const std::string a =
      "The city council voted on Tuesday to rebuild the bridge that collapsed "
      "during the March floods, at a cost of 48 million crowns.";
  const std::string b =
      "Councillors backed a 48 million crown plan on Tuesday to rebuild the "
      "bridge lost in the floods in March.";
  for (auto _ : state) {
    benchmark::DoNotOptimize(twicetold::SentenceSimilarity(a, b));
  }
}
BENCHMARK(BM_SentenceSimilarity)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
