// Pieces of the fingerprint shared with the dedup index and the tests.
#ifndef TWICETOLD_FINGERPRINT_FINGERPRINT_INTERNAL_H_
#define TWICETOLD_FINGERPRINT_FINGERPRINT_INTERNAL_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "twicetold/fingerprint.h"
#include "twicetold/segment.h"

namespace twicetold::fingerprint_internal {

// FingerprintArticle, with SimHash and the distinct-shingle count computed
// only when `simhash` is true (else Fingerprint::simhash and ::shingles
// stay 0): a MinHash-only index never reads them (RunDedup with
// DedupMethod::kMinHash). Everything else is the same.
Fingerprint FingerprintArticle(const Article& article,
                               const FingerprintOptions& options, bool simhash);

// The word hashes of ComputeFingerprint and the folded words joined by
// ' ' (what the exact hash hashes), by the general word loop (`ascii_path`
// false) or by the pure-ASCII path (precondition: IsAscii(text)), so tests
// can check that the two agree.
void HashWordsForTest(std::string_view text, const std::vector<Token>& tokens,
                      uint64_t seed, bool ascii_path, std::vector<uint64_t>* hashes,
                      std::string* joined);

// The same from the fused pure-ASCII path of FingerprintArticle, which
// tokenizes as it hashes (precondition: IsAscii(text)): it must equal
// HashWordsForTest(text, Tokenize(text), seed, ...).
void HashAsciiTextForTest(std::string_view text, uint64_t seed,
                          std::vector<uint64_t>* hashes, std::string* joined);

// One-permutation MinHash of distinct shingle hashes into `num_hashes` bins
// (a power of two <= 1024): bin = top bits, value = low 32 bits, minimum per
// bin, empty bins densified. Empty `shingles` gives an empty signature.
void OnePermutationMinHash(const std::vector<uint64_t>& shingles,
                           uint32_t num_hashes, uint64_t seed,
                           std::vector<uint32_t>* signature);

// The signature from per-bin minima (`mins[bin]`, ~0 for an empty bin):
// OnePermutationMinHash's densification of empty bins.
void Densify(const uint64_t* mins, uint32_t num_hashes, uint64_t seed,
             std::vector<uint32_t>* signature);

// The MinHash signature of words hashed to `word_hashes`, the fused way
// (shingles rolled straight into the bins, as FingerprintArticle does
// without SimHash) or the listed way (HashShingles, then
// OnePermutationMinHash), so tests can check that the two agree.
void MinHashOfWordsForTest(const std::vector<uint64_t>& word_hashes, uint32_t k,
                           uint64_t seed, uint32_t num_hashes, bool fused,
                           std::vector<uint32_t>* signature);

// 64-bit SimHash of distinct shingle hashes (0 for none).
uint64_t SimHash(const std::vector<uint64_t>& shingles);

// Key of band `band` whose `num_rows` signature values start at `rows`.
uint64_t BandKey(const uint32_t* rows, uint32_t num_rows, uint32_t band,
                 uint64_t seed);

// Number of positions where a and b agree. Written so that GCC vectorizes
// it at -O2/-O3 (no early exit, int accumulator).
inline size_t EqualCount(const uint32_t* a, const uint32_t* b, size_t n) {
  uint32_t equal = 0;
  for (size_t i = 0; i < n; ++i) equal += a[i] == b[i] ? 1u : 0u;
  return equal;
}

}  // namespace twicetold::fingerprint_internal

#endif  // TWICETOLD_FINGERPRINT_FINGERPRINT_INTERNAL_H_
