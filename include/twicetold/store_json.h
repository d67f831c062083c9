// JSON encoders for what a store holds: stored articles, story summaries,
// a story with its genealogy, an article with its versions and quotes, and
// the answer to an ingest. Shared by every front end over a store (the
// server's /v1 API, `ingest`, Python), so they all say the same thing; to
// be merged into json.h.
//
// Each encoder returns one line of UTF-8 JSON with no trailing newline;
// field order is fixed. Invalid UTF-8 in a string (never expected: readers
// validate every record) is replaced by U+FFFD. Spans are [begin, end) in
// Unicode code points into the body as given. Thread-safe.
#ifndef TWICETOLD_STORE_JSON_H_
#define TWICETOLD_STORE_JSON_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "twicetold/analyze.h"
#include "twicetold/quote.h"
#include "twicetold/store.h"

namespace twicetold {

// The `stories` / `ingest` line of a stored article: {"id", "story",
// "relation", "duplicate_of", "closest", "similarity"}.
std::string StoredArticleToJson(const StoredArticle& article);

// One story summary: {"story", "size", "origin", "title", "first_seen",
// "last_seen", "last_seq"}; first_seen and last_seen are null when no
// member is dated.
std::string StoredStoryToJson(const StoredStory& story);

// A page of stories, newest activity first: {"limit", "offset",
// "stories_in_store" (all stories, whatever the filter), "stories":
// [summary...]}.
std::string StoryPageToJson(const std::vector<StoredStory>& stories,
                            uint64_t stories_in_store, uint64_t limit, uint64_t offset);

// A story with its members and genealogy: the summary's fields, then
// "members": [{"seq", "id", "version", "title", "source", "url",
// "published", "ingested_at", "relation", "duplicate_of", "closest",
// "similarity"}] in ingestion order, and "edges": [{"from", "to",
// "relation", "similarity"}], one per member derived from an earlier one
// (`from` is the closest earlier member's id; an update's is its previous
// version).
std::string StoryDetailToJson(const StoredStory& story,
                              const std::vector<StoredArticle>& members);

// One article: {"id", "seq", "version", "title", "source", "url",
// "published", "ingested_at", "headline_only", "text", "story" (the
// summary, or null), "assignment" (its `stories` line), "versions":
// [{"seq", "version", "title", "ingested_at", "relation"}] oldest first,
// "quotes": [as in QuotesToJson (json.h)]}. `analyzed` is Analyze() of article.article and
// `quotes` ExtractQuotes() of it.
std::string ArticleDetailToJson(const StoredArticle& article,
                                const std::vector<StoredArticle>& versions,
                                const std::optional<StoredStory>& story,
                                const AnalyzedArticle& analyzed,
                                const std::vector<Quote>& quotes);

// One version of an article (`export --versions`): {"seq", "id",
// "version", "title", "source", "url", "published", "ingested_at",
// "relation", "duplicate_of", "closest", "similarity", "previous_seq"
// (null for the first), "comparison"}: `comparison_json` (the comparison
// with the previous version, as ComparisonToJson writes it) embedded, or
// null when empty.
std::string ArticleVersionToJson(const StoredArticle& version,
                                 std::string_view comparison_json);

// A record of a batch that was not ingested: its 1-based place in the
// batch and the reader's reason.
struct RecordRejection {
  uint64_t record = 0;
  std::string reason;
};

// The answer to an ingest of a batch: {"articles": [the `ingest` line of
// each placed article, in placement order], "skipped": n (already stored
// with the same text), "rejected": [{"record", "reason"}]}.
std::string IngestResultToJson(const std::vector<StoredArticle>& placed, uint64_t skipped,
                               const std::vector<RecordRejection>& rejected);

// An error: {"error": code name ("invalid_argument", ...), "message"}.
std::string ErrorToJson(std::string_view code, std::string_view message);

}  // namespace twicetold

#endif  // TWICETOLD_STORE_JSON_H_
