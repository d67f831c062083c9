#include "twicetold/fingerprint.h"

// Inlined: word and shingle hashes are a few bytes each, where the call
// into the shared library costs as much as the hash.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdio>
#include <cstring>
#include <string>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/hash.h"
#include "fingerprint/fingerprint_internal.h"
#include "text/ascii_tokens.h"
#include "text/terms.h"
#include "text/text_only.h"
#include "text/word_tokenizer.h"
#include "twicetold/analyze.h"
#include "twicetold/normalize.h"

namespace twicetold {
namespace {

// Fixed salts that derive the independent hash families from one seed.
constexpr uint64_t kShingleSalt = 0x5368696e676c6521ULL;
constexpr uint64_t kBinSalt = 0x44656e7369667921ULL;
constexpr uint64_t kBandSalt = 0x42616e644b657921ULL;

// Per-thread scratch so that fingerprinting a stream allocates nothing in
// the steady state.
struct Scratch {
  std::string lowered;             // grow-only: the text lowered (ASCII path)
  std::string joined;              // grow-only buffer: folded words joined
  size_t joined_size = 0;          // by ' ' in joined[0, joined_size)
  std::vector<uint64_t> words;     // grow-only: one hash per word in
  size_t word_count = 0;           // words[0, word_count)
  std::vector<uint64_t> shingles;  // one hash per distinct shingle
  std::vector<uint64_t> seen;      // open-addressing set of shingle hashes
};

Scratch& ThreadScratch() {
  thread_local Scratch scratch;
  return scratch;
}

// Copies `word` to `out` with ASCII capitals lowered; returns false
// (leaving garbage in out[0, size)) when the word has a non-ASCII byte.
inline bool CopyFoldedAscii(const char* word, size_t size, char* out) {
  unsigned char high = 0;
  for (size_t k = 0; k < size; ++k) {
    const unsigned char c = static_cast<unsigned char>(word[k]);
    high |= c;
    out[k] = static_cast<char>(c + (static_cast<unsigned char>(c - 'A') < 26 ? 32 : 0));
  }
  return high < 0x80;
}

// Folds every token into scratch->joined (words joined by ' ') and hashes
// each folded word. ASCII words (nearly all of them in English news) are
// folded byte by byte into a buffer sized up front; the rest go through the
// same ICU full case folding that compare uses, so both agree on what a
// word is. Raw pointers, not string appends: this loop is a fifth of the
// dedup path, and appends re-read the string's size on every byte.
void HashWords(std::string_view text, const std::vector<Token>& tokens,
               uint64_t seed, Scratch* scratch) {
  std::string& joined = scratch->joined;
  if (scratch->words.size() < tokens.size()) scratch->words.resize(tokens.size());
  scratch->word_count = tokens.size();
  uint64_t* words = scratch->words.data();
  // ASCII folding keeps sizes: `left` bytes always suffice for what is
  // still to write unless a non-ASCII word grows when folded (then the
  // buffer grows below). Grow-only, so no per-article fill.
  size_t left = tokens.size();
  for (const Token& token : tokens) left += token.span.size();
  if (joined.size() < left) joined.resize(left);
  char* out = joined.data();
  size_t n = 0;
  for (size_t t = 0; t < tokens.size(); ++t) {
    const std::string_view word = tokens[t].span.In(text);
    left -= word.size() + 1;
    if (t > 0) out[n++] = ' ';
    if (!CopyFoldedAscii(word.data(), word.size(), out + n)) {
      const std::string folded = text_internal::FoldWord(word);
      if (n + folded.size() + left > joined.size()) {
        joined.resize(n + folded.size() + left);
        out = joined.data();
      }
      std::memcpy(out + n, folded.data(), folded.size());
      words[t] = XXH3_64bits_withSeed(out + n, folded.size(), seed);
      n += folded.size();
      continue;
    }
    words[t] = XXH3_64bits_withSeed(out + n, word.size(), seed);
    n += word.size();
  }
  scratch->joined_size = n;
}

// XXH3_64bits_withSeed(word, size, seed). For up to 16 bytes (nearly every
// word) that function hashes with XXH3_len_0to16_64b and the default
// secret whatever the seed; calling it directly lets it inline into the
// word loop instead of going through the length dispatch.
inline uint64_t WordHash(const char* word, size_t size, uint64_t seed) {
  if (size <= 16) {
    return XXH3_len_0to16_64b(reinterpret_cast<const xxh_u8*>(word), size, XXH3_kSecret, seed);
  }
  return XXH3_64bits_withSeed(word, size, seed);
}

// Copies the word `word[0, size)` to `out` (both with 16 readable and
// writable bytes past the word) and returns its hash: the per-word step of
// HashAsciiWords and HashAsciiText.
inline uint64_t CopyAndHashWord(const char* word, size_t size, uint64_t seed, char* out) {
#if defined(__SSE2__)
  if (size <= 16) {
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out),
                     _mm_loadu_si128(reinterpret_cast<const __m128i*>(word)));
  } else {
    std::memcpy(out, word, size);
  }
#else
  std::memcpy(out, word, size);
#endif
  return WordHash(word, size, seed);
}

