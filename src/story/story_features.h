// What the story clusterer keeps of an article: a short weighted term
// vector for retrieval and scoring, rare names, the exact-copy hash and the
// date. Computed in parallel by StoryClusterer::Prepare.
#ifndef TWICETOLD_STORY_STORY_FEATURES_H_
#define TWICETOLD_STORY_STORY_FEATURES_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "story/event_facts.h"
#include "twicetold/analyze.h"
#include "twicetold/identical.h"
#include "twicetold/story.h"

namespace twicetold {

// One entry of a compact term vector: a 32-bit stem key and its weight.
struct WeightedTerm {
  uint32_t key = 0;
  float weight = 0;
};

// At most kMaxTerms entries, sorted by key, unit Euclidean norm.
using CompactVector = std::vector<WeightedTerm>;

struct StoryFeatures {
  Article article;                 // as read (kept while the article is active)
  IdenticalKey identical;          // of the body (identical.h)
  CompactVector terms;             // body + title terms, the top kMaxTerms
  std::vector<uint32_t> names;     // sorted distinct rare-name keys
  // Sorted distinct hashes of every run of kProseRunWords words outside
  // quotations: two texts can only share verbatim prose (a rewrite) if
  // they share one of these.
  std::vector<uint32_t> prose_runs;
  story_internal::EventFacts event;  // places, years, resolved dates
  std::optional<double> day;       // published, days since 1970
  uint32_t words = 0;
  uint32_t source_repeat_lines = 0;  // corpus furniture lines cleaning removed
};

namespace story_internal {

inline constexpr size_t kMaxTerms = 32;
inline constexpr size_t kMaxNames = 12;
// compare's shortest reported run (CompareOptions::min_run_words).
inline constexpr size_t kProseRunWords = 6;

// Number of elements two sorted distinct vectors share.
size_t CountShared(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);

// Dot product of two compact vectors (their cosine: both have unit norm).
double Dot(const CompactVector& a, const CompactVector& b);

// Computes the features of `article` (Analyze, term vector, names, hash).
StoryFeatures ComputeStoryFeatures(Article article, const StoryOptions& options);

}  // namespace story_internal
}  // namespace twicetold

#endif  // TWICETOLD_STORY_STORY_FEATURES_H_
