// Tunes and evaluates the story part of the relation model on
// ../shared/data/stories.
//
// ECB+: gold pairs in three groups: same story (same gold cluster), related
// (same topic, different cluster: each ECB+ topic holds two events of one
// type) and unrelated (different topics). A prediction of identical,
// near_duplicate, rewrite or same_story counts as "same story". The
// same_story and related thresholds are chosen on the train+dev topics
// (grid search, macro-F1 over the three groups, subject to at most 10% of
// BASIL's different-story pairs called related) and reported on the test
// topics. BASIL: the same story told by three outlets vs pairs of different
// stories, with the tuned thresholds.
// Examples: the bundled fictional versions (examples/articles.jsonl), each
// compared with its story's original, with the planted relation as gold.
// Usage: relation_eval DATA_DIR [MAX_PAIRS_PER_GROUP [EXAMPLES_JSONL]]
#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "twicetold/analyze.h"
#include "twicetold/compare.h"
#include "twicetold/io.h"

namespace {

using twicetold::CompareScores;
using twicetold::Relation;
using twicetold::RelationThresholds;

struct Doc {
  std::string story;
  std::string topic;
  twicetold::AnalyzedArticle analyzed;
};

enum Group { kStory = 0, kRelated = 1, kUnrelated = 2 };
const char* kGroupNames[] = {"same_story", "related", "unrelated"};

struct Pair {
  Group gold;
  bool test;  // ECB+ test topic
  CompareScores scores;
};

std::vector<Doc> Load(const std::string& path) {
  std::vector<Doc> docs;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    nlohmann::json j = nlohmann::json::parse(line);
    twicetold::Article a;
    a.id = j["id"].get<std::string>();
    a.body = j["text"].get<std::string>();
    if (j["published"].is_string()) a.published = j["published"].get<std::string>();
    Doc d;
    d.story = j["story"].get<std::string>();
    d.topic = d.story.substr(0, d.story.find('_'));
    d.analyzed = twicetold::Analyze(std::move(a), twicetold::AnalyzeOptions{});
    docs.push_back(std::move(d));
  }
  return docs;
}

Group Predicted(const CompareScores& s, const RelationThresholds& t) {
  Relation r = twicetold::ClassifyRelation(s, t);
  if (r == Relation::kRelated) return kRelated;
  if (r == Relation::kUnrelated) return kUnrelated;
  return kStory;
}

CompareScores Scores(const Doc& a, const Doc& b) {
  twicetold::CompareOptions o;
  o.quotes = false;
  o.facts = false;
  return twicetold::Compare(a.analyzed, b.analyzed, o)->scores;
}

// Pairs of each group, at most `cap` per group (uniform sample, fixed seed).
std::vector<Pair> MakePairs(const std::vector<Doc>& docs, size_t cap,
                            const std::set<std::string>& test_topics) {
  std::array<std::vector<std::pair<size_t, size_t>>, 3> by_group;
  for (size_t i = 0; i < docs.size(); ++i) {
    for (size_t j = i + 1; j < docs.size(); ++j) {
      Group g = docs[i].story == docs[j].story ? kStory
                : docs[i].topic == docs[j].topic ? kRelated : kUnrelated;
      by_group[g].push_back({i, j});
    }
  }
  std::mt19937_64 rng(20251122);
  std::vector<Pair> out;
  for (int g = 0; g < 3; ++g) {
    auto& v = by_group[g];
    std::shuffle(v.begin(), v.end(), rng);
    if (v.size() > cap) v.resize(cap);
    for (auto [i, j] : v) {
      bool test = test_topics.count(docs[i].topic) && test_topics.count(docs[j].topic);
      out.push_back({static_cast<Group>(g), test, Scores(docs[i], docs[j])});
    }
  }
  return out;
}

struct Confusion {
  double m[3][3] = {};
  double MacroF1() const {
    double sum = 0;
    for (int c = 0; c < 3; ++c) sum += F1(c);
    return sum / 3;
  }
  double F1(int c) const {
    double tp = m[c][c], fp = 0, fn = 0;
    for (int k = 0; k < 3; ++k) {
      if (k != c) { fp += m[k][c]; fn += m[c][k]; }
    }
    return tp == 0 ? 0 : 2 * tp / (2 * tp + fp + fn);
  }
};

