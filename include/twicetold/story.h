// Story clustering: a stream of articles, in published-time order, grouped
// online into stories (one event, however many versions).
//
// For each article, in stream order:
//   1. candidates: earlier articles of active stories that share weighted
//      terms with it (an inverted index over the heaviest TF-IDF terms of
//      body and title: rare words, names, numbers), and an exact copy of an
//      active article, found by its IdenticalKey (identical.h);
//   2. a story score per candidate story from term similarity to its
//      members and centroid, discounted by the time gap;
//   3. assignment to the best story over the threshold, or a new story;
//   4. its relation to the closest earlier member of that story, with
//      compare's relation model (identical ... unrelated), or "origin" for
//      the first member.
// An article leaves the active window `window_days` after its published
// date (undated articles take the latest date seen so far; the stream is
// expected in published order): its features and text are dropped, it no
// longer counts in its story's centroid, and later articles can no longer
// join its story through it. A story whose members have all left is
// retired. Scoring against the centroid of a story's active members (not
// its single most similar member) keeps a beat from chaining day after day
// into one endless story. Deterministic for a given input order and
// options. Articles are named by their ids (Article::id) in assignments
// and stories; the clusterer does not require them to be unique, but a
// repeated id names two articles alike.
//
// Restoring (a store, over several runs): a new clusterer given every
// stored article again, in placement order, through Replay() with its
// stored assignment reaches exactly the state Place() left, without
// scoring or comparing; placing the rest of the stream then gives exactly
// the assignments and Stories() of one run over the whole stream. A store
// therefore keeps, per article in placement order: the article as given
// (id, title, body, source, published: Prepare needs them) and its
// assignment's story number; and StoryModelVersion() of the options, which
// must match. RunStories places a nearly sorted input in published order
// (reorder_window); the equality holds for streams placed in published
// order, so a store should feed each run in that order (and a run must not
// hold articles older than the previous run's newest).
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

// How an article's event facts (places, years, resolved dates: see
// StoryOptions::event_facts) weigh on its score against a story, per kind
// of fact: the score is multiplied by (1 + *_agree) when the article and
// the story's active members share one, by *_conflict when both have some
// and share none, and left alone otherwise; a story's members vote, each
// compared with the article (src/story/event_facts.h). The defaults were
// tuned on BASIL and ECB+ train+dev (eval/story_eval.md); a conflicting
// place or date alone was measured to say little (reports of one event
// name several places and days), together they say much. All zeros in *_agree and ones
// in *_conflict turn the facts off.
struct EventFactWeights {
  double place_agree = 0.3;
  double place_conflict = 1;
  double year_agree = 0.3;
  double year_conflict = 0.7;
  double when_agree = 0.3;
  double when_conflict = 1;
  // Numbers (counts, ages, model numbers): reports of one event repeat
  // them but add their own, so a conflict says little.
  double number_agree = 0.2;
  double number_conflict = 0.9;
  // People (surnames of the first named). A conflict counts only when
  // neither place nor time agrees (reports of one event quote different
  // people): on ECB+ 5% of pairs of one event conflict, 52% of pairs of
  // two events of one topic; on BASIL 1 pair of 300 of one story.
  double person_agree = 0;
  double person_conflict = 0.8;
  // Another place and another year or date, and nothing agreeing.
  double place_and_time_conflict = 0.1;
};

struct StoryOptions {
  // An article stays active (can be joined) this many days after its date.
  double window_days = 7;
  // A story older than this (days since its first member) is joined less
  // and less readily (the score decays over window_days): a developing
  // story past a week continues as a new story, and a beat covered daily
  // does not become one endless story. On AllSides this takes the largest
  // story from 574 articles over six months to 105 (eval/story_eval.md);
  // BASIL and ECB+ are unaffected.
  double max_story_age_days = 7;
  // At most this many most recent articles stay active (bounds memory,
  // and the window of an undated stream).
  uint64_t max_active_articles = 200000;
  // Join the best story when its score reaches this: join_threshold when
  // the article and the story are both dated (the time window already
  // keeps apart events far apart in time), join_threshold_undated when not.
  // Tuned by eval/story_sweep on BASIL (dated) and ECB+ train+dev topics
  // (undated), together with event_facts; figures in eval/story_eval.md.
  double join_threshold = 0.25;
  double join_threshold_undated = 0.25;
  // Corpus runs (RunStories) hold up to this many articles (their text and
  // features, ~1.5 KB more than the text each) to put a nearly sorted input
  // into published order before clustering; 0 keeps input order.
  uint32_t reorder_window = 4096;
  // At most this many candidate stories are scored per article.
  uint32_t max_candidates = 64;
  // Same event or another event of the same kind: agreeing places, years
  // and dates raise a story's score, conflicting ones lower it (an exact
  // copy joins its original whatever its facts). Tuned on BASIL and ECB+
  // train+dev (eval/story_eval.md).
  EventFactWeights event_facts;
  AnalyzeOptions analyze;
  CompareOptions compare;   // relation model for the closest member
};

