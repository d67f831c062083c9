// A persistent store of ingested articles: the source of truth of a
// long-running stream. It keeps each article as given, the order it was
// ingested in, its story assignment (the `stories` schema), the version
// chain of articles that came again with another text, and one summary row
// per story. In-memory indexes (StoryClusterer) are caches rebuilt from it
// by replay (ingest.h), so ingesting in many runs gives one run's result.
//
// Durability: Commit() returns only after its transaction is durable
// (SQLite: WAL with synchronous=FULL; PostgreSQL: one transaction with
// synchronous_commit on). A process killed at any moment leaves every
// committed batch and nothing of the batch under way.
//
// Versions: a store records the fingerprint and model versions it was
// written with (FingerprintVersion, StoryModelVersion); ingest refuses a
// store written with other versions (reindex re-analyses it).
//
// Errors: a file that is not a twicetold store, truncated or corrupt gives
// kCorruption with the file name and SQLite's reason; a schema newer than
// this binary kFailedPrecondition; a PostgreSQL server that cannot be
// reached kIOError with the URL (password redacted). Never a crash. Not
// thread-safe: one Store per thread (SQLite serialises writers across
// processes; PostgreSQL writers take turns on a table lock).
#ifndef TWICETOLD_STORE_H_
#define TWICETOLD_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "twicetold/document.h"
#include "twicetold/status.h"

namespace twicetold {

// One stored article version with its place in the stories.
struct StoredArticle {
  uint64_t seq = 0;          // ingestion order, from 1; 0: Commit numbers it
  Article article;           // as given (location and original not kept)
  std::string ingested_at;   // UTC "YYYY-MM-DDTHH:MM:SSZ"; set by Commit if empty
  // 128-bit key of the text (title and body) as given: an id that comes
  // again with the same key is already stored (skipped); with another key
  // it is a new version.
  uint64_t text_key_high = 0;
  uint64_t text_key_low = 0;
  uint32_t version = 1;                  // 1 + earlier versions of this id
  std::optional<uint64_t> previous_seq;  // the version before, if any
  // The assignment, as `stories` prints it.
  uint64_t story = 0;
  std::string relation;                  // "origin", "rewrite", ..., "update"
  std::optional<std::string> duplicate_of;
  std::optional<std::string> closest;
  double similarity = 0;
};

// One story's summary, as `stories --stories` prints it (members are the
// stored articles with this story number, in seq order).
struct StoredStory {
  uint64_t story = 0;
  std::string origin;      // id of the likely original
  std::string title;
  std::string first_seen;  // "" when no member is dated
  std::string last_seen;
  uint64_t size = 0;
  uint64_t last_seq = 0;   // newest member's seq: "newest activity"
};

struct StoreVersions {
  std::string fingerprint;  // FingerprintVersion of the writer
  std::string model;        // StoryModelVersion of the writer
  friend bool operator==(const StoreVersions&, const StoreVersions&) = default;
};

class Store {
 public:
  virtual ~Store() = default;

  // The versions the store was written with; empty strings for a new store.
  virtual Result<StoreVersions> Versions() = 0;
  virtual Status SetVersions(const StoreVersions& versions) = 0;

  // The newest stored version of `id`, or nullopt.
  virtual Result<std::optional<StoredArticle>> FindLatest(std::string_view id) = 0;
  // The version with this seq, or nullopt.
  virtual Result<std::optional<StoredArticle>> FindBySeq(uint64_t seq) = 0;
  // Every version of `id`, oldest first.
  virtual Result<std::vector<StoredArticle>> Versions(std::string_view id) = 0;

  // Appends `articles` and upserts `stories`, in one transaction: durable
  // when it returns Ok. An article with seq 0 gets the next number; one
  // with a seq keeps it (it must be new: an ingest numbers its articles
  // before they are placed, so a version can name an earlier one in the
  // same batch). An empty ingested_at is set to now.
  virtual Status Commit(std::vector<StoredArticle>* articles,
                        const std::vector<StoredStory>& stories) = 0;

  // Rewrites the assignments of stored articles (by seq) and replaces the
  // story table, in one transaction (reindex).
  virtual Status Rewrite(const std::vector<StoredArticle>& articles,
                         const std::vector<StoredStory>& stories) = 0;

  // Calls `fn` for every stored article with seq > after_seq, in seq
  // order; stops at the first error `fn` returns.
  virtual Status Scan(uint64_t after_seq,
                      const std::function<Status(StoredArticle&&)>& fn) = 0;

  // Stories by newest activity first (last_seq descending); `title_query`
  // (may be empty) keeps those whose title contains it, case-insensitively
  // for ASCII; `since` (may be empty) those last seen on or after it.
  virtual Result<std::vector<StoredStory>> Stories(uint64_t limit, uint64_t offset,
                                                   std::string_view title_query,
                                                   std::string_view since) = 0;
  virtual Result<std::optional<StoredStory>> FindStory(uint64_t story) = 0;
  // Members of a story in seq order.
  virtual Result<std::vector<StoredArticle>> Members(uint64_t story) = 0;

  virtual Result<uint64_t> ArticleCount() = 0;
  virtual Result<uint64_t> StoryCount() = 0;
  virtual Result<uint64_t> SizeBytes() = 0;  // bytes on disk (or in the server)
  // "sqlite:out/x.db", or the PostgreSQL URL with its password redacted.
  virtual std::string Describe() const = 0;
};

// Opens (creating if missing) the store at `location`: a file path for
// SQLite, or a postgresql:// (or postgres://) URL for PostgreSQL, whose
// database must exist (the store's tables are created in it). Creates or
// migrates the schema. Errors: kIOError when the file cannot be opened or
// created, or the server cannot be reached or refuses the login;
// kCorruption for a file or database that is not a twicetold store or is
// damaged; kFailedPrecondition for a newer schema.
Result<std::unique_ptr<Store>> OpenStore(std::string_view location);

}  // namespace twicetold

#endif  // TWICETOLD_STORE_H_