// which: 0 = train topics only, 1 = test topics only, 2 = all.
Confusion Confuse(const std::vector<Pair>& pairs, const RelationThresholds& t, int which) {
  Confusion c;
  for (const Pair& p : pairs) {
    if (which == 0 && p.test) continue;
    if (which == 1 && !p.test) continue;
    c.m[p.gold][Predicted(p.scores, t)] += 1;
  }
  return c;
}

// Different-story BASIL pairs (gold "unrelated") predicted related.
double BasilRelatedRate(const std::vector<Pair>& basil, const RelationThresholds& t) {
  double related = 0, n = 0;
  for (const Pair& p : basil) {
    if (p.gold != kUnrelated) continue;
    ++n;
    related += Predicted(p.scores, t) == kRelated;
  }
  return n ? related / n : 0;
}

// The share of BASIL's different-story pairs (all US politics, often the
// same actors years apart) that may be called related: with no cap, 43% are,
// and "related" comes to mean "same beat"; at 5% ECB+ loses 0.04 macro-F1.
constexpr double kMaxBasilRelated = 0.10;

// Grid search for the best ECB+ train+dev macro-F1 among the thresholds
// that call at most `max_basil_related` of BASIL's different-story pairs
// related (BASIL is all US politics, so some of those pairs do share a
// topic; the cap keeps "related" from meaning "same beat").
RelationThresholds Tune(const std::vector<Pair>& ecb, const std::vector<Pair>& basil,
                        double max_basil_related) {
  RelationThresholds best, t;
  double best_f1 = -1;
  for (int s = 20; s <= 40; s += 2) {
    t.same_story_score = s / 100.0;
    for (double topic : {0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.10, 0.12}) {
      t.related_topic_similarity = topic;
      for (double term : {0.03, 0.05, 0.08, 0.10, 0.15, 0.20, 0.30}) {
        t.related_term_similarity = term;
        double f1 = Confuse(ecb, t, 0).MacroF1();
        if (f1 <= best_f1 || BasilRelatedRate(basil, t) > max_basil_related) continue;
        best_f1 = f1;
        best = t;
      }
    }
  }
  return best;
}

void PrintThresholds(const char* title, const RelationThresholds& t,
                     const std::vector<Pair>& ecb, const std::vector<Pair>& basil) {
  std::printf("%s: same_story_score %.2f; related: topic_similarity >= %.2f or "
              "term_similarity >= %.2f\n  ECB+ macro-F1 train+dev %.3f, test %.3f; BASIL different-story "
              "pairs called related %.1f%%\n",
              title, t.same_story_score, t.related_topic_similarity,
              t.related_term_similarity, Confuse(ecb, t, 0).MacroF1(),
              Confuse(ecb, t, 1).MacroF1(), 100 * BasilRelatedRate(basil, t));
}

void PrintConfusion(const char* title, const Confusion& c) {
  std::printf("%s (rows gold, columns predicted)\n%12s %10s %10s %10s\n", title, "",
              "same_story", "related", "unrelated");
  for (int g = 0; g < 3; ++g) {
    std::printf("%12s %10.0f %10.0f %10.0f   F1 %.3f\n", kGroupNames[g], c.m[g][0],
                c.m[g][1], c.m[g][2], c.F1(g));
  }
  std::printf("macro-F1 %.3f\n", c.MacroF1());
}

void PrintRelations(const char* title, const std::vector<Pair>& pairs,
                    const RelationThresholds& t) {
  std::printf("%s: predicted relation per gold group\n", title);
  for (int g = 0; g < 3; ++g) {
    std::map<std::string, int> counts;
    uint32_t max_run = 0;
    int n = 0;
    for (const Pair& p : pairs) {
      if (p.gold != g) continue;
      ++n;
      ++counts[std::string(twicetold::RelationName(twicetold::ClassifyRelation(p.scores, t)))];
      max_run = std::max(max_run, p.scores.longest_run_outside_quotes);
    }
    if (n == 0) continue;
    std::printf("  %-10s n=%-5d", kGroupNames[g], n);
    for (auto& [name, k] : counts) std::printf(" %s=%d", name.c_str(), k);
    std::printf("  (max run outside quotes %u)\n", max_run);
  }
}

// The relation each bundled example version was written to have with its
// story's original (examples/README.md).
const std::map<std::string, std::vector<std::string>> kPlanted = {
    {"exact_copy", {"identical", "near_duplicate"}},
    {"light_edit", {"near_duplicate"}},
    {"rewrite", {"rewrite"}},
    {"independent", {"same_story"}},
    {"related", {"related"}},
    {"unrelated", {"unrelated"}},
};