// HashWords for pure-ASCII text (nearly every English article): the whole
// text is lowered at once, 16 bytes at a time, and each word is hashed
// where it lies in the lowered copy; short words are copied into `joined`
// with one 16-byte move (both buffers keep 16 bytes of slack). The byte
// loop of HashWords was half of ComputeFingerprint.
void HashAsciiWords(std::string_view text, const std::vector<Token>& tokens,
                    uint64_t seed, Scratch* scratch) {
  constexpr size_t kSlack = 16;
  std::string& lowered = scratch->lowered;
  if (lowered.size() < text.size() + kSlack) lowered.resize(text.size() + kSlack);
  LowerAscii(text.data(), text.size(), lowered.data());
  size_t need = tokens.size() + kSlack;
  for (const Token& token : tokens) need += token.span.size();
  std::string& joined = scratch->joined;
  if (joined.size() < need) joined.resize(need);
  if (scratch->words.size() < tokens.size()) scratch->words.resize(tokens.size());
  scratch->word_count = tokens.size();
  uint64_t* words = scratch->words.data();
  const char* low = lowered.data();
  char* out = joined.data();
  size_t n = 0;
  for (size_t t = 0; t < tokens.size(); ++t) {
    const char* word = low + tokens[t].span.begin;
    const size_t size = tokens[t].span.size();
    if (t > 0) out[n++] = ' ';
    words[t] = CopyAndHashWord(word, size, seed, out + n);
    n += size;
  }
  scratch->joined_size = n;
}

// WordHash(word, size, seed) for a word with 8 readable bytes before it
// (and 16 after). Lengths 4 to 16 (most words) take both XXH3 formulas,
// for 4-8 and 9-16 bytes, and keep the one XXH3 would use: no branch on
// the length, which news words spread across 8 and 9 so evenly that the
// branch was mispredicted about every other word. Each formula reads
// within 8 bytes before or 16 after the word, on any length in 4-16.
inline uint64_t WordHashPadded(const char* word, size_t size, uint64_t seed) {
  if (size - 4 <= 12) {
    const auto* in = reinterpret_cast<const xxh_u8*>(word);
    const uint64_t short_hash = XXH3_len_4to8_64b(in, size, XXH3_kSecret, seed);
    const uint64_t long_hash = XXH3_len_9to16_64b(in, size, XXH3_kSecret, seed);
    const uint64_t is_short = uint64_t{0} - static_cast<uint64_t>(size <= 8);
    return (short_hash & is_short) | (long_hash & ~is_short);
  }
  return WordHash(word, size, seed);
}

