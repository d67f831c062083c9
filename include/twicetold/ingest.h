// Incremental ingest into a persistent store: today's articles join
// yesterday's stories.
//
// StoryIngester::Open() restores the story index from the store: every
// stored article is replayed, in ingestion order, into a fresh
// StoryClusterer (story.h says why that restores exactly the state one run
// would have). Each later addition (IngestInputs: files, read as
// RunStories reads them; Add: articles in memory, e.g. from an HTTP
// request) handles each article in placement order:
//   - an id already stored with the same title and body is skipped (and
//     counted), so re-running an interrupted ingest stores nothing twice;
//   - an id stored with another text is a new version: it is placed in
//     the stories like any article, and its relation is `update`, with
//     `closest` and `duplicate_of` naming the id (its previous version);
//   - otherwise it is placed and related as by `stories`.
// Articles are committed in batches of `commit_every` (Add: one batch),
// and reported only after their batch is durable. Ingesting a stream in
// published order in any number of runs gives exactly the assignments of
// one `stories` run over the whole stream (tested on BASIL).
//
// The store records the versions it was written with; a store written with
// other fingerprint or model versions is refused (FailedPrecondition)
// until Reindex() re-clusters it with the current ones.
#ifndef TWICETOLD_INGEST_H_
#define TWICETOLD_INGEST_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "twicetold/corpus.h"
#include "twicetold/status.h"
#include "twicetold/store.h"
#include "twicetold/story.h"

namespace twicetold {

struct IngestOptions {
  CorpusOptions corpus;
  StoryOptions story;
  uint32_t commit_every = 256;  // articles per durable transaction
};

struct IngestSummary {
  CorpusSummary corpus;      // read counts, bytes, time of the whole run
  uint64_t added = 0;        // articles stored as first versions
  uint64_t updates = 0;      // articles stored as new versions of an id
  uint64_t skipped = 0;      // already stored with the same text
  uint64_t replayed = 0;     // stored articles replayed to restore the index
  double replay_seconds = 0;
  uint64_t stored = 0;       // articles in the store afterwards
  uint64_t stories = 0;      // stories in the store afterwards
};

// The versions this build writes into a store for `options`.
StoreVersions CurrentStoreVersions(const StoryOptions& options);

// Ok when `store` is empty or was written with CurrentStoreVersions();
// FailedPrecondition naming both versions and `twicetold reindex` if not.
Status CheckStoreVersions(Store& store, const StoryOptions& options);

// Called in placement order, after the article's batch is durable.
using IngestCallback = std::function<void(const StoredArticle& article)>;

// A story index over a store, kept in memory between additions (the
// server holds one for its lifetime; the CLI one per run). Not
// thread-safe: one writer at a time (the server serialises additions).
// After an error its index may hold articles the store does not: open a
// new one (the store itself is consistent: the failed batch is not in it).
class StoryIngester {
 public:
  // Checks the versions (CheckStoreVersions), records them in a new store,
  // and restores the index by replaying every stored article. `store`
  // must outlive the ingester.
  static Result<std::unique_ptr<StoryIngester>> Open(Store& store,
                                                     const IngestOptions& options);
  ~StoryIngester();

  // Reads `paths` as RunStories does (corpus furniture over these inputs,
  // the reorder buffer) and ingests every accepted article. Errors: read
  // errors of ReadInputs; store errors (the batch under way is neither
  // stored nor reported).
  Result<IngestSummary> IngestInputs(const std::vector<std::string>& paths,
                                     const IngestCallback& on_article,
                                     const RejectedCallback& on_rejected);

  // Ingests `articles` in the given order (no reorder buffer, no corpus
  // furniture) in one durable transaction; returns one StoredArticle per
  // article placed, and counts skipped ones in *skipped (may be null).
  Result<std::vector<StoredArticle>> Add(std::vector<Article> articles,
                                         uint64_t* skipped);

  // Stored articles replayed when the ingester was opened, and how long
  // that took.
  uint64_t replayed() const;
  double replay_seconds() const;

 private:
  class Impl;
  explicit StoryIngester(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Re-clusters every stored article, in ingestion order, with `options`
// (the current model), rewrites the assignments and the story table, and
// records the current versions. Articles and versions are kept as stored.
Result<IngestSummary> Reindex(Store& store, const IngestOptions& options);

}  // namespace twicetold

#endif  // TWICETOLD_INGEST_H_
