// Tunes the story clusterer's join thresholds on the gold story files
// (../shared/data/stories): prepares every article once, then clusters the
// stream (file order = published order) for each threshold and prints
// pairwise precision / recall / F1 against the gold `story` field.
// ECB+ is tuned on its train+dev topics and reported on test; BASIL is
// reported whole. eval/story_eval.py gives the full metrics (B-cubed, ARI)
// for the chosen default through the CLI.
//
//   build/story_sweep ../shared/data [threshold ...]
// With STORY_SWEEP_CLUSTERS=1 in the environment it also lists every
// predicted story that mixes gold stories.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "story/story_features.h"
#include "twicetold/story.h"

namespace {

struct GoldArticle {
  twicetold::Article article;
  std::string story;
  std::string topic;
};

std::vector<GoldArticle> LoadGold(const std::string& path) {
  std::vector<GoldArticle> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    nlohmann::json j = nlohmann::json::parse(line);
    GoldArticle g;
    g.article.id = j["id"].get<std::string>();
    g.article.title = j.value("title", "");
    g.article.body = j["text"].get<std::string>();
    if (j["published"].is_string()) g.article.published = j["published"].get<std::string>();
    if (j["source"].is_string()) g.article.source = j["source"].get<std::string>();
    g.story = j["story"].get<std::string>();
    g.topic = g.story.substr(0, g.story.find('_'));
    out.push_back(std::move(g));
  }
  return out;
}

struct Pairwise {
  double precision = 0, recall = 0, f1 = 0;
};

// Pairwise scores over the articles whose index passes `keep`.
template <typename Keep>
Pairwise Score(const std::vector<GoldArticle>& gold, const std::vector<uint64_t>& pred,
               Keep keep) {
  uint64_t tp = 0, pred_pairs = 0, gold_pairs = 0;
  for (size_t i = 0; i < gold.size(); ++i) {
    if (!keep(i)) continue;
    for (size_t j = i + 1; j < gold.size(); ++j) {
      if (!keep(j)) continue;
      bool g = gold[i].story == gold[j].story, p = pred[i] == pred[j];
      tp += g && p;
      gold_pairs += g;
      pred_pairs += p;
    }
  }
  Pairwise s;
  s.precision = pred_pairs ? static_cast<double>(tp) / pred_pairs : 0;
  s.recall = gold_pairs ? static_cast<double>(tp) / gold_pairs : 0;
  s.f1 = s.precision + s.recall > 0
             ? 2 * s.precision * s.recall / (s.precision + s.recall)
             : 0;
  return s;
}

std::vector<uint64_t> Cluster(const std::vector<twicetold::StoryFeatures>& features,
                              const twicetold::StoryOptions& options) {
  auto clusterer = twicetold::StoryClusterer::Create(options);
  std::vector<uint64_t> out;
  for (const twicetold::StoryFeatures& f : features) {
    out.push_back(
        (*clusterer)->Place(twicetold::StoryFeaturesPtr(new twicetold::StoryFeatures(f)))
            .assignment.story);  // the story only: no relation needed
  }
  return out;
}