// HashAsciiWords fused with the tokenizer, for pure-ASCII text (precondition
// IsAscii(text)): the text is lowered at once, and its tokens are found in
// the lowered copy (text_internal::ForEachAsciiToken, which gives the same
// tokens there) and hashed and copied where they are found, with no span or
// token vector in between. Buffers are sized up front: a token takes at
// least two bytes of the text (itself and the byte after it, or a '%' it
// swallowed) unless it ends the text, so there are at most n / 2 + 1
// tokens, and the joined words (tokens and one space each) take at most
// n + n / 2 + 1 bytes.
void HashAsciiText(std::string_view text, uint64_t seed, Scratch* scratch) {
  constexpr size_t kSlack = 16;
  constexpr size_t kFront = 8;  // readable bytes before the text (WordHashPadded)
  const size_t n = text.size();
  std::string& lowered = scratch->lowered;
  if (lowered.size() < kFront + n + kSlack) lowered.resize(kFront + n + kSlack);
  const size_t max_words = n / 2 + 1;
  if (scratch->words.size() < max_words) scratch->words.resize(max_words);
  std::string& joined = scratch->joined;
  if (joined.size() < n + max_words + kSlack) joined.resize(n + max_words + kSlack);
  // The text is lowered as it is tokenized, chunk by chunk.
  char* low = lowered.data() + kFront;
  uint64_t* words = scratch->words.data();
  char* out = joined.data();
  size_t t = 0, j = 0;
  text_internal::ForEachAsciiToken(text, [&](uint32_t begin, uint32_t end) {
    const size_t size = end - begin;
    const char* word = low + begin;
    if (t > 0) out[j++] = ' ';
#if defined(__SSE2__)
    if (size <= 16) {
      _mm_storeu_si128(reinterpret_cast<__m128i*>(out + j),
                       _mm_loadu_si128(reinterpret_cast<const __m128i*>(word)));
    } else {
      std::memcpy(out + j, word, size);
    }
#else
    std::memcpy(out + j, word, size);
#endif
    words[t++] = WordHashPadded(word, size, seed);
    j += size;
  }, low);
  scratch->word_count = t;
  scratch->joined_size = j;
}

// Shingle keys roll over the word hashes: a polynomial in an odd constant
// modulo 2^64, updated in O(1) per window, then mixed with the seed. Word
// hashes are already 64-bit XXH3 values, so distinct windows collide only
// by chance; rolling costs a fifth of hashing every 8k-byte window again.
constexpr uint64_t kRollBase = 0x9E3779B97F4A7C15ULL;

// Calls fn(h) with the hash of every word k-shingle of w[0, words) in
// order, repeats included (a window of all the words when there are fewer
// than k). Never 0.
template <typename Fn>
void ForEachShingleHash(const uint64_t* w, size_t words, uint32_t k, uint64_t seed, Fn&& fn) {
  if (words == 0) return;
  const size_t width = std::min<size_t>(k, words);
  const size_t count = words - width + 1;
  uint64_t top = 1;  // kRollBase^(width - 1)
  uint64_t roll = 0;
  for (size_t j = 0; j < width; ++j) {
    roll = roll * kRollBase + w[j];
    if (j > 0) top *= kRollBase;
  }
  const uint64_t salt = seed ^ kShingleSalt ^ width;
  for (size_t i = 0; i < count; ++i) {
    if (i > 0) roll = (roll - w[i - 1] * top) * kRollBase + w[i + width - 1];
    uint64_t h = Mix64(roll ^ salt);
    h += h == 0;
    fn(h);
  }
}

// Distinct shingle hashes, in first-seen order. A linear-probing set finds
// repeats in O(n) (sorting took a fifth of the fingerprint's time); 0 marks
// a free slot, so a shingle that hashes to 0 is taken as 1. Without
// `kDistinct`, every window's hash, repeats included: enough for MinHash
// (a minimum ignores repeats), not for SimHash or the distinct count.
template <bool kDistinct>
void HashShingles(uint32_t k, uint64_t seed, Scratch* scratch) {
  const size_t words = scratch->word_count;
  std::vector<uint64_t>& s = scratch->shingles;
  s.clear();
  if (words == 0) return;
  const size_t count = words - std::min<size_t>(k, words) + 1;
  const size_t slots = kDistinct ? std::bit_ceil(2 * count) : 0;
  if (kDistinct) scratch->seen.assign(slots, 0);
  uint64_t* seen = scratch->seen.data();
  if (!kDistinct) s.reserve(count);
  ForEachShingleHash(scratch->words.data(), words, k, seed, [&](uint64_t h) {
    if (!kDistinct) {
      s.push_back(h);
      return;
    }
    size_t slot = h & (slots - 1);
    while (seen[slot] != 0 && seen[slot] != h) slot = (slot + 1) & (slots - 1);
    if (seen[slot] == 0) {
      seen[slot] = h;
      s.push_back(h);
    }
  });
}

