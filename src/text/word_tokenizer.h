// Private: word tokenization behind twicetold::Tokenize and Segment.
//
// Two ways to find the raw UAX #29 word segments that ICU would mark as words
// or numbers (rule status != UBRK_WORD_NONE):
//   - AppendAsciiWordSpans: a byte loop for pure ASCII text, no ICU;
//   - AppendIcuWordSpans: ICU's word BreakIterator over UTF-8 (one iterator
//     per thread).
// Both give identical spans on ASCII text (checked against the reference in
// tests/reference/icu_tokenizer.h on random strings). JoinWordSpans then
// applies the two additions documented in twicetold/segment.h ("2.5%",
// "28-point") and assigns token kinds.
#ifndef TWICETOLD_SRC_TEXT_WORD_TOKENIZER_H_
#define TWICETOLD_SRC_TEXT_WORD_TOKENIZER_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "twicetold/segment.h"
#include "twicetold/span.h"

namespace twicetold {

// True if every byte of `text` is < 0x80.
bool IsAscii(std::string_view text);

// out[i] = text[i] with ASCII capitals lowered, for i < n (any other byte
// as it is). `out` may equal `text`; the two must not otherwise overlap.
void LowerAscii(const char* text, size_t n, char* out);

// Non-ASCII characters that the fast paths accept: each is "Other" for both
// UAX #29 word and sentence breaks (currency signs, degree, bullet, ...), so
// treating its bytes as ASCII punctuation gives ICU's answer.
extern const std::string_view kFastPathSymbols[10];

// True if the ASCII fast paths give ICU's answer on `text`: every character
// is ASCII or one of kFastPathSymbols.
bool FastPathApplies(std::string_view text);

// Appends to `out` the raw word/number segments of ASCII `text`, as offsets
// into `text`. Precondition: FastPathApplies(text).
// Uses SSE2 where available; AppendAsciiWordSpansScalar is the plain byte
// loop it must agree with.
void AppendAsciiWordSpans(std::string_view text, std::vector<Span>* out);
void AppendAsciiWordSpansScalar(std::string_view text, std::vector<Span>* out);

// Same for any UTF-8 text, through ICU. Falls back to the ASCII loop (which
// then treats every non-ASCII byte as punctuation) if ICU cannot create an
// iterator.
void AppendIcuWordSpans(std::string_view text, std::vector<Span>* out);

// Turns raw spans (in order, offsets into `text`) into tokens appended to
// `out` with offsets shifted by `offset`: a '%' right after a span ending in
// an ASCII digit joins it, and spans separated by exactly one '-' join. Kind
// is kNumber if a token starts with a decimal digit.
void JoinWordSpans(std::string_view text, const std::vector<Span>& raw,
                   uint32_t offset, std::vector<Token>* out);

// Tokenizes `text` and appends tokens with offsets shifted by `offset`.
// `fast_path` must be FastPathApplies(text) (callers often know it already).
// `scratch` is reused between calls.
void AppendTokens(std::string_view text, uint32_t offset, bool fast_path,
                  std::vector<Span>* scratch, std::vector<Token>* out);

}  // namespace twicetold

#endif  // TWICETOLD_SRC_TEXT_WORD_TOKENIZER_H_
