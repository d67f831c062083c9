// Word keys shared by compare, fingerprint and story: case folding,
// Snowball English stems, hashing, and the background IDF model.
#ifndef TWICETOLD_TEXT_TERMS_H_
#define TWICETOLD_TEXT_TERMS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace twicetold::text_internal {

// Full case folding of one word (ASCII fast path, ICU otherwise).
std::string FoldWord(std::string_view word);

// Appends FoldWord(word) to `out`; ASCII words (nearly all) are lower-cased
// in place, without FoldWord's temporary string.
void AppendFoldedWord(std::string_view word, std::string* out);

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