// OnePermutationMinHash of the shingles HashShingles<false> would list,
// computed as they roll out of the word hashes in scratch, without the
// shingle vector (RunDedup's MinHash-only path).
void MinHashOfWords(uint32_t k, uint64_t seed, uint32_t num_hashes, const Scratch& scratch,
                    std::vector<uint32_t>* signature) {
  signature->clear();
  if (scratch.word_count == 0) return;
  const int shift = 64 - std::countr_zero(num_hashes);
  constexpr uint64_t kEmpty = ~0ULL;
  std::array<uint64_t, 1024> mins;
  std::fill(mins.begin(), mins.begin() + num_hashes, kEmpty);
  ForEachShingleHash(scratch.words.data(), scratch.word_count, k, seed, [&](uint64_t h) {
    const uint32_t bin = static_cast<uint32_t>(h >> shift);
    mins[bin] = std::min<uint64_t>(mins[bin], static_cast<uint32_t>(h));
  });
  fingerprint_internal::Densify(mins.data(), num_hashes, seed, signature);
}

}  // namespace

namespace fingerprint_internal {

void MinHashOfWordsForTest(const std::vector<uint64_t>& word_hashes, uint32_t k,
                           uint64_t seed, uint32_t num_hashes, bool fused,
                           std::vector<uint32_t>* signature) {
  Scratch scratch;
  scratch.words = word_hashes;
  scratch.word_count = word_hashes.size();
  if (fused) {
    MinHashOfWords(k, seed, num_hashes, scratch, signature);
  } else {
    HashShingles<false>(k, seed, &scratch);
    OnePermutationMinHash(scratch.shingles, num_hashes, seed, signature);
  }
}

void HashWordsForTest(std::string_view text, const std::vector<Token>& tokens,
                      uint64_t seed, bool ascii_path, std::vector<uint64_t>* hashes,
                      std::string* joined) {
  Scratch scratch;
  if (ascii_path) {
    HashAsciiWords(text, tokens, seed, &scratch);
  } else {
    HashWords(text, tokens, seed, &scratch);
  }
  hashes->assign(scratch.words.begin(), scratch.words.begin() + scratch.word_count);
  joined->assign(scratch.joined.data(), scratch.joined_size);
}

void HashAsciiTextForTest(std::string_view text, uint64_t seed,
                          std::vector<uint64_t>* hashes, std::string* joined) {
  Scratch scratch;
  HashAsciiText(text, seed, &scratch);
  hashes->assign(scratch.words.begin(), scratch.words.begin() + scratch.word_count);
  joined->assign(scratch.joined.data(), scratch.joined_size);
}

void OnePermutationMinHash(const std::vector<uint64_t>& shingles,
                           uint32_t num_hashes, uint64_t seed,
                           std::vector<uint32_t>* signature) {
  signature->clear();
  if (shingles.empty()) return;
  const int shift = 64 - std::countr_zero(num_hashes);
  // A bin is empty while its minimum is "none"; 64-bit minima keep the
  // empty marker out of the 32-bit value range.
  constexpr uint64_t kEmpty = ~0ULL;
  std::array<uint64_t, 1024> mins;
  std::fill(mins.begin(), mins.begin() + num_hashes, kEmpty);
  for (uint64_t h : shingles) {
    const uint32_t bin = static_cast<uint32_t>(h >> shift);
    mins[bin] = std::min<uint64_t>(mins[bin], static_cast<uint32_t>(h));
  }
  Densify(mins.data(), num_hashes, seed, signature);
}

void Densify(const uint64_t* mins, uint32_t num_hashes, uint64_t seed,
             std::vector<uint32_t>* signature) {
  constexpr uint64_t kEmpty = ~0ULL;
  signature->resize(num_hashes);
  for (uint32_t i = 0; i < num_hashes; ++i) {
    uint64_t v = mins[i];
    // Optimal densification: an empty bin probes bins in an order fixed by
    // (seed, bin, attempt) alone, the same for every text, and copies the
    // first non-empty one. Two texts then agree on bin i with probability
    // exactly their Jaccard (Shrivastava, ICML 2017).
    for (uint64_t attempt = 1; v == kEmpty; ++attempt) {
      const uint64_t probe = Mix64(seed ^ kBinSalt ^ (uint64_t{i} << 32) ^ attempt);
      v = mins[probe & (num_hashes - 1)];
    }
    (*signature)[i] = static_cast<uint32_t>(v);
  }
}

// kSpread[v] has byte j equal to bit j of v.
constexpr std::array<uint64_t, 256> MakeSpread() {
  std::array<uint64_t, 256> t{};
  for (uint32_t v = 0; v < 256; ++v) {
    for (int j = 0; j < 8; ++j) t[v] |= uint64_t{(v >> j) & 1} << (8 * j);
  }
  return t;
}
constexpr std::array<uint64_t, 256> kSpread = MakeSpread();

uint64_t SimHash(const std::vector<uint64_t>& shingles) {
  if (shingles.empty()) return 0;
  // Counts of set bits per position; a bit of the result is set when most
  // shingles set it (ties clear). Counting runs in 64 byte-wide counters
  // packed in 8 words (byte j of lanes[i] counts bit 8i + j, spread there by
  // a table), flushed before a byte can overflow: 8 adds per shingle
  // instead of 64.
  std::array<uint32_t, 64> ones{};
  std::array<uint64_t, 8> lanes{};
  size_t pending = 0;
  auto flush = [&] {
    for (int i = 0; i < 8; ++i) {
      for (int j = 0; j < 8; ++j) ones[8 * i + j] += (lanes[i] >> (8 * j)) & 0xFF;
      lanes[i] = 0;
    }
    pending = 0;
  };
  for (uint64_t h : shingles) {
    const uint64_t m = Mix64(h);  // decorrelate from the OPH bin bits
    for (int i = 0; i < 8; ++i) lanes[i] += kSpread[(m >> (8 * i)) & 0xFF];
    if (++pending == 255) flush();
  }
  flush();
  uint64_t out = 0;
  const uint64_t n = shingles.size();
  for (int b = 0; b < 64; ++b) {
    if (2 * uint64_t{ones[b]} > n) out |= uint64_t{1} << b;
  }
  return out;
}

uint64_t BandKey(const uint32_t* rows, uint32_t num_rows, uint32_t band,
                 uint64_t seed) {
  return XXH3_64bits_withSeed(rows, num_rows * sizeof(uint32_t),
                              seed ^ kBandSalt ^ (uint64_t{band} * 0x9E3779B97F4A7C15ULL));
}

}  // namespace fingerprint_internal

