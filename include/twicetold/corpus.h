// Whole-corpus runs: read every input, remove corpus-level boilerplate,
// fingerprint or analyze the articles on all cores, and feed them in input
// order to a dedup index or a story clusterer.
//
// Stages: (1) when corpus_boilerplate is on, a counting pass reads the
// inputs once and freezes the per-source furniture lines (standard input
// cannot be read twice: it is held in memory for the second pass);
// (2) a pipeline (oneTBB) reads records serially, transforms them in
// parallel with at most `in_flight` records held, and delivers results
// serially in input order. Output is therefore the same for any thread
// count. Every record is delivered as an article or a rejection, and
// CorpusSummary::read adds up.
#ifndef TWICETOLD_CORPUS_H_
#define TWICETOLD_CORPUS_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "twicetold/corpus_boilerplate.h"
#include "twicetold/dedup.h"
#include "twicetold/document.h"
#include "twicetold/io.h"
#include "twicetold/progress.h"
#include "twicetold/status.h"
#include "twicetold/story.h"

namespace twicetold {

struct CorpusOptions {
  ReadOptions read;
  uint32_t threads = 0;            // 0: all cores
  uint32_t in_flight = 0;          // records held at once; 0: 64 per thread
  bool corpus_boilerplate = true;  // the counting pass and its removals
  CorpusBoilerplateOptions boilerplate;
  ProgressCallback progress;       // may be empty
  double progress_interval_seconds = 0.2;
  // Compressed inputs decoded by the counting pass are kept in memory, up
  // to this many bytes in all, and the main pass reads them from there
  // instead of decoding again (files past the budget are decoded twice).
  // 0: never keep. Freed when the run ends.
  uint64_t hold_decompressed_bytes = uint64_t{1} << 30;
};

struct CorpusSummary {
  ReadSummary read;                // read == accepted + skipped + rejected
  uint64_t input_bytes = 0;        // bytes of the inputs as stored
  uint64_t body_bytes = 0;         // bytes of accepted article bodies
  uint64_t furniture_lines = 0;    // distinct (source, line) furniture lines
  uint64_t lines_removed = 0;      // source_repeat removals in all articles
  double seconds = 0;              // wall time of the whole run
  size_t index_bytes = 0;          // the index's MemoryBytes() at the end
  size_t peak_index_bytes = 0;     // its peak (stories) or final size (dedup)
  uint64_t held_decompressed_bytes = 0;  // peak memory of the kept inputs
};

// Called in input order from one thread.
using DedupCallback =
    std::function<void(const Article& article, const DedupDecision& decision)>;
using StoryCallback = std::function<void(const Article& article,
                                         const StoryAssignment& assignment)>;

// Deduplicates every input. Errors: invalid options; the read errors of
// ReadInputs. Rejected records go to `on_rejected` (in input order).
Result<CorpusSummary> RunDedup(const std::vector<std::string>& paths,
                               const CorpusOptions& corpus,
                               const DedupOptions& dedup,
                               const DedupCallback& on_article,
                               const RejectedCallback& on_rejected);

// Clusters every input into stories; `stories` (may be null) receives the
// final stories.
Result<CorpusSummary> RunStories(const std::vector<std::string>& paths,
                                 const CorpusOptions& corpus,
                                 const StoryOptions& options,
                                 const StoryCallback& on_article,
                                 const RejectedCallback& on_rejected,
                                 std::vector<Story>* stories);

}  // namespace twicetold

#endif  // TWICETOLD_CORPUS_H_