void EvaluateExamples(const std::string& path) {
  std::map<std::string, twicetold::AnalyzedArticle> docs;
  twicetold::Result<twicetold::ReadResult> read =
      twicetold::ReadAll({path}, twicetold::ReadOptions{});
  if (!read.ok() || !read->rejected.empty()) {
    std::fprintf(stderr, "cannot read the examples from %s\n", path.c_str());
    return;
  }
  for (twicetold::Article& a : read->articles) {
    std::string id = a.id;
    docs.emplace(std::move(id), twicetold::Analyze(std::move(a), twicetold::AnalyzeOptions{}));
  }
  int correct = 0, total = 0;
  for (const auto& [id, original] : docs) {
    if (!id.ends_with("/original")) continue;
    std::string story = id.substr(0, id.find('/'));
    for (const auto& [other_id, other] : docs) {
      std::string other_story = other_id.substr(0, other_id.find('/'));
      std::string version = other_id.substr(other_id.find('/') + 1);
      if (other_id == id || (other_story != story && other_story != "unrelated")) continue;
      if (other_story == "unrelated") version = "unrelated";
      auto c = twicetold::Compare(original, other, twicetold::CompareOptions{});
      std::string got(twicetold::RelationName(c->relation));
      const auto& want = kPlanted.at(version);
      bool ok = std::find(want.begin(), want.end(), got) != want.end();
      correct += ok;
      ++total;
      if (!ok) std::printf("  MISS %s vs %s: got %s, planted %s\n", id.c_str(),
                           other_id.c_str(), got.c_str(), want[0].c_str());
    }
  }
  std::printf("examples: %d of %d planted relations recovered\n", correct, total);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: relation_eval DATA_DIR [MAX_PAIRS_PER_GROUP]\n";
    return 2;
  }
  const std::string data = argv[1];
  const size_t cap = argc > 2 ? std::stoul(argv[2]) : 3000;
  std::printf("command: %s %s %zu%s%s\nmodel: %s\n", argv[0], data.c_str(), cap,
              argc > 3 ? " " : "", argc > 3 ? argv[3] : "",
              std::string(twicetold::CompareModelVersion()).c_str());
  nlohmann::json split;
  std::ifstream(data + "/stories/ecbplus.split.json") >> split;
  std::set<std::string> test_topics;
  for (const auto& t : split["test"]) test_topics.insert(t.get<std::string>());

  std::vector<Pair> ecb = MakePairs(Load(data + "/stories/ecbplus.jsonl"), cap, test_topics);
  // BASIL has no topics: every cross-story pair is "unrelated" gold, though
  // some share a topic (immigration, elections) across years.
  std::vector<Pair> basil = MakePairs(Load(data + "/stories/basil.jsonl"), cap, {});
  RelationThresholds old_rule;  // before: related iff term similarity >= 0.03
  old_rule.related_term_similarity = 0.03;
  old_rule.related_topic_similarity = 2;
  PrintThresholds("old rule", old_rule, ecb, basil);
  for (double cap_rate : {1.0, 0.05}) {
    PrintThresholds(cap_rate < 1 ? "tuned, BASIL related <= 5%" : "tuned, no BASIL cap",
                    Tune(ecb, basil, cap_rate), ecb, basil);
  }
  RelationThresholds tuned = Tune(ecb, basil, kMaxBasilRelated);
  PrintThresholds("tuned, BASIL related <= 10% (the defaults)", tuned, ecb, basil);
  PrintConfusion("ECB+ train+dev topics", Confuse(ecb, tuned, 0));
  PrintConfusion("ECB+ test topics", Confuse(ecb, tuned, 1));
  PrintRelations("ECB+ (all topics)", ecb, tuned);

  Confusion b = Confuse(basil, tuned, 2);
  double tp = b.m[kStory][kStory], fn = b.m[kStory][1] + b.m[kStory][2];
  double fp = b.m[kUnrelated][kStory];
  std::printf("BASIL same story vs different story: recall %.3f, precision %.3f, "
              "F1 %.3f (%0.f same-story pairs, %0.f others)\n",
              tp / (tp + fn), tp / (tp + fp), 2 * tp / (2 * tp + fp + fn), tp + fn,
              b.m[kUnrelated][0] + b.m[kUnrelated][1] + b.m[kUnrelated][2]);
  PrintRelations("BASIL", basil, tuned);
  if (argc > 3) EvaluateExamples(argv[3]);
  return 0;
}