// InvalidArgument for out-of-range options.
Status ValidateStoryOptions(const StoryOptions& options);

// Names the story model and every option that changes its results, with
// the analysis and relation model versions: "story-v6 join=0.25/0.25
// window=7d age=7d active=200000 candidates=64 terms=32
// facts=place:0.3/1,year:0.3/0.7,when:0.3/1,number:0.2/0.9,person:0/0.8,place+time:0.1
// reorder=4096
// text-r1 clean=... compare-v7 ...". Written into the stories summary.
std::string StoryModelVersion(const StoryOptions& options);

// Per-article features: computed by Prepare (thread-safe, the costly part,
// run in parallel) and consumed by StoryClusterer::Add (serial).
struct StoryFeatures;
struct StoryFeaturesDeleter { void operator()(StoryFeatures* f) const; };
using StoryFeaturesPtr = std::unique_ptr<StoryFeatures, StoryFeaturesDeleter>;

// One article's place in the stories.
struct StoryAssignment {
  std::string id;              // the article's id
  uint64_t story = 0;          // story number (0, 1, ...), in order of creation
  // Relation to `closest` (compare's relations); nullopt = origin (the
  // first member of its story).
  std::optional<Relation> relation;
  std::optional<std::string> closest;  // id of the most similar earlier member
  double similarity = 0;               // story score against `closest`
  bool operator==(const StoryAssignment& other) const = default;
};

struct Story {
  uint64_t story = 0;
  std::vector<std::string> members;  // ids, in stream order
  // The likely original: the earliest published member; among equals (or
  // undated) the most complete (most words), then the first in the stream.
  std::string origin;                // its id
  std::string title;       // the origin's title (or its first words)
  std::string first_seen;  // earliest published date of a member, or ""
  std::string last_seen;   // latest, or ""
  bool operator==(const Story& other) const = default;
};

// A placed article whose relation to its closest member is not known yet:
// the output of StoryClusterer::Place, completed by Relate. Holds what the
// comparison needs, so Relate can run on any thread, in any order.
struct StoryPlacement {
  StoryAssignment assignment;
  std::shared_ptr<const Article> article;  // the article placed
  struct Pending;
  std::shared_ptr<const Pending> pending;  // null when nothing is left to do
};

class StoryClusterer {
 public:
  static Result<std::unique_ptr<StoryClusterer>> Create(
      const StoryOptions& options);
  ~StoryClusterer();

  // Thread-safe, independent of the clusterer's state.
  static StoryFeaturesPtr Prepare(Article article, const StoryOptions& options);

  // Places the next article of the stream (numbered in call order) in a
  // story. The assignment's relation is final for origins and identical
  // copies; otherwise Relate() fills it. Serial.
  StoryPlacement Place(StoryFeaturesPtr features);

  // Fills placement->assignment.relation: compare's relation model on the
  // article and its closest member (the full comparison when their terms
  // overlap enough for a copy relation to be possible). Thread-safe.
  static void Relate(StoryPlacement* placement, const StoryOptions& options);

  // Place, then Relate.
  StoryAssignment Add(StoryFeaturesPtr features);

  // Restores the next stored article: updates the state exactly as Place()
  // did when it assigned the article to story `known.story`, without
  // scoring, comparing or relating (only `known.id` and `known.story` are
  // read). `features` come from Prepare() on the stored article with the
  // same options. Errors: InvalidArgument when the ids differ or the story
  // number is neither an existing story nor the next new one (a store out
  // of order); the clusterer must not be used after an error.
  Status Replay(StoryFeaturesPtr features, const StoryAssignment& known);

  // All stories so far (active and retired), in order of creation.
  std::vector<Story> Stories() const;
  // One of them, as Stories() would give it (NotFound past the last).
  // Cheap: a store updates the stories a batch touched with it.
  Result<Story> StoryOf(uint64_t story) const;

  uint64_t size() const;        // articles added
  size_t MemoryBytes() const;   // index and per-article features held now
  size_t PeakMemoryBytes() const;
  // Bytes of article text held for comparisons with later members (the
  // active window's bodies); not part of MemoryBytes.
  size_t TextBytes() const;

 private:
  class Impl;
  explicit StoryClusterer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace twicetold

#endif  // TWICETOLD_STORY_H_
