// Private: sentence splitting inside one block, behind twicetold::Segment.
//
// Two stages:
//   1. Candidate breaks: the UAX #29 sentence breaks ICU's sentence
//      BreakIterator finds when every line break in the block is read as a
//      space (a block is one paragraph, so a line break is only wrapping).
//      AppendAsciiSentenceBreaks computes them for ASCII without ICU;
//      AppendIcuSentenceBreaks asks ICU. They agree on ASCII (checked against
//      tests/reference/icu_tokenizer.h on random strings).
//   2. FilterSentenceBreaks drops candidates that are not sentence ends in
//      news text: after abbreviations and initials, inside a double
//      quotation that closes later in the block, and before a lowercase
//      letter.
#ifndef TWICETOLD_SRC_TEXT_SENTENCE_SPLITTER_H_
#define TWICETOLD_SRC_TEXT_SENTENCE_SPLITTER_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "twicetold/segment.h"

namespace twicetold {

// Appends the candidate break offsets of ASCII `block` (strictly between 0
// and block.size(), increasing). Precondition: FastPathApplies(block).
void AppendAsciiSentenceBreaks(std::string_view block,
                               std::vector<uint32_t>* out);

// Same for any UTF-8 block, through ICU (one iterator per thread). Appends
// nothing if ICU cannot create an iterator.
void AppendIcuSentenceBreaks(std::string_view block,
                             std::vector<uint32_t>* out);

// Removes suppressed candidates from `breaks` (offsets into `block`, in
// increasing order).
void FilterSentenceBreaks(std::string_view block,
                          std::vector<uint32_t>* breaks);

// Splits `block` into trimmed, non-empty sentences appended to `out`, with
// offsets shifted by `offset` and Sentence::block set to `block_index`.
// `fast_path` must be FastPathApplies(block). `scratch` is reused.
void AppendSentences(std::string_view block, uint32_t offset,
                     uint32_t block_index, bool fast_path,
                     std::vector<uint32_t>* scratch,
                     std::vector<Sentence>* out);

}  // namespace twicetold

#endif  // TWICETOLD_SRC_TEXT_SENTENCE_SPLITTER_H_
