// The whole-corpus story run with hooks: shared by RunStories (which
// prints every placement) and StoryIngester (which admits only articles
// not yet stored and commits each batch before reporting it). Internal to
// src/pipeline.
#ifndef TWICETOLD_PIPELINE_STORY_STREAM_H_
#define TWICETOLD_PIPELINE_STORY_STREAM_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "twicetold/corpus.h"
#include "twicetold/status.h"
#include "twicetold/story.h"

namespace twicetold {

struct StoryStreamHooks {
  size_t batch = 256;  // placements related in parallel and delivered together
  // Serial, in placement order, just before Place(): false skips the
  // article (neither placed nor delivered). Empty: admit every article.
  std::function<bool(const Article&)> admit;
  // Serial, in placement order: each batch once its relations are known.
  // The first error stops the run: later records are read but not placed,
  // and RunStoryStream returns that error.
  std::function<Status(std::vector<StoryPlacement>& batch)> deliver;
};

// Reads `paths` (the counting pass for corpus furniture, then the main
// pass), puts prepared articles in published order (options.reorder_window)
// and places them into `clusterer`, which may hold a restored state.
Result<CorpusSummary> RunStoryStream(const std::vector<std::string>& paths,
                                     const CorpusOptions& corpus,
                                     const StoryOptions& options,
                                     StoryClusterer& clusterer,
                                     const StoryStreamHooks& hooks,
                                     const RejectedCallback& on_rejected);

}  // namespace twicetold

#endif  // TWICETOLD_PIPELINE_STORY_STREAM_H_