Status ValidateFingerprintOptions(const FingerprintOptions& options) {
  if (options.shingle_size == 0) {
    return InvalidArgumentError("shingle_size must be at least 1");
  }
  const uint32_t m = options.num_hashes;
  if (m < 8 || m > 1024 || !std::has_single_bit(m)) {
    return InvalidArgumentError("num_hashes must be a power of two in [8, 1024], got " +
                                std::to_string(m));
  }
  if (options.bands == 0 || m % options.bands != 0) {
    return InvalidArgumentError("bands must divide num_hashes (" + std::to_string(m) +
                                "), got " + std::to_string(options.bands));
  }
  return Status::Ok();
}

std::string FingerprintVersion(const FingerprintOptions& options) {
  char seed[17];
  std::snprintf(seed, sizeof(seed), "%016llx",
                static_cast<unsigned long long>(options.seed));
  // The text is normalized with NormalizeOptions{} and tokenized by the
  // text rules: the revision names both.
  return "fp-v1 text-r" + std::to_string(kTextRulesRevision) +
         " oph k=" + std::to_string(options.shingle_size) +
         " m=" + std::to_string(options.num_hashes) +
         " b=" + std::to_string(options.bands) + " seed=" + seed + " " +
         CleanVersion(options.clean);
}

namespace {

// The fingerprint of the words hashed into `scratch` (words[0, word_count)
// and joined[0, joined_size)).
Fingerprint FinishFingerprint(const FingerprintOptions& options, bool simhash,
                              Scratch& scratch) {
  Fingerprint fp;
  const XXH128_hash_t exact =
      XXH3_128bits(scratch.joined.data(), scratch.joined_size);
  fp.exact_high = exact.high64;
  fp.exact_low = exact.low64;
  // MinHash alone does not need the shingles distinct, nor listed (RunDedup's
  // MinHash-only path): they go straight into the bins.
  if (simhash) {
    HashShingles<true>(options.shingle_size, options.seed, &scratch);
    fingerprint_internal::OnePermutationMinHash(scratch.shingles, options.num_hashes,
                                                options.seed, &fp.minhash);
  } else {
    MinHashOfWords(options.shingle_size, options.seed, options.num_hashes, scratch,
                   &fp.minhash);
  }
  fp.words = static_cast<uint32_t>(scratch.word_count);
  if (simhash) {
    fp.simhash = fingerprint_internal::SimHash(scratch.shingles);
    fp.shingles = static_cast<uint32_t>(scratch.shingles.size());
  }
  return fp;
}

Fingerprint ComputeFingerprint(std::string_view normalized_text,
                               const std::vector<Token>& tokens,
                               const FingerprintOptions& options, bool simhash) {
  Scratch& scratch = ThreadScratch();
  if (IsAscii(normalized_text)) {
    HashAsciiWords(normalized_text, tokens, options.seed, &scratch);
  } else {
    HashWords(normalized_text, tokens, options.seed, &scratch);
  }
  return FinishFingerprint(options, simhash, scratch);
}

}  // namespace

