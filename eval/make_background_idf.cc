// Builds the background IDF table embedded in the library
// (src/text/background_idf.tsv): document frequencies of Snowball stems
// of case-folded word tokens, counted over JSON lines read from stdin (field
// "text"). Statistics only: no text is written. Run through
// eval/make_background_idf.sh.
//
// Usage: make_background_idf NAME MIN_DF MAX_BYTES < corpus.jsonl > table.tsv
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "text/terms.h"
#include "twicetold/normalize.h"
#include "twicetold/segment.h"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: make_background_idf NAME MIN_DF MAX_BYTES < jsonl\n";
    return 2;
  }
  const std::string name = argv[1];
  const uint64_t min_df = std::strtoull(argv[2], nullptr, 10);
  const uint64_t max_bytes = std::strtoull(argv[3], nullptr, 10);
  using twicetold::text_internal::FoldWord;
  using twicetold::text_internal::StemWord;
  std::unordered_map<std::string, uint64_t> df;
  std::unordered_map<std::string, std::string> stem_cache;
  uint64_t docs = 0;
  std::string line;
  while (std::getline(std::cin, line)) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.contains("text") || !j["text"].is_string()) continue;
    twicetold::MappedText n =
        twicetold::Normalize(j["text"].get<std::string>(), twicetold::NormalizeOptions{});
    std::unordered_set<std::string> seen;
    for (const twicetold::Token& t : twicetold::Tokenize(n.text)) {
      std::string folded = FoldWord(t.span.In(n.text));
      auto it = stem_cache.find(folded);
      if (it == stem_cache.end()) it = stem_cache.emplace(folded, StemWord(folded)).first;
      seen.insert(it->second);
    }
    for (const std::string& s : seen) ++df[s];
    ++docs;
  }
  std::vector<std::pair<std::string, uint64_t>> rows;
  for (auto& [stem, count] : df) {
    if (count >= min_df) rows.emplace_back(stem, count);
  }
  std::sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) {
    return x.second != y.second ? x.second > y.second : x.first < y.first;
  });
  std::string header = "#twicetold-idf\t" + name + "\t" + std::to_string(docs) + "\n";
  uint64_t bytes = header.size();
  std::cout << header;
  for (const auto& [stem, count] : rows) {
    std::string row = stem + "\t" + std::to_string(count) + "\n";
    if (bytes + row.size() > max_bytes) break;  // rarest stems dropped first
    bytes += row.size();
    std::cout << row;
  }
  std::cerr << "documents " << docs << ", stems " << df.size() << ", kept "
            << "(df >= " << min_df << ") within " << bytes << " bytes\n";
  return 0;
}
