// Audit of corpus-level boilerplate (corpus_boilerplate.h) on a real
// corpus: what would be removed, per source, so a person can judge whether
// it is furniture or news. Prints counts, the most removed lines of the
// sources with most removals, and every removed line that reads like a
// news sentence (>= 8 words ending in '.'), the riskiest kind.
//
//   corpus_boilerplate_audit [--min-articles N] [--min-fraction F]
//       [--max-line-bytes B] [--top K] [--sources S] INPUT...
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "twicetold/corpus_boilerplate.h"
#include "twicetold/io.h"

namespace {

using namespace twicetold;

struct LineStat {
  std::string text;  // first form seen
  uint64_t count = 0;
};

int Words(const std::string& s) {
  int n = 0;
  bool in = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\t' || c == '\r';
    n += !space && !in;
    in = !space;
  }
  return n;
}

bool ReadsLikeNews(const std::string& line) {
  size_t e = line.find_last_not_of(" \t\r\"'”’");
  return e != std::string::npos && line[e] == '.' && Words(line) >= 8;
}

}  // namespace

int main(int argc, char** argv) {
  CorpusBoilerplateOptions options;
  size_t top = 8, top_sources = 25;
  std::vector<std::string> paths;
  std::string command = argv[0];
  for (int i = 1; i < argc; ++i) command += std::string(" ") + argv[i];
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto next = [&] { return std::string(i + 1 < argc ? argv[++i] : "0"); };
    if (arg == "--min-articles") {
      options.min_articles = std::stoul(next());
    } else if (arg == "--min-fraction") {
      options.min_fraction = std::stod(next());
    } else if (arg == "--max-line-bytes") {
      options.max_line_bytes = std::stoul(next());
    } else if (arg == "--top") {
      top = std::stoul(next());
    } else if (arg == "--sources") {
      top_sources = std::stoul(next());
    } else {
      paths.push_back(arg);
    }
  }
  if (paths.empty()) paths.push_back("../shared/data/corpora/allsides.jsonl.xz");
  ReadOptions read;
  read.keep_original = false;
  Result<ReadResult> all = ReadAll(paths, read);
  if (!all.ok()) {
    std::fprintf(stderr, "%s\n", all.status().ToString().c_str());
    return 1;
  }
  CorpusBoilerplate corpus(options);
  for (const Article& a : all->articles) corpus.Observe(a);
  corpus.Freeze();

  std::map<std::string, std::map<std::string, LineStat>> by_source;
  std::map<std::string, uint64_t> articles_of;
  uint64_t removed = 0, bytes = 0, touched = 0, body_bytes = 0;
  for (const Article& a : all->articles) {
    ++articles_of[a.source];
    body_bytes += a.body.size();
    bool any = false;
    size_t begin = 0;
    for (;;) {
      size_t nl = a.body.find('\n', begin);
      std::string line = a.body.substr(
          begin, nl == std::string::npos ? std::string::npos : nl - begin);
      if (corpus.IsFurniture(a.source, line)) {
        ++removed;
        bytes += line.size();
        any = true;
        LineStat& s = by_source[a.source][line];
        if (s.text.empty()) s.text = line;
        ++s.count;
      }
      if (nl == std::string::npos) break;
      begin = nl + 1;
    }
    touched += any;
  }
  std::printf("command: %s\n", command.c_str());
  std::printf("options: min_articles=%u min_fraction=%.3f max_line_bytes=%u "
              "min_letters=%u\n", options.min_articles, options.min_fraction,
              options.max_line_bytes, options.min_letters);
  std::printf("articles %zu, sources %zu, distinct furniture lines %llu, "
              "memory after freeze %zu bytes\n", all->articles.size(),
              articles_of.size(),
              static_cast<unsigned long long>(corpus.furniture_lines()),
              corpus.MemoryBytes());
  std::printf("lines removed %llu in %llu articles (%.1f%%), %llu bytes "
              "(%.3f%% of body bytes), sources with furniture %zu\n\n",
              (unsigned long long)removed, (unsigned long long)touched,
              100.0 * touched / std::max<size_t>(1, all->articles.size()),
              (unsigned long long)bytes, 100.0 * bytes / std::max<uint64_t>(1, body_bytes),
              by_source.size());

  std::vector<std::pair<uint64_t, std::string>> order;
  for (const auto& [source, lines] : by_source) {
    uint64_t n = 0;
    for (const auto& [_, s] : lines) n += s.count;
    order.push_back({n, source});
  }
  std::sort(order.rbegin(), order.rend());
  for (size_t k = 0; k < order.size() && k < top_sources; ++k) {
    const std::string& source = order[k].second;
    std::printf("== %s: %llu lines removed, %zu distinct, %llu articles\n",
                source.c_str(), (unsigned long long)order[k].first,
                by_source[source].size(),
                (unsigned long long)articles_of[source]);
    std::vector<LineStat> lines;
    for (const auto& [_, s] : by_source[source]) lines.push_back(s);
    std::sort(lines.begin(), lines.end(), [](const LineStat& a, const LineStat& b) {
      return a.count > b.count;
    });
    for (size_t i = 0; i < lines.size() && i < top; ++i) {
      std::printf("  %5llu  %s\n", (unsigned long long)lines[i].count,
                  lines[i].text.c_str());
    }
  }
  std::printf("\n== removed lines that read like news sentences "
              "(>= 8 words, ending in '.'):\n");
  for (const auto& [source, lines] : by_source) {
    for (const auto& [_, s] : lines) {
      if (ReadsLikeNews(s.text)) {
        std::printf("  %-28.28s %4llu  %s\n", source.c_str(),
                    (unsigned long long)s.count, s.text.c_str());
      }
    }
  }
  return 0;
}
