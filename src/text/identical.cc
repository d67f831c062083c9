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
  for (size_t t = 0; t < tokens.size(); ++t) {
    if (t > 0) out.joined.push_back(' ');
    AppendFoldedWord(tokens[t].span.In(normalized_text), &out.joined);
    out.ends.push_back(static_cast<uint32_t>(out.joined.size()));
  }
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
