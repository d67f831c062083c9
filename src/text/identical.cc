// The definition of "identical" (identical.h). The fingerprint computes the
// same key on its fast path while it hashes words (src/fingerprint); tests
// check that both agree on random text.
#include "twicetold/identical.h"

#include <xxhash.h>

#include <string>

#include "text/terms.h"

namespace twicetold {
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
