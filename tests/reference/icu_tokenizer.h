// Slow, obviously-correct reference for word tokens and sentence-break
// candidates: ICU BreakIterators created per call over UTF-16, with offsets
// mapped back to UTF-8 bytes. The fast paths in src/text/word_tokenizer.h and
// src/text/sentence_splitter.h must agree with these on every input.
#ifndef TWICETOLD_TESTS_REFERENCE_ICU_TOKENIZER_H_
#define TWICETOLD_TESTS_REFERENCE_ICU_TOKENIZER_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "twicetold/segment.h"
#include "twicetold/span.h"

namespace twicetold::reference {

// UAX #29 word segments whose ICU rule status is not "none" (byte spans).
std::vector<Span> IcuWordSpans(std::string_view text);

// Tokens as documented in twicetold/segment.h, from IcuWordSpans plus the
// '%' and '-' joins, written out naively.
std::vector<Token> IcuTokenize(std::string_view text);

// ICU sentence-break offsets strictly inside `text`, after every '\n' and
// '\r' has been replaced by a space.
std::vector<uint32_t> IcuSentenceBreaks(std::string_view text);

}  // namespace twicetold::reference

#endif  // TWICETOLD_TESTS_REFERENCE_ICU_TOKENIZER_H_
