// The definition of "identical" (identical.h). The fingerprint computes the
// same key on its fast path while it hashes words (src/fingerprint); tests
// check that both agree on random text.
#include "twicetold/identical.h"

#include <xxhash.h>

#include <string>

#include "text/folded_words.h"
#include "text/terms.h"

namespace twicetold {
namespace text_internal {

FoldedWords FoldWords(std::string_view normalized_text, const std::vector<Token>& tokens) {
  FoldedWords out;
  out.ends.reserve(tokens.size());
  // Written through a pointer into a buffer sized for every ASCII word and
  // separator (folding keeps ASCII lengths; tokens do not overlap), grown
  // only if a non-ASCII word folds longer; cut to size at the end.
  std::string& joined = out.joined;
  joined.resize(normalized_text.size() + tokens.size());
  size_t size = 0;
  for (size_t t = 0; t < tokens.size(); ++t) {
    const std::string_view word = tokens[t].span.In(normalized_text);
    if (size + word.size() + 1 > joined.size()) joined.resize(2 * (size + word.size() + 1));
    if (t > 0) joined[size++] = ' ';
    if (FoldAsciiWordTo(word, joined.data() + size)) {
      size += word.size();
    } else {
      const std::string folded = FoldWord(word);
      if (size + folded.size() > joined.size()) joined.resize(2 * (size + folded.size()));
      folded.copy(joined.data() + size, folded.size());
      size += folded.size();
    }
    out.ends.push_back(static_cast<uint32_t>(size));
  }
  joined.resize(size);
  return out;
}

IdenticalKey IdenticalKeyOf(const FoldedWords& words) {
  const XXH128_hash_t h = XXH3_128bits(words.joined.data(), words.joined.size());
  return {h.high64, h.low64, static_cast<uint32_t>(words.ends.size())};
}

}  // namespace text_internal

IdenticalKey ComputeIdenticalKey(std::string_view normalized_text,
                                 const std::vector<Token>& tokens) {
  thread_local std::string joined;
  joined.clear();
  for (size_t t = 0; t < tokens.size(); ++t) {
    if (t > 0) joined.push_back(' ');
    text_internal::AppendFoldedWord(tokens[t].span.In(normalized_text), &joined);
  }
  const XXH128_hash_t h = XXH3_128bits(joined.data(), joined.size());
  return {h.high64, h.low64, static_cast<uint32_t>(tokens.size())};
}

}  // namespace twicetold
