// Checks the sentence aligner (src/compare/align.h) where the answer is
// known without a gold alignment, and prints the figures recorded in
// eval/align_eval.md:
//  * examples (examples/articles.jsonl, fictional): each version against
//    its story's original. exact_copy and light_edit versions must align
//    nearly every sentence; rewrites should align most; unrelated articles
//    must align (almost) nothing.
//  * false links on real data (../shared/data/stories): pairs of articles
//    about different stories (BASIL different-story pairs; ECB+ pairs from
//    different topics) should have no counterpart sentences, so every link
//    there is counted as false. BASIL same-story pairs (independent reports
//    of one event) are shown for scale.
//  * the seed pair (../shared/seeds 000 vs 002): passage counts as
//    `twicetold compare` prints them.
// Usage: align_eval DATA_DIR EXAMPLES_JSONL [SEEDS_DIR] [name=value ...]
// where name is one of threshold, context, coverage, candidates, min_cosine, short,
// min_shared (AlignOptions fields), to try other settings, or
// cosine_aligner=1 for the aligner before compare-v3 (the "before" figures).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "compare/align.h"
#include "compare/features.h"
#include "twicetold/analyze.h"
#include "twicetold/compare.h"

namespace {

using twicetold::compare_internal::AlignLink;
using twicetold::compare_internal::AlignOptions;
using twicetold::compare_internal::ArticleFeatures;

struct Doc {
  std::string id;
  std::string story;
  std::string topic;
  ArticleFeatures features;
};

Doc MakeDoc(const std::string& id, const std::string& story, const std::string& body) {
  twicetold::Article a;
  a.id = id;
  a.body = body;
  twicetold::AnalyzedArticle analyzed = twicetold::Analyze(a, twicetold::AnalyzeOptions{});
  return {id, story, "", twicetold::compare_internal::ComputeFeatures(analyzed)};
}

std::vector<Doc> LoadJsonl(const std::string& path) {
  std::vector<Doc> docs;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    nlohmann::json j = nlohmann::json::parse(line);
    std::string id = j["id"].get<std::string>();
    std::string story = j.contains("story") ? j["story"].get<std::string>()
                                            : id.substr(0, id.find('/'));
    docs.push_back(MakeDoc(id, story, j["text"].get<std::string>()));
    // ECB+ stories are "<topic>_ecb" / "<topic>_ecbplus": the topic is the
    // number.
    docs.back().topic = story.substr(0, story.find('_'));
  }
  return docs;
}

// Per-pair alignment figures.
struct Figures {
  size_t na = 0, nb = 0;
  size_t links = 0, extra = 0;
  size_t same = 0, edited = 0, paraphrased = 0, only_a = 0, only_b = 0;
  double aligned_a = 0, aligned_b = 0, order = 1;
};

// The aligner before compare-v3, for the "before" figures: each sentence
// links to its most similar sentence of the other text by stem cosine when
// that reaches 0.45; the union of both directions.
bool g_cosine_aligner = false;
std::vector<AlignLink> CosineAlign(const ArticleFeatures& a, const ArticleFeatures& b) {
  using twicetold::compare_internal::Cosine;
  constexpr double kThreshold = 0.45;
  std::vector<AlignLink> links;
  auto best_of = [](size_t n, auto sim) {
    std::pair<double, size_t> best{0, 0};
    for (size_t k = 0; k < n; ++k) best = std::max(best, {sim(k), n - k});  // ties: lower k
    return std::pair<double, uint32_t>{best.first, static_cast<uint32_t>(n - best.second)};
  };
  for (uint32_t i = 0; i < a.sentences.size(); ++i) {
    auto [s, j] = best_of(b.sentences.size(), [&](size_t j) { return Cosine(a.sentences[i], b.sentences[j]); });
    if (s >= kThreshold && s > 0) links.push_back({i, j, s, true});
  }
  for (uint32_t j = 0; j < b.sentences.size(); ++j) {
    auto [s, i] = best_of(a.sentences.size(), [&](size_t i) { return Cosine(a.sentences[i], b.sentences[j]); });
    if (s >= kThreshold && s > 0) links.push_back({i, j, s, true});
  }
  std::sort(links.begin(), links.end(), [](const AlignLink& x, const AlignLink& y) {
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  });
  links.erase(std::unique(links.begin(), links.end(), [](const AlignLink& x, const AlignLink& y) {
                return x.a == y.a && x.b == y.b;
              }), links.end());
  return links;
}