Fingerprint ComputeFingerprint(std::string_view normalized_text,
                               const std::vector<Token>& tokens,
                               const FingerprintOptions& options) {
  return ComputeFingerprint(normalized_text, tokens, options, /*simhash=*/true);
}

namespace fingerprint_internal {

Fingerprint FingerprintArticle(const Article& article,
                               const FingerprintOptions& options, bool simhash) {
  // Display normalization, then folding word by word inside
  // ComputeFingerprint: the same fingerprint as ComputeFingerprint on
  // Analyze-style normalized text, and no slower than NFKC_Casefold since
  // nearly every word takes the ASCII path. The text-only variants give
  // CleanBody's and Normalize's text without their maps, into buffers kept
  // per thread: nothing is allocated for them once they have grown.
  thread_local std::string cleaned_buffer, normalized;
  uint32_t source_repeat_lines = 0;
  const std::string_view cleaned = text_internal::CleanBodyTextOnly(
      article.body, options.clean, article.source, &cleaned_buffer, &source_repeat_lines);
  // Normalizing keeps most cleaned texts as they are (printable ASCII):
  // then the cleaned text is used, not a copy of it.
  std::string_view text = cleaned;
  bool ascii = true;  // NormalizeKeepsText implies it
  if (!text_internal::NormalizeKeepsText(cleaned, NormalizeOptions{})) {
    text_internal::NormalizeTextOnly(cleaned, NormalizeOptions{}, &normalized);
    text = normalized;
    ascii = IsAscii(text);
  }
  Fingerprint fingerprint;
  if (ascii) {
    // Nearly every English article: tokenized, folded and hashed in one
    // pass, with no token vector (HashAsciiText).
    Scratch& scratch = ThreadScratch();
    HashAsciiText(text, options.seed, &scratch);
    fingerprint = FinishFingerprint(options, simhash, scratch);
  } else {
    // Tokenize(text), into reused vectors.
    thread_local std::vector<Span> spans;
    thread_local std::vector<Token> tokens;
    tokens.clear();
    AppendTokens(text, 0, FastPathApplies(text), &spans, &tokens);
    fingerprint = ComputeFingerprint(text, tokens, options, simhash);
  }
  fingerprint.source_repeat_lines = source_repeat_lines;
  return fingerprint;
}

}  // namespace fingerprint_internal

Fingerprint FingerprintArticle(const Article& article,
                               const FingerprintOptions& options) {
  return fingerprint_internal::FingerprintArticle(article, options, /*simhash=*/true);
}

double EstimateJaccard(const Fingerprint& a, const Fingerprint& b) {
  if (a.minhash.empty() || b.minhash.empty() ||
      a.minhash.size() != b.minhash.size()) {
    return 0;
  }
  return static_cast<double>(fingerprint_internal::EqualCount(
             a.minhash.data(), b.minhash.data(), a.minhash.size())) /
         static_cast<double>(a.minhash.size());
}

std::vector<uint64_t> BandKeys(const Fingerprint& fingerprint,
                               const FingerprintOptions& options) {
  std::vector<uint64_t> keys;
  if (fingerprint.minhash.empty() || options.bands == 0) return keys;
  const uint32_t rows = static_cast<uint32_t>(fingerprint.minhash.size()) / options.bands;
  keys.reserve(options.bands);
  for (uint32_t b = 0; b < options.bands; ++b) {
    keys.push_back(fingerprint_internal::BandKey(
        fingerprint.minhash.data() + size_t{b} * rows, rows, b, options.seed));
  }
  return keys;
}

int SimHashDistance(uint64_t a, uint64_t b) { return std::popcount(a ^ b); }

}  // namespace twicetold
