// The folded words of a text, once: IdenticalKey hashes them joined by
// spaces, and story's event facts read them one by one.
#ifndef TWICETOLD_TEXT_FOLDED_WORDS_H_
#define TWICETOLD_TEXT_FOLDED_WORDS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "twicetold/identical.h"
#include "twicetold/segment.h"

namespace twicetold::text_internal {

// FoldWord of each token of `normalized_text`, joined by single spaces.
struct FoldedWords {
  std::string joined;
  std::vector<uint32_t> ends;  // per token, the end of its word in `joined`

  // Token t's folded word (a view into `joined`).
  std::string_view Word(size_t t) const {
    uint32_t begin = t == 0 ? 0 : ends[t - 1] + 1;
    return std::string_view(joined).substr(begin, ends[t] - begin);
  }
};

FoldedWords FoldWords(std::string_view normalized_text, const std::vector<Token>& tokens);

// ComputeIdenticalKey(text, tokens) from FoldWords(text, tokens).
IdenticalKey IdenticalKeyOf(const FoldedWords& words);

}  // namespace twicetold::text_internal

#endif  // TWICETOLD_TEXT_FOLDED_WORDS_H_
