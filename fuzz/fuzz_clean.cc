// Fuzzes CleanBody (include/twicetold/clean.h).
//
// Input: byte 0 picks the options (bits 0-5 switch off one rule each,
// bits 6-7 pick min_repeated_line_chars), the rest is the body; bodies that
// are not valid UTF-8 are skipped (the reader rejects them earlier).
// Asserts the MappedText contract of the cleaned text against the body;
// that every removal's span is in range, covers whole lines, and holds
// exactly the removal's text; that removals are in order and overlap
// neither each other nor the dateline; and the no-silent-loss promise:
// every character of the body that is not white space (Unicode) or
// invisible is in the text, a removal or the dateline.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "fuzz_check.h"
#include "twicetold/clean.h"

namespace {

namespace fz = twicetold::fuzz;
using twicetold::CleanedBody;
using twicetold::Span;

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

twicetold::CleanOptions OptionsFromByte(uint8_t bits) {
  twicetold::CleanOptions options;
  options.remove_repeated_lines = (bits & 1) == 0;
  options.remove_captions = (bits & 2) == 0;
  options.remove_advertisements = (bits & 4) == 0;
  options.remove_furniture = (bits & 8) == 0;
  options.remove_blank_filler = (bits & 16) == 0;
  options.extract_dateline = (bits & 32) == 0;
  static constexpr uint32_t kMinChars[] = {20, 0, 1, 5};
  options.min_repeated_line_chars = kMinChars[bits >> 6];
  return options;
}

void MarkCovered(Span span, std::vector<bool>* covered) {
  for (uint32_t i = span.begin; i < span.end; ++i) (*covered)[i] = true;
}

// A removal is one whole line, without its "\n" or "\r\n" (or a last
// line's lone trailing "\r").
void CheckWholeLine(Span span, std::string_view body) {
  FUZZ_CHECK(span.begin == 0 || body[span.begin - 1] == '\n');
  const std::string_view rest = body.substr(span.end);
  FUZZ_CHECK(rest.empty() || rest == "\r" || rest[0] == '\n' ||
             rest.substr(0, 2) == "\r\n");
}

void CheckRemovals(const CleanedBody& out, std::string_view body,
                   std::vector<bool>* covered) {
  uint32_t prev_end = 0;
  for (const twicetold::Removal& r : out.removed) {
    fz::CheckSpan(r.span, body.size());
    FUZZ_CHECK(r.span.begin >= prev_end);
    FUZZ_CHECK(r.span.In(body) == r.text);
    CheckWholeLine(r.span, body);
    if (out.dateline) {
      const Span d = out.dateline->span;
      FUZZ_CHECK(r.span.end <= d.begin || d.end <= r.span.begin);
    }
    MarkCovered(r.span, covered);
    prev_end = r.span.end;
  }
}

// Bytes of the body that the cleaned text keeps: each non-space text
// character covers the original bytes up to the next map entry.
void MarkKept(const twicetold::MappedText& text, std::string_view body,
              std::vector<bool>* covered) {
  for (size_t i = 0; i < text.text.size(); ++i) {
    if (IsAsciiSpace(text.text[i])) continue;
    const Span from{text.to_original[i], text.to_original[i + 1]};
    if (static_cast<uint8_t>(text.text[i]) < 0x80) {
      FUZZ_CHECK(from.begin < body.size() && body[from.begin] == text.text[i]);
    }
    MarkCovered(from, covered);
  }
}

// Every character that is not white space or invisible (U+00A0, U+200B)
// has all its bytes covered.
void CheckCovered(std::string_view body, const std::vector<bool>& covered) {
  const int32_t size = static_cast<int32_t>(body.size());
  int32_t pos = 0;
  while (pos < size) {
    const int32_t start = pos;
    UChar32 c;
    U8_NEXT(body.data(), pos, size, c);
    if (u_isUWhiteSpace(c) ||
        u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) {
      continue;
    }
    for (int32_t i = start; i < pos; ++i) FUZZ_CHECK(covered[i]);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const twicetold::CleanOptions options = OptionsFromByte(data[0]);
  const std::string_view body(reinterpret_cast<const char*>(data) + 1,
                              size - 1);
  if (!fz::IsValidUtf8(body)) return 0;

  const CleanedBody out = twicetold::CleanBody(body, options);
  fz::CheckMappedText(out.text, body.size(), /*may_drop_tail=*/true);
  fz::CheckMapBoundaries(out.text, body);
  std::vector<bool> covered(body.size(), false);
  if (out.dateline) {
    FUZZ_CHECK(options.extract_dateline);
    fz::CheckSpan(out.dateline->span, body.size());
    FUZZ_CHECK(!out.dateline->span.empty());
    MarkCovered(out.dateline->span, &covered);
  }
  CheckRemovals(out, body, &covered);
  MarkKept(out.text, body, &covered);
  CheckCovered(body, covered);
  return 0;
}
