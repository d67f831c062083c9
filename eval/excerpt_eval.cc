// Evaluates the `excerpt` relation (relation.h) on cases built at run time
// from long articles of ../shared/data/corpora (BBC and Reuters: at least 8
// paragraphs and 350 words). Each long article A is compared with:
//   lead      its first 3 paragraphs;
//   lead6     the same with 6% of the words edited (replaced, deleted or a
//             word inserted, chosen at random with a fixed seed);
//   middle3   3 paragraphs from its middle;
//   middle6   the same with 6% of the words edited;
//   edit20    its first 3 paragraphs with 20% of the words edited;
// and, as negatives, with the first 3 paragraphs of another long article
// of the same corpus (of the same BBC section when it has one; pairs with
// the same title are skipped: the corpora hold natural duplicates).
// Cases whose text is over 60% of A's words or under 30 words are skipped
// (counted): they are outside the definition of an excerpt.
// Prints per case kind the relations predicted, the recall of `excerpt`,
// its precision over all cases, and the command.
// Usage: excerpt_eval DATA_DIR [MAX_ARTICLES_PER_CORPUS]
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "twicetold/analyze.h"
#include "twicetold/compare.h"

namespace {

using twicetold::Relation;

struct Long {
  std::string title;
  std::string section;  // BBC: "business", ...; Reuters: ""
  std::vector<std::string> paragraphs;
  size_t words = 0;  // whitespace-separated
  twicetold::AnalyzedArticle analyzed;
};

std::vector<std::string> Paragraphs(const std::string& text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find("\n\n", pos);
    if (end == std::string::npos) end = text.size();
    std::string p = text.substr(pos, end - pos);
    if (p.find_first_not_of(" \n\t") != std::string::npos) out.push_back(p);
    pos = end + 2;
  }
  return out;
}

size_t Words(const std::string& text) {
  std::istringstream in(text);
  std::string w;
  size_t n = 0;
  while (in >> w) ++n;
  return n;
}

twicetold::AnalyzedArticle Analyze(const std::string& body) {
  twicetold::Article a;
  a.id = "x";
  a.body = body;
  return twicetold::Analyze(std::move(a), twicetold::AnalyzeOptions{});
}

std::vector<Long> Load(const std::string& path, size_t cap, std::mt19937_64* rng) {
  std::vector<Long> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    nlohmann::json j = nlohmann::json::parse(line);
    std::string text = j["text"].get<std::string>();
    Long l;
    l.paragraphs = Paragraphs(text);
    l.words = Words(text);
    if (l.paragraphs.size() < 8 || l.words < 350) continue;
    l.title = j["title"].get<std::string>();
    std::string id = j["id"].get<std::string>();
    l.section = id.find('/') == std::string::npos ? "" : id.substr(0, id.find('/'));
    out.push_back(std::move(l));
  }
  std::shuffle(out.begin(), out.end(), *rng);
  if (out.size() > cap) out.resize(cap);
  for (Long& l : out) {
    std::string body;
    for (const std::string& p : l.paragraphs) body += (body.empty() ? "" : "\n\n") + p;
    l.analyzed = Analyze(body);
  }
  return out;
}

std::string JoinParagraphs(const Long& l, size_t first, size_t count) {
  std::string out;
  for (size_t i = first; i < first + count && i < l.paragraphs.size(); ++i) {
    out += (out.empty() ? "" : "\n\n") + l.paragraphs[i];
  }
  return out;
}

// Edits about `rate` of the words: each edited word is replaced by a word
// of `vocabulary`, deleted, or followed by an inserted word (1/3 each).
// Paragraph breaks are kept.
std::string Edit(const std::string& text, double rate,
                 const std::vector<std::string>& vocabulary, std::mt19937_64* rng) {
  std::uniform_real_distribution<double> u(0, 1);
  std::uniform_int_distribution<size_t> pick(0, vocabulary.size() - 1);
  std::string out;
  for (const std::string& p : Paragraphs(text)) {
    std::istringstream in(p);
    std::string w, para;
    while (in >> w) {
      std::string piece = w;
      if (u(*rng) < rate) {
        double kind = u(*rng);
        if (kind < 1.0 / 3) piece = vocabulary[pick(*rng)];
        else if (kind < 2.0 / 3) piece.clear();
        else piece = w + " " + vocabulary[pick(*rng)];
      }
      if (piece.empty()) continue;
      para += (para.empty() ? "" : " ") + piece;
    }
    out += (out.empty() ? "" : "\n\n") + para;
  }
  return out;
}

struct Tally {
  int n = 0;
  int skipped = 0;  // longer than kMaxShare of A, or under 30 words
  std::map<std::string, int> relations;
  int excerpt() const {
    auto it = relations.find("excerpt");
    return it == relations.end() ? 0 : it->second;
  }
};

twicetold::Comparison Classify(const Long& a, const std::string& b) {
  twicetold::CompareOptions o;
  o.align = false;
  o.quotes = false;
  o.facts = false;
  return *twicetold::Compare(a.analyzed, Analyze(b), o);
}

