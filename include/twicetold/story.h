// Story clustering: a stream of articles, in published-time order, grouped
// online into stories (one event, however many versions).
//
// For each article, in stream order:
//   1. candidates: earlier articles of active stories that share weighted
//      terms with it (an inverted index over the heaviest TF-IDF terms of
//      body and title: rare words, names, numbers), and an exact copy of an
//      active article, found by the hash of its normalized text;
//   2. a story score per candidate story from term similarity to its
//      members and centroid, discounted by the time gap;
//   3. assignment to the best story over the threshold, or a new story;
//   4. its relation to the closest earlier member of that story, with
//      compare's relation model (identical ... unrelated), or "origin" for
//      the first member.
// A story leaves the active window `window_days` after its last member
// (by published date; undated articles take the latest date seen so far),
// and its articles' features are then dropped. Deterministic for a given
// input order and options.
#ifndef TWICETOLD_STORY_H_
#define TWICETOLD_STORY_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "twicetold/analyze.h"
#include "twicetold/compare.h"
#include "twicetold/document.h"
#include "twicetold/status.h"

namespace twicetold {

struct StoryOptions {
  // A story stays active this many days after its newest member.
  double window_days = 7;
  // Without dates, at most this many most recent articles stay active.
  uint64_t max_active_articles = 200000;
  // Join the best story when its score reaches this: join_threshold when
  // the article and the story are both dated (the time window already
  // keeps apart events far apart in time), join_threshold_undated when not.
  // Tuned by eval/story_sweep on BASIL (dated) and ECB+ train+dev topics
  // (undated); figures in eval/story_eval.md.
  double join_threshold = 0.2;
  double join_threshold_undated = 0.3;
  // At most this many candidate stories are scored per article.
  uint32_t max_candidates = 64;
  AnalyzeOptions analyze;
  CompareOptions compare;   // relation model for the closest member
};

// InvalidArgument for out-of-range options.
Status ValidateStoryOptions(const StoryOptions& options);

// Per-article features: computed by Prepare (thread-safe, the costly part,
// run in parallel) and consumed by StoryClusterer::Add (serial).
struct StoryFeatures;
struct StoryFeaturesDeleter { void operator()(StoryFeatures* f) const; };
using StoryFeaturesPtr = std::unique_ptr<StoryFeatures, StoryFeaturesDeleter>;

// One article's place in the stories.
struct StoryAssignment {
  uint64_t article = 0;        // stream number (0, 1, ...)
  uint64_t story = 0;          // story number, in order of creation
  // Relation to `closest` (compare's relations); nullopt = origin (the
  // first member of its story).
  std::optional<Relation> relation;
  std::optional<uint64_t> closest;  // the most similar earlier member
  double similarity = 0;            // story score against `closest`
};

struct Story {
  uint64_t story = 0;
  std::vector<uint64_t> members;  // stream numbers, in stream order
  // The likely original: the earliest published member; among equals (or
  // undated) the most complete (most words), then the first in the stream.
  uint64_t origin = 0;
  std::string title;       // the origin's title (or its first words)
  std::string first_seen;  // earliest published date of a member, or ""
  std::string last_seen;   // latest, or ""
};

class StoryClusterer {
 public:
  static Result<std::unique_ptr<StoryClusterer>> Create(
      const StoryOptions& options);
  ~StoryClusterer();

  // Thread-safe, independent of the clusterer's state.
  static StoryFeaturesPtr Prepare(Article article, const StoryOptions& options);

  // Adds the next article of the stream (numbered in call order).
  StoryAssignment Add(StoryFeaturesPtr features);

  // All stories so far (active and retired), in order of creation.
  std::vector<Story> Stories() const;

  uint64_t size() const;        // articles added
  size_t MemoryBytes() const;   // index and per-article features held now
  size_t PeakMemoryBytes() const;

 private:
  class Impl;
  explicit StoryClusterer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace twicetold

#endif  // TWICETOLD_STORY_H_
