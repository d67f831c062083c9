#include "text/terms.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include <libstemmer.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
// Inlined: XXH3 of short keys (tokens, fixed-size runs) costs less than
// the call into the shared library. The same function, the same hashes.
#define XXH_INLINE_ALL
#include <xxhash.h>

namespace twicetold {
// Defined in the generated background_idf_data.cc (see sources.cmake).
extern const char kBackgroundIdfTsv[];
extern const unsigned long kBackgroundIdfTsvSize;
}  // namespace twicetold

namespace twicetold::text_internal {
namespace {

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

bool IsAscii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

bool StartsUpper(std::string_view w) {
  unsigned char c = w.empty() ? 0 : static_cast<unsigned char>(w[0]);
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(w.data(), static_cast<int32_t>(std::min<size_t>(w.size(), 4))));
  return u.length() > 0 && u_isupper(u.char32At(0));
}

}  // namespace

std::string FoldWord(std::string_view word) {
  if (IsAscii(word)) {
    std::string out(word);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  u.foldCase();
  std::string out;
  u.toUTF8String(out);
  return out;
}

void AppendFoldedWord(std::string_view word, std::string* out) {
  const size_t start = out->size();
  out->resize(start + word.size());
  if (!FoldAsciiWordTo(word, out->data() + start)) {
    out->resize(start);
    *out += FoldWord(word);
  }
}

std::string StemWord(std::string_view folded) {
  // sb_stemmer keeps per-call state, so each thread gets its own.
  thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer(
      sb_stemmer_new("english", "UTF_8"));
  if (!stemmer || folded.empty()) return std::string(folded);
  const sb_symbol* s = sb_stemmer_stem(
      stemmer.get(), reinterpret_cast<const sb_symbol*>(folded.data()),
      static_cast<int>(folded.size()));
  if (s == nullptr) return std::string(folded);
  return std::string(reinterpret_cast<const char*>(s),
                     static_cast<size_t>(sb_stemmer_length(stemmer.get())));
}

uint64_t HashKey(std::string_view key) {
  return XXH3_64bits(key.data(), key.size());
}

const BackgroundIdf& BackgroundIdf::Get() {
  static const BackgroundIdf* model = new BackgroundIdf(
      std::string_view(kBackgroundIdfTsv, kBackgroundIdfTsvSize));
  return *model;
}

BackgroundIdf::BackgroundIdf(std::string_view tsv) {
  size_t pos = 0;
  while (pos < tsv.size()) {
    size_t eol = tsv.find('\n', pos);
    if (eol == std::string_view::npos) eol = tsv.size();
    std::string_view line = tsv.substr(pos, eol - pos);
    pos = eol + 1;
    size_t tab = line.rfind('\t');
    if (tab == std::string_view::npos) continue;
    uint64_t n = std::strtoull(std::string(line.substr(tab + 1)).c_str(),
                               nullptr, 10);
    if (line.rfind("#twicetold-idf\t", 0) == 0) {
      size_t t1 = line.find('\t');
      name_ = std::string(line.substr(t1 + 1, tab - t1 - 1));
      documents_ = n;
      continue;
    }
    df_[HashKey(line.substr(0, tab))] = static_cast<uint32_t>(n);
  }
}

double BackgroundIdf::Idf(uint64_t stem_hash) const {
  auto it = df_.find(stem_hash);
  double df = it == df_.end() ? 0.0 : static_cast<double>(it->second);
  return std::log((static_cast<double>(documents_) + 1.0) / (df + 1.0)) + 1.0;
}

double BackgroundIdf::Idf(std::string_view stem) const {
  return Idf(HashKey(stem));
}

namespace {

// Keys of one token as it is written: folding and Snowball stemming cost
// far more than a hash lookup, and news text repeats its words, so each
// thread remembers the keys of the tokens it has seen. An open-addressing
// table keyed by the 64-bit XXH3 hash of the raw bytes (the hash stands for
// the token, as the 64-bit word and stem ids stand for words: two tokens
// of one corpus sharing it is as unlikely as two words sharing an id),
// growing to kMaxSlots and cleared when kMaxEntries are stored. Hash 0
// marks an empty slot; a token hashing to 0 is computed every time.
class TokenKeyCache {
 public:
  TokenKeys Get(std::string_view raw) {
    const uint64_t hash = XXH3_64bits(raw.data(), raw.size());
    if (hash == kEmpty) return Compute(raw);
    size_t i = hash & mask_;
    for (;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.hash == hash) return s.keys;
      if (s.hash == kEmpty) break;
    }
    TokenKeys keys = Compute(raw);
    Insert(hash, keys);
    return keys;
  }

 private:
  static constexpr uint64_t kEmpty = 0;
  static constexpr size_t kMaxSlots = size_t{1} << 19;
  static constexpr size_t kMaxEntries = kMaxSlots / 2;

  struct Slot {
    uint64_t hash = kEmpty;
    TokenKeys keys;
  };

  static TokenKeys Compute(std::string_view raw) {
    std::string folded = FoldWord(raw);
    TokenKeys keys;
    keys.word_id = HashKey(folded);
    keys.stem_id = HashKey(StemWord(folded));
    keys.idf = BackgroundIdf::Get().Idf(keys.stem_id);
    keys.capitalised = StartsUpper(raw);
    return keys;
  }

  void Insert(uint64_t hash, const TokenKeys& keys) {
    if (size_ >= kMaxEntries) {
      slots_.assign(slots_.size(), Slot{});
      size_ = 0;
    } else if (2 * (size_ + 1) > slots_.size() && slots_.size() < kMaxSlots) {
      Grow();
    }
    size_t i = hash & mask_;
    while (slots_[i].hash != kEmpty) i = (i + 1) & mask_;
    slots_[i] = {hash, keys};
    ++size_;
  }

  void Grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    mask_ = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.hash == kEmpty) continue;
      size_t i = s.hash & mask_;
      while (slots_[i].hash != kEmpty) i = (i + 1) & mask_;
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_ = std::vector<Slot>(1 << 12);
  size_t mask_ = (1 << 12) - 1;
  size_t size_ = 0;
};

}  // namespace

TokenKeys KeysOfToken(std::string_view raw) {
  thread_local TokenKeyCache cache;
  return cache.Get(raw);
}

}  // namespace twicetold::text_internal
