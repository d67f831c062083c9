// A slow, obviously correct story clusterer: for every article it scores
// every story with an active member directly (no inverted index, no
// candidate limit), with the same score as StoryClusterer: the cosine to
// the sum of the story's active members' compact vectors, times the time
// factor, times the event fact factor (the votes of the story's 64 most
// recent active members, each compared with the article on its own), over
// the join threshold that applies. For streams in published
// order without exact copies, StoryClusterer must agree with it exactly.
#ifndef TWICETOLD_TESTS_REFERENCE_STORY_REFERENCE_H_
#define TWICETOLD_TESTS_REFERENCE_STORY_REFERENCE_H_

#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <vector>

#include "story/event_facts.h"
#include "story/story_features.h"
#include "twicetold/story.h"

namespace twicetold::reference {

struct ReferenceAssignment {
  uint64_t story = 0;
  std::optional<uint64_t> closest;
};

inline std::vector<ReferenceAssignment> ClusterStories(
    const std::vector<StoryFeatures>& articles, const StoryOptions& options) {
  const double kNaN = std::numeric_limits<double>::quiet_NaN();
  std::vector<ReferenceAssignment> out;
  std::vector<double> window_day;
  std::vector<double> story_last_day;  // newest member ever, -inf if none dated
  std::vector<double> story_first_day;  // oldest member ever, +inf if none dated
  double latest = kNaN;
  for (size_t i = 0; i < articles.size(); ++i) {
    const StoryFeatures& f = articles[i];
    if (f.day && (std::isnan(latest) || *f.day > latest)) latest = *f.day;
    double day = f.day ? *f.day : latest;
    auto active = [&](size_t j) {
      return std::isnan(day) || std::isnan(window_day[j]) ||
             window_day[j] >= day - options.window_days;
    };
    // Centroids of the active members, per story.
    std::map<uint64_t, std::map<uint32_t, double>> centroids;
    for (size_t j = 0; j < i; ++j) {
      if (!active(j)) continue;
      for (const WeightedTerm& t : articles[j].terms) centroids[out[j].story][t.key] += t.weight;
    }
    ReferenceAssignment best;
    double best_margin = 0, best_member_sim = -1;
    bool found = false;
    for (const auto& [story, centroid] : centroids) {
      double norm = 0, dot = 0;
      for (const auto& [key, w] : centroid) norm += w * w;
      for (const WeightedTerm& t : f.terms) {
        auto it = centroid.find(t.key);
        if (it != centroid.end()) dot += it->second * t.weight;
      }
      double score = norm > 0 ? dot / std::sqrt(norm) : 0;
      double last = story_last_day[story];
      bool dated = !std::isnan(day) && std::isfinite(last);
      if (dated) {
        double gap = std::abs(day - last);
        score *= gap <= 2 ? 1 : std::exp(-(gap - 2) / options.window_days);
        double age = day - story_first_day[story];
        if (age > options.max_story_age_days) {
          score *= std::exp(-(age - options.max_story_age_days) / options.window_days);
        }
      }
      story_internal::EventVotes votes;
      size_t voters = 0;
      for (size_t j = i; j-- > 0 && voters < story_internal::kMaxFactVoters;) {
        if (!active(j) || out[j].story != story) continue;
        votes.Count(story_internal::MatchEventFacts(f.event, articles[j].event));
        ++voters;
      }
      score *= votes.Factor(options.event_facts);
      double threshold = dated ? options.join_threshold : options.join_threshold_undated;
      double margin = score / threshold;
      // The closest member: the most similar active member of the story.
      std::optional<uint64_t> closest;
      double closest_sim = -1;
      for (size_t j = 0; j < i; ++j) {
        if (!active(j) || out[j].story != story) continue;
        double sim = story_internal::Dot(articles[j].terms, f.terms);
        if (sim > closest_sim) closest_sim = sim, closest = j;
      }
      if (closest_sim <= 0) continue;  // shares no term: never a candidate
      bool better = margin >= 1 && (!found || margin > best_margin ||
                                    (margin == best_margin && closest_sim > best_member_sim));
      if (better) {
        found = true;
        best_margin = margin;
        best_member_sim = closest_sim;
        best = {story, closest};
      }
    }
    if (!found) {
      best = {story_last_day.size(), std::nullopt};
      story_last_day.push_back(-std::numeric_limits<double>::infinity());
      story_first_day.push_back(std::numeric_limits<double>::infinity());
    }
    if (!std::isnan(day)) {
      story_last_day[best.story] = std::max(story_last_day[best.story], day);
      story_first_day[best.story] = std::min(story_first_day[best.story], day);
    }
    window_day.push_back(day);
    out.push_back(best);
  }
  return out;
}

}  // namespace twicetold::reference

#endif  // TWICETOLD_TESTS_REFERENCE_STORY_REFERENCE_H_
