#include "compare/terms.h"

#include <cmath>
#include <cstdlib>
#include <memory>

#include <libstemmer.h>
#include <unicode/unistr.h>
#include <xxhash.h>

namespace twicetold {
// Defined in the generated background_idf_data.cc (see sources.cmake).
extern const char kBackgroundIdfTsv[];
extern const unsigned long kBackgroundIdfTsvSize;
}  // namespace twicetold

namespace twicetold::compare_internal {
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

}  // namespace twicetold::compare_internal
