// Fingerprints for duplicate detection, computed once per article:
//   - an exact hash: the IdenticalKey (identical.h) of the cleaned,
//     normalized body, so copies that differ only in spacing, punctuation,
//     typography or case hash alike (computed on a fast path here);
//   - a MinHash signature over word shingles by one-permutation hashing
//     (one hash per shingle, the minimum per bin) with optimal densification
//     of empty bins (Shrivastava, ICML 2017), so that
//     P[sig_a[i] == sig_b[i]] is the shingle Jaccard of a and b;
//   - LSH band keys: the signature cut into `bands` bands of
//     num_hashes / bands rows, each band hashed to one 64-bit key; two
//     articles share a band key with probability 1 - (1 - J^rows)^bands;
//   - a 64-bit SimHash over the same shingles.
//
// Words are the Tokenize() tokens of the normalized text, case-folded.
// A text with fewer words than shingle_size has one shingle (all its
// words); a text with no words has an empty signature (never a candidate).
//
// Everything here is deterministic for given options; FingerprintVersion()
// names the options so that stored fingerprints can refuse a mismatch.
#ifndef TWICETOLD_FINGERPRINT_H_
#define TWICETOLD_FINGERPRINT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "twicetold/clean.h"
#include "twicetold/document.h"
#include "twicetold/identical.h"
#include "twicetold/segment.h"
#include "twicetold/status.h"

namespace twicetold {

struct FingerprintOptions {
  uint32_t shingle_size = 5;   // words per shingle
  uint32_t num_hashes = 128;   // MinHash bins: a power of two in [8, 1024]
  uint32_t bands = 32;         // LSH bands: must divide num_hashes
  uint64_t seed = 0x7477696365746f6cULL;
  CleanOptions clean;          // in-article boilerplate removed first
};

// InvalidArgument unless the options above hold.
Status ValidateFingerprintOptions(const FingerprintOptions& options);

// "fp-v1 text-r1 oph k=5 m=128 b=32 seed=7477696365746f6c clean=111111,20"
// for outputs and stores: the algorithm, the text rules revision
// (kTextRulesRevision) and every option above.
std::string FingerprintVersion(const FingerprintOptions& options);

struct Fingerprint {
  uint64_t exact_high = 0;         // the IdenticalKey's hash
  uint64_t exact_low = 0;
  std::vector<uint32_t> minhash;   // num_hashes values; empty if no words
  uint64_t simhash = 0;
  uint32_t words = 0;
  uint32_t shingles = 0;           // distinct shingles
  // Lines FingerprintArticle's cleaning removed as corpus furniture
  // (source_repeat); 0 from ComputeFingerprint.
  uint32_t source_repeat_lines = 0;

  IdenticalKey identical() const { return {exact_high, exact_low, words}; }
};

// Fingerprint of normalized text with its tokens (as from Tokenize()).
// Thread-safe.
Fingerprint ComputeFingerprint(std::string_view normalized_text,
                               const std::vector<Token>& tokens,
                               const FingerprintOptions& options);

// The fast path for a whole article: CleanBody, Normalize, Tokenize (no
// sentence segmentation), ComputeFingerprint. Thread-safe.
Fingerprint FingerprintArticle(const Article& article,
                               const FingerprintOptions& options);

// Fraction of equal signature positions: an unbiased estimate of the
// shingle Jaccard (standard error sqrt(J(1-J)/num_hashes)). 0 when either
// signature is empty; both must come from the same options.
double EstimateJaccard(const Fingerprint& a, const Fingerprint& b);

// `bands` keys, one per band (band index mixed in, so equal keys mean the
// same band agrees). Empty for an empty signature.
std::vector<uint64_t> BandKeys(const Fingerprint& fingerprint,
                               const FingerprintOptions& options);

// Number of differing bits of two SimHashes.
int SimHashDistance(uint64_t a, uint64_t b);

}  // namespace twicetold

#endif  // TWICETOLD_FINGERPRINT_H_
