// Slow, obviously-correct oracles for src/fingerprint: exact shingle-set
// Jaccard through std::set of word strings, SimHash distance bit by bit,
// and deduplication by comparing every pair of articles.
#ifndef TWICETOLD_TESTS_REFERENCE_JACCARD_REFERENCE_H_
#define TWICETOLD_TESTS_REFERENCE_JACCARD_REFERENCE_H_

#include <unicode/unistr.h>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "twicetold/dedup.h"
#include "twicetold/fingerprint.h"
#include "twicetold/normalize.h"
#include "twicetold/segment.h"

namespace twicetold::reference {

// Case-folded words of `text`: Normalize (display), Tokenize, ICU foldCase.
inline std::vector<std::string> FoldedWords(std::string_view text) {
  const MappedText n = Normalize(text, NormalizeOptions{});
  std::vector<std::string> words;
  for (const Token& t : Tokenize(n.text)) {
    const std::string_view w = t.span.In(n.text);
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(w.data(), static_cast<int32_t>(w.size())));
    u.foldCase();
    std::string out;
    u.toUTF8String(out);
    words.push_back(out);
  }
  return words;
}

// The set of shingles (k consecutive words joined by '\x1f'); a text with
// fewer than k words has one shingle of all its words.
inline std::set<std::string> Shingles(const std::vector<std::string>& words,
                                      uint32_t k) {
  std::set<std::string> out;
  if (words.empty()) return out;
  const size_t width = std::min<size_t>(k, words.size());
  for (size_t i = 0; i + width <= words.size(); ++i) {
    std::string s;
    for (size_t j = i; j < i + width; ++j) s += words[j] + '\x1f';
    out.insert(s);
  }
  return out;
}

// |A n B| / |A u B|, 0 when either set is empty.
inline double ExactJaccard(const std::set<std::string>& a,
                           const std::set<std::string>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t shared = 0;
  for (const std::string& s : a) shared += b.count(s);
  return static_cast<double>(shared) /
         static_cast<double>(a.size() + b.size() - shared);
}

inline int BitByBitDistance(uint64_t a, uint64_t b) {
  int d = 0;
  for (int i = 0; i < 64; ++i) d += ((a >> i) & 1) != ((b >> i) & 1);
  return d;
}

// Whether a and b agree on at least one LSH band key.
inline bool ShareBand(const Fingerprint& a, const Fingerprint& b,
                      const FingerprintOptions& options) {
  const std::vector<uint64_t> ka = BandKeys(a, options), kb = BandKeys(b, options);
  for (size_t i = 0; i < ka.size() && i < kb.size(); ++i) {
    if (ka[i] == kb[i]) return true;
  }
  return false;
}

// SimHash by definition: bit b is set when more than half of the shingle
// hashes, each passed through the splitmix64 finalizer, have bit b set.
inline uint64_t SimHashReference(const std::vector<uint64_t>& shingles) {
  std::vector<uint64_t> ones(64, 0);
  for (uint64_t h : shingles) {
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    h ^= h >> 31;
    for (int b = 0; b < 64; ++b) ones[b] += (h >> b) & 1;
  }
  uint64_t out = 0;
  for (int b = 0; b < 64; ++b) {
    if (2 * ones[b] > shingles.size()) out |= uint64_t{1} << b;
  }
  return out;
}

// Deduplication by all pairs, article i named std::to_string(i): for each
// article with words, the earliest
// earlier one with the same exact hash; else the earlier one with the highest verified
// similarity passing the threshold (ties: earliest); else origin. With
// `require_shared_band` (kMinHash only), a pair must also share a band key,
// which is the header's contract exactly; without it, the oracle is the
// ideal that LSH approximates.
inline std::vector<DedupDecision> BruteForceDedup(
    const std::vector<Fingerprint>& fps, const DedupOptions& options,
    bool require_shared_band = true) {
  std::vector<DedupDecision> out;
  for (size_t i = 0; i < fps.size(); ++i) {
    DedupDecision d;
    d.cluster = std::to_string(i);
    for (size_t j = 0; j < i && fps[i].words > 0; ++j) {  // no words: never
      if (fps[j].exact_high == fps[i].exact_high &&
          fps[j].exact_low == fps[i].exact_low) {
        d = {out[j].cluster, std::to_string(j), DedupRelation::kIdentical, 1.0};
        break;
      }
    }
    if (d.relation == DedupRelation::kOrigin && !fps[i].minhash.empty()) {
      for (size_t j = 0; j < i; ++j) {
        if (fps[j].minhash.empty()) continue;
        double sim;
        bool pass;
        if (options.method == DedupMethod::kSimHash) {
          const int dist = BitByBitDistance(fps[i].simhash, fps[j].simhash);
          sim = 1.0 - dist / 64.0;
          pass = dist <= static_cast<int>(options.simhash_max_distance);
        } else {
          sim = EstimateJaccard(fps[i], fps[j]);
          pass = sim >= options.near_duplicate_jaccard &&
                 (!require_shared_band ||
                  ShareBand(fps[i], fps[j], options.fingerprint));
        }
        if (pass && (!d.duplicate_of || sim > d.similarity)) {
          d = {out[j].cluster, std::to_string(j), DedupRelation::kNearDuplicate, sim};
        }
      }
    }
    out.push_back(d);
  }
  return out;
}

}  // namespace twicetold::reference

#endif  // TWICETOLD_TESTS_REFERENCE_JACCARD_REFERENCE_H_
