// Online deduplication of a stream of articles by their fingerprints.
//
// Articles are added one at a time and numbered 0, 1, 2, ... in the order
// of Add(). Each is compared with every earlier article it could duplicate:
//   identical       the same exact hash as an earlier article (never for an
//                   article without words: an empty text is not a copy);
//   near_duplicate  an earlier article reached through LSH band keys (or,
//                   with kSimHash, through SimHash blocks) whose verified
//                   similarity is at least the threshold;
//   origin          neither: it starts a cluster of its own (the word
//                   `stories` uses for the first version of a story).
// Candidates found by LSH are verified on the whole signature
// (EstimateJaccard) before they count. A duplicate joins the cluster of the
// earlier article it is most similar to (ties: the earliest), so clusters
// are named by their first article. Deterministic: the result depends only
// on the fingerprints and their order.
#ifndef TWICETOLD_DEDUP_H_
#define TWICETOLD_DEDUP_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
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

enum class DedupRelation { kOrigin, kIdentical, kNearDuplicate };
std::string_view DedupRelationName(DedupRelation relation);  // "origin", ...

struct DedupDecision {
  uint64_t cluster = 0;                  // number of the cluster's first article
  std::optional<uint64_t> duplicate_of;  // the most similar earlier article
  DedupRelation relation = DedupRelation::kOrigin;
  // 1 for identical; the verified similarity for near_duplicate (estimated
  // Jaccard, or 1 - distance/64 for SimHash); 0 for origin.
  double similarity = 0;
};

// Not thread-safe: one writer. Memory grows by well under 1 KB per article
// with the default options (MemoryBytes() tells).
class DedupIndex {
 public:
  // Errors: see ValidateDedupOptions.
  static Result<std::unique_ptr<DedupIndex>> Create(const DedupOptions& options);
  ~DedupIndex();

  // Adds the next article and returns how it relates to the earlier ones.
  // `fingerprint` must come from options().fingerprint.
  DedupDecision Add(const Fingerprint& fingerprint);

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
