// Online deduplication of a stream of articles by their fingerprints.
//
// Articles are added one at a time, each with its id (any string; the
// index names articles by the ids it was given). Each is compared with
// every earlier article it could duplicate:
//   identical       identical (identical.h) to an earlier article: the
//                   same exact hash (never for an article without words:
//                   an empty text is not a copy);
//   near_duplicate  an earlier article reached through LSH band keys (or,
//                   with kSimHash, through SimHash blocks) whose verified
//                   similarity is at least the threshold;
//   origin          neither: it starts a cluster of its own (the word
//                   `stories` uses for the first version of a story).
// Candidates found by LSH are verified on the whole signature
// (EstimateJaccard) before they count. A duplicate joins the cluster of the
// earlier article it is most similar to (ties: the earliest), so clusters
// are named by their first article. Deterministic: the result depends only
// on the fingerprints and their order (ids are only carried).
//
// Restoring (a store, over several runs): an index is rebuilt by adding
// the stored fingerprints again in their original order; Replay() does so
// and checks each decision against the stored one. A store therefore keeps,
// per article in input order: its id, its whole Fingerprint (or the
// article, to fingerprint again with the same options) and its decision;
// and DedupVersion() of the options, which must match. Adding the rest of
// the stream afterwards gives exactly the decisions of one run over the
// whole stream.
#ifndef TWICETOLD_DEDUP_H_
#define TWICETOLD_DEDUP_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "twicetold/fingerprint.h"
#include "twicetold/status.h"

namespace twicetold {

enum class DedupMethod { kMinHash, kSimHash };

struct DedupOptions {
  FingerprintOptions fingerprint;
  DedupMethod method = DedupMethod::kMinHash;
  // kMinHash: a near duplicate has estimated shingle Jaccard at least this
  // (the same default as compare's near_duplicate threshold).
  double near_duplicate_jaccard = 0.7;
  // kSimHash: a near duplicate differs in at most this many of 64 bits.
  uint32_t simhash_max_distance = 3;
};

// InvalidArgument for thresholds outside [0, 1] or distance > 64, and for
// invalid fingerprint options.
Status ValidateDedupOptions(const DedupOptions& options);

// FingerprintVersion plus the decision options: "fp-v1 ... dedup-v1
// minhash j=0.7 d=3". Written into outputs and stores.
std::string DedupVersion(const DedupOptions& options);

enum class DedupRelation { kOrigin, kIdentical, kNearDuplicate };
std::string_view DedupRelationName(DedupRelation relation);  // "origin", ...

struct DedupDecision {
  std::string cluster;                      // id of the cluster's first article
  std::optional<std::string> duplicate_of;  // id of the most similar earlier one
  DedupRelation relation = DedupRelation::kOrigin;
  // 1 for identical; the verified similarity for near_duplicate (estimated
  // Jaccard, or 1 - distance/64 for SimHash); 0 for origin.
  double similarity = 0;
  bool operator==(const DedupDecision& other) const = default;
};

// Not thread-safe: one writer. Memory grows by well under 1 KB per article
// with the default options (MemoryBytes() tells).
class DedupIndex {
 public:
  // Errors: see ValidateDedupOptions.
  static Result<std::unique_ptr<DedupIndex>> Create(const DedupOptions& options);
  ~DedupIndex();

  // Adds the next article and returns how it relates to the earlier ones.
  // `fingerprint` must come from options().fingerprint. Ids are not
  // checked for uniqueness: a repeated id names two articles alike.
  DedupDecision Add(std::string_view id, const Fingerprint& fingerprint);

  // Rebuilds the state from a stored article: Add(), then a check that the
  // decision is `known` (the one stored: cluster, duplicate_of and relation;
  // the similarity follows from them and is not compared). As cheap as Add (no text, no
  // analysis). Corruption when it differs (other options, fingerprints or
  // order than the store's); the index must not be used after an error.
  Status Replay(std::string_view id, const Fingerprint& fingerprint,
                const DedupDecision& known);

  // A hint that about `articles` articles will be added in all: the LSH
  // tables take at once the size they would grow to, so that adding them
  // never rehashes. Decisions do not depend on it.
  void Reserve(uint64_t articles);

  uint64_t size() const;        // articles added
  size_t MemoryBytes() const;   // heap bytes held (signatures, tables)
  const DedupOptions& options() const;

 private:
  class Impl;
  explicit DedupIndex(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace twicetold

#endif  // TWICETOLD_DEDUP_H_
