// Word keys shared by compare, fingerprint and story: case folding,
// Snowball English stems, hashing, and the background IDF model.
#ifndef TWICETOLD_TEXT_TERMS_H_
#define TWICETOLD_TEXT_TERMS_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>

namespace twicetold::text_internal {

// Full case folding of one word (ASCII fast path, ICU otherwise).
std::string FoldWord(std::string_view word);

// Appends FoldWord(word) to `out`; ASCII words (nearly all) are lower-cased
// in place, without FoldWord's temporary string.
void AppendFoldedWord(std::string_view word, std::string* out);

// When `word` is ASCII, writes its FoldWord (lower case, the same length)
// to `to[0, word.size())` and returns true; otherwise returns false (what
// `to` then holds is unspecified).
inline bool FoldAsciiWordTo(std::string_view word, char* to) {
  // Eight bytes at a time, then byte by byte. In an ASCII byte b, b + 0x3f
  // has its top bit set iff b >= 'A' and b + 0x25 iff b > 'Z' (no carry
  // leaves an ASCII byte), so their xor marks 'A'..'Z', which gain 0x20.
  // A non-ASCII byte may carry into its neighbours: that word returns false.
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  const char* from = word.data();
  const size_t n = word.size();
  uint64_t seen = 0;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t x;
    std::memcpy(&x, from + i, 8);
    seen |= x;
    x |= (((x + 0x3f3f3f3f3f3f3f3full) ^ (x + 0x2525252525252525ull)) & kHigh) >> 2;
    std::memcpy(to + i, &x, 8);
  }
  for (; i < n; ++i) {
    const auto c = static_cast<unsigned char>(from[i]);
    seen |= c;
    to[i] = static_cast<char>(static_cast<unsigned>(c - 'A') < 26u ? c + ('a' - 'A') : c);
  }
  return (seen & kHigh) == 0;
}

// Snowball English stem of a folded word. Thread-safe (one stemmer per
// thread).
std::string StemWord(std::string_view folded);

// 64-bit hash of a key (XXH3, seed 0): stable across runs and machines.
uint64_t HashKey(std::string_view key);

// Document frequencies of stems over a background news corpus, embedded in
// the library at build time (src/text/background_idf.tsv).
// Format: a header line "#twicetold-idf\t<name>\t<documents>", then one
// "<stem>\t<df>" line per stem. Immutable after construction; thread-safe.
class BackgroundIdf {
 public:
  // The embedded model, parsed once on first use.
  static const BackgroundIdf& Get();

  // Parses `tsv`; malformed lines are skipped. An empty text gives a model
  // where every stem has the same IDF.
  explicit BackgroundIdf(std::string_view tsv);

  // Smoothed IDF: ln((N + 1) / (df + 1)) + 1, where unknown stems have df 0.
  double Idf(std::string_view stem) const;
  double Idf(uint64_t stem_hash) const;

  const std::string& name() const { return name_; }
  uint64_t documents() const { return documents_; }
  size_t size() const { return df_.size(); }

 private:
  std::string name_;
  uint64_t documents_ = 0;
  std::unordered_map<uint64_t, uint32_t> df_;  // HashKey(stem) -> df
};

// The keys of one token as written: HashKey(FoldWord(raw)),
// HashKey(StemWord(FoldWord(raw))), the stem's background IDF and whether
// the token starts with an upper-case letter. Remembered per thread (the
// same token is met again and again), so cheap after the first time.
struct TokenKeys {
  uint64_t word_id = 0;
  uint64_t stem_id = 0;
  double idf = 0;
  bool capitalised = false;
};
TokenKeys KeysOfToken(std::string_view raw);

}  // namespace twicetold::text_internal

#endif  // TWICETOLD_TEXT_TERMS_H_