// Within each ECB+ topic, how often each kind of event fact agrees or
// conflicts (story_internal::MatchEventFacts) for pairs of one event and
// pairs of the topic's two events: how well each kind keeps events apart.
void PrintFactStats(const std::vector<GoldArticle>& gold,
                    const std::vector<twicetold::StoryFeatures>& features) {
  using twicetold::story_internal::FactMatch;
  // [same event][kind][unknown, agree, conflict]
  uint64_t counts[2][5][3] = {};
  uint64_t joint[2][2] = {};  // [same event][place and a time conflict, nothing agrees]
  for (size_t i = 0; i < gold.size(); ++i) {
    for (size_t j = i + 1; j < gold.size(); ++j) {
      if (gold[i].topic != gold[j].topic) continue;
      auto m = twicetold::story_internal::MatchEventFacts(features[i].event, features[j].event);
      bool same = gold[i].story == gold[j].story;
      const FactMatch kinds[5] = {m.place, m.year, m.when, m.number, m.person};
      for (int k = 0; k < 5; ++k) ++counts[same][k][static_cast<int>(kinds[k])];
      bool agree = m.place == FactMatch::kAgree || m.year == FactMatch::kAgree ||
                   m.when == FactMatch::kAgree;
      bool place_and_time = m.place == FactMatch::kConflict &&
                            (m.year == FactMatch::kConflict || m.when == FactMatch::kConflict);
      ++joint[same][place_and_time && !agree];
    }
  }
  // Salient rare names: Dice coefficient histogram, same vs other event.
  uint64_t dice[2][6] = {};
  for (size_t i = 0; i < gold.size(); ++i) {
    for (size_t j = i + 1; j < gold.size(); ++j) {
      if (gold[i].topic != gold[j].topic) continue;
      const auto& a = features[i].names;
      const auto& b = features[j].names;
      if (a.empty() || b.empty()) continue;
      double d = 2.0 * twicetold::story_internal::CountShared(a, b) / (a.size() + b.size());
      ++dice[gold[i].story == gold[j].story][std::min(5, static_cast<int>(d * 10))];
    }
  }
  for (int same = 1; same >= 0; --same) {
    std::printf("  %s pairs, names Dice 0-.1 .. .5+:", same ? "same-event " : "other-event");
    for (uint64_t c : dice[same]) std::printf(" %6llu", (unsigned long long)c);
    std::printf("\n");
  }
  for (int same = 1; same >= 0; --same) {
    std::printf("  %s pairs: place and year or when conflict, nothing agrees: %llu of %llu\n",
                same ? "same-event " : "other-event", (unsigned long long)joint[same][1],
                (unsigned long long)(joint[same][0] + joint[same][1]));
  }
  size_t without = 0;
  for (const auto& f : features) without += f.event.empty();
  std::printf("  articles without event facts: %zu of %zu\n", without, features.size());
  const char* names[5] = {"place", "year", "when", "number", "person"};
  for (int same = 1; same >= 0; --same) {
    for (int k = 0; k < 5; ++k) {
      std::printf("  %s pairs, %-6s: unknown %6llu agree %6llu conflict %6llu\n",
                  same ? "same-event " : "other-event", names[k],
                  (unsigned long long)counts[same][k][0], (unsigned long long)counts[same][k][1],
                  (unsigned long long)counts[same][k][2]);
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string data = argc > 1 ? argv[1] : "../shared/data";
  std::vector<double> thresholds;
  for (int i = 2; i < argc; ++i) thresholds.push_back(std::stod(argv[i]));
  if (thresholds.empty()) {
    for (int t = 10; t <= 60; t += 2) thresholds.push_back(t / 100.0);
  }
  std::set<std::string> test_topics = {"36", "37", "38", "39", "40",
                                       "41", "42", "43", "44", "45"};
  twicetold::StoryOptions options;
  // STORY_SWEEP_FACTS="place_agree,place_conflict,year_agree,year_conflict,
  // when_agree,when_conflict,place_and_time_conflict[,number_agree,
  // number_conflict[,person_agree,person_conflict]][;...]" sweeps event fact weights too (each set with
  // each threshold) instead of the default ones.
  std::vector<twicetold::EventFactWeights> weight_sets = {options.event_facts};
  if (const char* env = std::getenv("STORY_SWEEP_FACTS")) {
    weight_sets.clear();
    std::string all = env;
    for (size_t p = 0; p < all.size();) {
      size_t e = std::min(all.find(';', p), all.size());
      twicetold::EventFactWeights w;
      int n = std::sscanf(all.substr(p, e - p).c_str(),
                          "%lf,%lf,%lf,%lf,%lf,%lf,%lf,%lf,%lf,%lf,%lf", &w.place_agree,
                          &w.place_conflict, &w.year_agree, &w.year_conflict, &w.when_agree,
                          &w.when_conflict, &w.place_and_time_conflict, &w.number_agree,
                          &w.number_conflict, &w.person_agree, &w.person_conflict);
      if (n != 7 && n != 9 && n != 11) {
        std::fprintf(stderr,
                     "STORY_SWEEP_FACTS: seven, nine or eleven comma-separated numbers per set\n");
        return 1;
      }
      weight_sets.push_back(w);
      p = e + 1;
    }
  }
  for (const char* name : {"basil", "ecbplus"}) {
    std::vector<GoldArticle> gold = LoadGold(data + "/stories/" + name + ".jsonl");
    if (gold.empty()) {
      std::fprintf(stderr, "cannot read %s/stories/%s.jsonl\n", data.c_str(), name);
      return 1;
    }
    std::vector<twicetold::StoryFeatures> features;
    for (const GoldArticle& g : gold) {
      features.push_back(twicetold::story_internal::ComputeStoryFeatures(g.article, options));
    }
    std::printf("%s (%zu articles)\n", name, gold.size());
    if (std::getenv("STORY_SWEEP_FACT_STATS")) PrintFactStats(gold, features);
    for (size_t ws = 0; ws < weight_sets.size() * thresholds.size(); ++ws) {
      const double t = thresholds[ws % thresholds.size()];
      options.event_facts = weight_sets[ws / thresholds.size()];
      if (weight_sets.size() > 1 && ws % thresholds.size() == 0) {
        const twicetold::EventFactWeights& w = options.event_facts;
        std::printf(
            "  facts place %g/%g year %g/%g when %g/%g place+time %g number %g/%g person %g/%g\n",
            w.place_agree, w.place_conflict, w.year_agree, w.year_conflict, w.when_agree,
            w.when_conflict, w.place_and_time_conflict, w.number_agree, w.number_conflict,
            w.person_agree, w.person_conflict);
      }
      // BASIL is dated, ECB+ is not: each tunes its own threshold.
      options.join_threshold = t;
      options.join_threshold_undated = t;
      std::vector<uint64_t> pred = Cluster(features, options);
      std::set<uint64_t> stories(pred.begin(), pred.end());
      Pairwise all = Score(gold, pred, [](size_t) { return true; });
      Pairwise tune = Score(gold, pred, [&](size_t i) { return !test_topics.count(gold[i].topic); });
      Pairwise test = Score(gold, pred, [&](size_t i) { return test_topics.count(gold[i].topic) > 0; });
      if (std::getenv("STORY_SWEEP_CLUSTERS")) {
        std::map<uint64_t, std::map<std::string, int>> comp;
        for (size_t i = 0; i < gold.size(); ++i) comp[pred[i]][gold[i].story]++;
        for (auto& [c, m] : comp) {
          if (m.size() < 2) continue;
          std::printf("    pred %llu:", (unsigned long long)c);
          for (auto& [g, n] : m) std::printf(" %s=%d", g.c_str(), n);
          std::printf("\n");
        }
      }
      if (std::string(name) == "basil") {
        std::printf("  join %.2f  stories %4zu  P %.3f R %.3f F1 %.3f\n", t, stories.size(),
                    all.precision, all.recall, all.f1);
      } else {
        std::printf("  join %.2f  stories %4zu  all F1 %.3f  train+dev P %.3f R %.3f F1 %.3f"
                    "  test P %.3f R %.3f F1 %.3f\n",
                    t, stories.size(), all.f1, tune.precision, tune.recall, tune.f1,
                    test.precision, test.recall, test.f1);
      }
    }
  }
  std::printf("command: build/story_sweep %s\n", data.c_str());
  return 0;
}