Figures Measure(const ArticleFeatures& a, const ArticleFeatures& b, const AlignOptions& o) {
  using namespace twicetold::compare_internal;
  std::vector<AlignLink> links = g_cosine_aligner ? CosineAlign(a, b) : AlignSentences(a, b, o);
  Figures f;
  f.na = a.sentences.size();
  f.nb = b.sentences.size();
  f.links = links.size();
  std::vector<uint8_t> la(f.na, 0), lb(f.nb, 0);
  for (const AlignLink& l : links) {
    la[l.a] = lb[l.b] = 1;
    f.extra += !l.primary;
    auto [a0, a1] = a.sentence_tokens[l.a];
    auto [b0, b1] = b.sentence_tokens[l.b];
    const uint64_t* x = a.words.word_ids.data() + a0;
    const uint64_t* y = b.words.word_ids.data() + b0;
    if (a1 - a0 == b1 - b0 && std::equal(x, x + (a1 - a0), y)) {
      ++f.same;  // as Compare's KindOf, edited_threshold 0.7
    } else if (LcsSimilarity(x, a1 - a0, y, b1 - b0) >= 0.7) {
      ++f.edited;
    } else {
      ++f.paraphrased;
    }
  }
  f.only_a = std::count(la.begin(), la.end(), 0);
  f.only_b = std::count(lb.begin(), lb.end(), 0);
  f.aligned_a = f.na ? 1.0 - static_cast<double>(f.only_a) / f.na : 0;
  f.aligned_b = f.nb ? 1.0 - static_cast<double>(f.only_b) / f.nb : 0;
  f.order = OrderAgreement(links);
  return f;
}

void PrintPair(const std::string& name, const Figures& f) {
  std::printf("  %-44s %2zu/%2zu sent  aligned A %.2f B %.2f  order %.2f  "
              "%zu same, %zu edited, %zu paraphrased (%zu extra), %zu only A, %zu only B\n",
              name.c_str(), f.na, f.nb, f.aligned_a, f.aligned_b, f.order, f.same,
              f.edited, f.paraphrased, f.extra, f.only_a, f.only_b);
}

void Examples(const std::string& path, const AlignOptions& o) {
  std::vector<Doc> docs = LoadJsonl(path);
  std::map<std::string, std::vector<Figures>> by_version;
  std::printf("examples (%s): each version against its story's original\n", path.c_str());
  for (const Doc& original : docs) {
    if (!original.id.ends_with("/original")) continue;
    for (const Doc& other : docs) {
      if (&other == &original) continue;
      bool unrelated = other.story == "unrelated";
      if (other.story != original.story && !unrelated) continue;
      std::string version = unrelated ? "unrelated" : other.id.substr(other.id.find('/') + 1);
      Figures f = Measure(original.features, other.features, o);
      by_version[version].push_back(f);
      if (!unrelated || f.links > 0) PrintPair(original.id + " vs " + other.id, f);
    }
  }
  std::printf("examples by version: aligned fraction of A / of B (min, mean), links\n");
  for (const auto& [version, v] : by_version) {
    double min_a = 1, min_b = 1, sum_a = 0, sum_b = 0;
    size_t links = 0;
    for (const Figures& f : v) {
      min_a = std::min(min_a, f.aligned_a);
      min_b = std::min(min_b, f.aligned_b);
      sum_a += f.aligned_a;
      sum_b += f.aligned_b;
      links += f.links;
    }
    std::printf("  %-12s n=%-3zu A min %.2f mean %.2f   B min %.2f mean %.2f   links %zu\n",
                version.c_str(), v.size(), min_a, sum_a / v.size(), min_b, sum_b / v.size(),
                links);
  }
}

// Pairs (i, j) of docs, i < j, satisfying `keep`, sampled with a fixed seed.
template <typename Keep>
std::vector<std::pair<size_t, size_t>> Sample(const std::vector<Doc>& docs, size_t cap,
                                              Keep keep) {
  std::vector<std::pair<size_t, size_t>> pairs;
  for (size_t i = 0; i < docs.size(); ++i) {
    for (size_t j = i + 1; j < docs.size(); ++j) {
      if (keep(docs[i], docs[j])) pairs.push_back({i, j});
    }
  }
  std::mt19937_64 rng(20251122);
  std::shuffle(pairs.begin(), pairs.end(), rng);
  if (pairs.size() > cap) pairs.resize(cap);
  return pairs;
}

