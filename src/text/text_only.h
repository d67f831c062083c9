// Text-only variants of CleanBody and Normalize for the fingerprint path
// (FingerprintArticle), which needs the resulting text but never the map
// back to the original bytes: they skip building to_original (4 bytes per
// byte of text) and reuse the caller's buffers. The text is byte for byte
// what CleanBody(...).text.text and Normalize(...).text give.
#ifndef TWICETOLD_TEXT_TEXT_ONLY_H_
#define TWICETOLD_TEXT_TEXT_ONLY_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "twicetold/clean.h"
#include "twicetold/normalize.h"

namespace twicetold::text_internal {

// CleanBody(body, options, source).text.text: `body` itself when cleaning
// cuts nothing (no line removed, no dateline cut: the text is then the
// body byte for byte), else the text assembled into `buffer` (its storage
// is reused). `source_repeat_lines` receives the number of removals with
// reason kSourceRepeat.
std::string_view CleanBodyTextOnly(std::string_view body, const CleanOptions& options,
                                   std::string_view source, std::string* buffer,
                                   uint32_t* source_repeat_lines);

// True when Normalize(input, options).text == input for certain: the
// input is printable ASCII and '\n' only, and case folding is off. False
// says nothing (Normalize may still keep the text).
bool NormalizeKeepsText(std::string_view input, const NormalizeOptions& options);

// Normalize(input, options).text into `out` (its buffer is reused); a copy
// when NormalizeKeepsText(input, options).
void NormalizeTextOnly(std::string_view input, const NormalizeOptions& options,
                       std::string* out);

}  // namespace twicetold::text_internal

#endif  // TWICETOLD_TEXT_TEXT_ONLY_H_
