// clean_audit: runs CleanBody over JSON lines read from stdin ({"text": ...}
// per line, as in ../shared/data/corpora) and prints removal counts by
// reason and a sample of removed lines, to look for false positives.
//
//   xz -dc ../shared/data/corpora/allsides.jsonl.xz |
//       build/clean_audit [max_articles=5000] [samples_per_reason=25]
//                         [dump_reason]
// With dump_reason (e.g. "caption"), every removal of that reason is also
// printed in full, one per line, prefixed "DUMP\t".
//
// Built as the `clean_audit` target (eval/evals.cmake).
//
// For each reason it prints the most frequent removed lines (site
// furniture repeats across articles) and a spread of removed lines seen
// only once, where false positives hide.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "twicetold/clean.h"

namespace {

struct ReasonStats {
  size_t lines = 0;
  size_t articles = 0;
  size_t bytes = 0;
  std::map<std::string, size_t> texts;  // distinct removed text -> count
};

void Record(const twicetold::CleanedBody& cleaned,
            std::map<std::string, ReasonStats>& stats) {
  std::map<std::string, bool> seen_here;
  for (const twicetold::Removal& r : cleaned.removed) {
    std::string name(twicetold::RemovalReasonName(r.reason));
    ReasonStats& s = stats[name];
    if (!seen_here[name]) ++s.articles;
    seen_here[name] = true;
    s.bytes += r.text.size();
    ++s.lines;
    ++s.texts[r.text.substr(0, 160)];
  }
}

void PrintSamples(const std::string& name, const ReasonStats& s,
                  size_t samples) {
  std::vector<std::pair<size_t, std::string>> by_count;
  std::vector<std::string> singles;
  for (const auto& [text, n] : s.texts) {
    by_count.push_back({n, text});
    if (n == 1) singles.push_back(text);
  }
  std::sort(by_count.rbegin(), by_count.rend());
  std::printf("\n== %s: %zu distinct; most frequent\n", name.c_str(),
              s.texts.size());
  for (size_t i = 0; i < by_count.size() && i < samples; ++i) {
    std::printf("  %5zu | %s\n", by_count[i].first, by_count[i].second.c_str());
  }
  std::printf("== %s: %zu seen once; spread sample\n", name.c_str(),
              singles.size());
  size_t stride =
      std::max<size_t>(1, singles.size() / std::max<size_t>(1, samples));
  for (size_t i = 0; i < singles.size(); i += stride) {
    std::printf("      1 | %s\n", singles[i].c_str());
  }
}

}  // namespace

int main(int argc, char** argv) {
  size_t max_articles = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 5000;
  size_t samples = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 25;
  std::string dump = argc > 3 ? argv[3] : "";
  std::map<std::string, ReasonStats> stats;
  std::map<std::string, size_t> places;
  size_t articles = 0, changed = 0, body_bytes = 0, bad = 0;
  std::string line;
  while (articles < max_articles && std::getline(std::cin, line)) {
    nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
    if (record.is_discarded() || !record.contains("text") ||
        !record["text"].is_string()) {
      ++bad;
      continue;
    }
    std::string body = record["text"].get<std::string>();
    ++articles;
    body_bytes += body.size();
    twicetold::CleanedBody cleaned =
        twicetold::CleanBody(body, twicetold::CleanOptions{});
    if (!cleaned.removed.empty()) ++changed;
    if (cleaned.dateline) ++places[cleaned.dateline->place];
    Record(cleaned, stats);
    for (const twicetold::Removal& r : cleaned.removed) {
      if (twicetold::RemovalReasonName(r.reason) == dump) {
        std::printf("DUMP\t%s\n", r.text.c_str());
      }
    }
  }
  std::printf(
      "articles %zu (unparsed %zu), with removals %zu, body bytes %zu\n",
      articles, bad, changed, body_bytes);
  for (const auto& [name, s] : stats) {
    std::printf("%-14s lines %6zu  articles %6zu  bytes %8zu\n", name.c_str(),
                s.lines, s.articles, s.bytes);
  }
  for (const auto& [name, s] : stats) PrintSamples(name, s, samples);
  std::printf("\n== dateline places (count >= 3)\n");
  for (const auto& [place, n] : places) {
    if (n >= 3) std::printf("  %5zu %s\n", n, place.c_str());
  }
  return 0;
}