void Links(const char* title, const std::vector<Doc>& docs,
           const std::vector<std::pair<size_t, size_t>>& pairs, const AlignOptions& o) {
  size_t sentences = 0, linked = 0, links = 0, extra = 0, with_link = 0;
  double max_fraction = 0;
  for (auto [i, j] : pairs) {
    Figures f = Measure(docs[i].features, docs[j].features, o);
    sentences += f.na + f.nb;
    linked += f.na + f.nb - f.only_a - f.only_b;
    links += f.links;
    extra += f.extra;
    with_link += f.links > 0;
    max_fraction = std::max({max_fraction, f.aligned_a, f.aligned_b});
  }
  std::printf("  %-36s pairs %5zu  links %6zu (%zu extra)  sentences linked %.4f  "
              "pairs with a link %.3f  max aligned fraction %.2f\n",
              title, pairs.size(), links, extra,
              sentences ? static_cast<double>(linked) / sentences : 0,
              pairs.empty() ? 0 : static_cast<double>(with_link) / pairs.size(), max_fraction);
}

void RealData(const std::string& data, const AlignOptions& o) {
  std::printf("real data (%s/stories): links between different stories are false\n",
              data.c_str());
  std::vector<Doc> basil = LoadJsonl(data + "/stories/basil.jsonl");
  auto same = [](const Doc& x, const Doc& y) { return x.story == y.story; };
  auto other = [](const Doc& x, const Doc& y) { return x.story != y.story; };
  Links("BASIL different-story pairs", basil, Sample(basil, 1000, other), o);
  Links("BASIL same-story pairs (for scale)", basil, Sample(basil, 1000, same), o);
  std::vector<Doc> ecb = LoadJsonl(data + "/stories/ecbplus.jsonl");
  auto other_topic = [](const Doc& x, const Doc& y) { return x.topic != y.topic; };
  auto same_topic = [](const Doc& x, const Doc& y) {
    return x.topic == y.topic && x.story != y.story;
  };
  Links("ECB+ different-topic pairs", ecb, Sample(ecb, 1000, other_topic), o);
  Links("ECB+ same topic, other event", ecb, Sample(ecb, 1000, same_topic), o);
  Links("ECB+ same-story pairs (for scale)", ecb, Sample(ecb, 1000, same), o);
}

void Seeds(const std::string& dir, const AlignOptions& o) {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  if (files.size() < 2) return;
  std::vector<Doc> docs;
  for (size_t k = 0; k < 2; ++k) {
    std::ifstream in(files[k]);
    std::stringstream ss;
    ss << in.rdbuf();
    // As the CLI reads a text file: first line the title, the rest the body.
    std::string text = ss.str();
    size_t nl = text.find('\n');
    docs.push_back(MakeDoc(files[k].filename(), "seed", text.substr(nl + 1)));
  }
  std::printf("seed pair:\n");
  PrintPair(docs[0].id + " vs " + docs[1].id, Measure(docs[0].features, docs[1].features, o));
}

bool ParseOption(const std::string& arg, AlignOptions* o) {
  size_t eq = arg.find('=');
  if (eq == std::string::npos) return false;
  std::string name = arg.substr(0, eq);
  double v = std::stod(arg.substr(eq + 1));
  if (name == "threshold") o->threshold = v;
  else if (name == "context") o->context_threshold = v;
  else if (name == "coverage") o->short_coverage = v;
  else if (name == "candidates") o->candidates = static_cast<uint32_t>(v);
  else if (name == "min_cosine") o->min_cosine = v;
  else if (name == "short") o->short_tokens = static_cast<uint32_t>(v);
  else if (name == "min_shared") o->short_min_shared = static_cast<uint32_t>(v);
  else if (name == "cosine_aligner") g_cosine_aligner = v != 0;
  else return false;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: align_eval DATA_DIR EXAMPLES_JSONL [SEEDS_DIR] [name=value ...]\n";
    return 2;
  }
  AlignOptions o;
  o.threshold = twicetold::CompareOptions{}.align_threshold;
  std::string seeds;
  std::printf("command:");
  for (int k = 0; k < argc; ++k) std::printf(" %s", argv[k]);
  for (int k = 3; k < argc; ++k) {
    if (!ParseOption(argv[k], &o)) seeds = argv[k];
  }
  if (g_cosine_aligner) std::printf("\naligner: before compare-v3 (stem cosine >= 0.45, best per sentence)");
  std::printf("\nmodel: %s\noptions: threshold %.3f, context %.3f, candidates %u (cosine >= %.2f), short <= %u "
              "tokens with coverage >= %.2f and >= %u shared content stems\n",
              std::string(twicetold::CompareModelVersion()).c_str(), o.threshold,
              o.context_threshold, o.candidates, o.min_cosine, o.short_tokens, o.short_coverage,
              o.short_min_shared);
  Examples(argv[2], o);
  if (!seeds.empty()) Seeds(seeds, o);
  RealData(argv[1], o);
  return 0;
}