// Prints a case whose outcome is wrong (with EXCERPT_EVAL_VERBOSE set).
void Show(const char* kind, const Long& a, const twicetold::Comparison& c) {
  if (std::getenv("EXCERPT_EVAL_VERBOSE") == nullptr) return;
  const twicetold::CompareScores& s = c.scores;
  std::fprintf(stderr,
               "%s %s [%s]: words %u/%u contain %.2f cov %.2f prose %.2f run %u aligned %.2f "
               "order %.2f term %.2f\n",
               kind, std::string(twicetold::RelationName(c.relation)).c_str(),
               a.title.c_str(), s.words_a, s.words_b, s.containment_b_in_a,
               s.run_coverage_outside_quotes, s.prose_run_coverage, s.longest_run_outside_quotes,
               s.aligned_fraction_b, s.order_agreement, s.term_similarity);
}

// The excerpt is part of A by construction, with the definition's length
// bounds: at most this much of A's words (else the case is skipped).
constexpr double kMaxShare = 0.6;

void Run(const std::vector<Long>& docs, std::mt19937_64* rng,
         std::map<std::string, Tally>* tallies) {
  std::vector<std::string> vocabulary;
  for (const Long& l : docs) {
    std::istringstream in(l.paragraphs[0]);
    std::string w;
    while (in >> w) vocabulary.push_back(w);
  }
  auto add = [&](const char* kind, const Long& a, const std::string& b) {
    Tally& t = (*tallies)[kind];
    if (std::string(kind) != "other" &&
        (Words(b) > kMaxShare * a.words || Words(b) < 30)) {
      ++t.skipped;
      return;
    }
    twicetold::Comparison c = Classify(a, b);
    ++t.n;
    ++t.relations[std::string(twicetold::RelationName(c.relation))];
    bool excerpt = c.relation == Relation::kExcerpt;
    if (excerpt == (std::string(kind) == "other")) Show(kind, a, c);
  };
  for (size_t i = 0; i < docs.size(); ++i) {
    const Long& a = docs[i];
    std::string lead = JoinParagraphs(a, 0, 3);
    size_t mid = a.paragraphs.size() / 2 - 1;
    std::string middle = JoinParagraphs(a, mid, 3);
    add("lead", a, lead);
    add("lead6", a, Edit(lead, 0.06, vocabulary, rng));
    add("middle3", a, middle);
    add("middle6", a, Edit(middle, 0.06, vocabulary, rng));
    add("edit20", a, Edit(lead, 0.20, vocabulary, rng));
    // Negatives: leads of other articles, preferring the same section.
    std::vector<size_t> same, other;
    for (size_t j = 0; j < docs.size(); ++j) {
      if (j == i || docs[j].title == a.title) continue;
      (docs[j].section == a.section && !a.section.empty() ? same : other).push_back(j);
    }
    std::vector<size_t>& pool = same.size() >= 4 ? same : other;
    std::shuffle(pool.begin(), pool.end(), *rng);
    for (size_t k = 0; k < 4 && k < pool.size(); ++k) {
      add("other", a, JoinParagraphs(docs[pool[k]], 0, 3));
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: excerpt_eval DATA_DIR [MAX_ARTICLES_PER_CORPUS]\n");
    return 2;
  }
  std::string dir = argv[1];
  size_t cap = argc > 2 ? std::stoul(argv[2]) : 2000;
  std::mt19937_64 rng(20261206);
  std::map<std::string, Tally> tallies;
  for (const char* corpus : {"bbc", "reuters"}) {
    std::vector<Long> docs = Load(dir + "/corpora/" + corpus + ".jsonl", cap, &rng);
    std::printf("%s: %zu long articles\n", corpus, docs.size());
    Run(docs, &rng, &tallies);
  }
  int tp = 0, fp = 0, positives = 0;
  for (const auto& [kind, t] : tallies) {
    std::printf("  %-8s n=%-5d skipped=%-4d", kind.c_str(), t.n, t.skipped);
    for (const auto& [name, k] : t.relations) std::printf(" %s=%d", name.c_str(), k);
    if (kind == "other") {
      fp += t.excerpt();
      std::printf("  (excerpt: false positives %d)\n", t.excerpt());
    } else {
      std::printf("  recall %.4f\n", t.n ? static_cast<double>(t.excerpt()) / t.n : 0);
      if (kind != "edit20") {
        tp += t.excerpt();
        positives += t.n;
      }
    }
  }
  const Tally& e20 = tallies["edit20"];
  std::printf("excerpt over lead, lead6, middle3, middle6 vs other: precision %.4f, "
              "recall %.4f (%d of %d; %d false positives)\n",
              tp + fp ? static_cast<double>(tp) / (tp + fp) : 0,
              positives ? static_cast<double>(tp) / positives : 0, tp, positives, fp);
  std::printf("excerpt with 20%% edits: precision %.4f, recall %.4f\n",
              e20.excerpt() + fp ? static_cast<double>(e20.excerpt()) / (e20.excerpt() + fp) : 0,
              e20.n ? static_cast<double>(e20.excerpt()) / e20.n : 0);
  std::printf("model %s\ncommand: build/excerpt_eval %s %zu\n",
              twicetold::CompareModelVersion().c_str(), dir.c_str(), cap);
  return 0;
}
