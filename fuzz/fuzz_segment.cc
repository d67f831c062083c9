// Fuzzes Segment and Tokenize (include/twicetold/segment.h) on the output
// of Normalize, which is what they are specified for.
//
// Input: byte 0 picks the options (low 5 bits max_heading_words, bit 7
// clears `tokens`), the rest is the text, any bytes. Asserts that every
// span is in range, on character boundaries and non-empty; that blocks,
// sentences and tokens are each in order and non-overlapping; that every
// sentence lies inside its block and every token inside some block; that
// token kinds follow the first character; and that Tokenize gives ordered,
// in-range tokens too.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "twicetold/normalize.h"
#include "twicetold/segment.h"

namespace {

namespace fz = twicetold::fuzz;
using twicetold::Span;

bool Inside(Span inner, Span outer) {
  return outer.begin <= inner.begin && inner.end <= outer.end;
}

// In range, on boundaries, non-empty, and after `*prev_end`.
void CheckOrderedSpan(Span span, std::string_view text, uint32_t* prev_end) {
  fz::CheckSpan(span, text.size());
  FUZZ_CHECK(!span.empty());
  FUZZ_CHECK(fz::IsCharBoundary(text, span.begin));
  FUZZ_CHECK(fz::IsCharBoundary(text, span.end));
  FUZZ_CHECK(span.begin >= *prev_end);
  *prev_end = span.end;
}

void CheckTokens(const std::vector<twicetold::Token>& tokens,
                 std::string_view text) {
  uint32_t prev_end = 0;
  for (const twicetold::Token& t : tokens) {
    CheckOrderedSpan(t.span, text, &prev_end);
    const char first = text[t.span.begin];
    const bool digit = first >= '0' && first <= '9';
    if (digit) FUZZ_CHECK(t.kind == twicetold::TokenKind::kNumber);
  }
}

void CheckSegmentation(const twicetold::Segmentation& seg,
                       std::string_view text) {
  uint32_t prev_end = 0;
  for (const twicetold::Block& b : seg.blocks) {
    CheckOrderedSpan(b.span, text, &prev_end);
  }
  prev_end = 0;
  uint32_t prev_block = 0;
  for (const twicetold::Sentence& s : seg.sentences) {
    CheckOrderedSpan(s.span, text, &prev_end);
    FUZZ_CHECK(s.block < seg.blocks.size());
    FUZZ_CHECK(s.block >= prev_block);
    FUZZ_CHECK(Inside(s.span, seg.blocks[s.block].span));
    prev_block = s.block;
  }
  CheckTokens(seg.tokens, text);
  size_t block = 0;
  for (const twicetold::Token& t : seg.tokens) {
    while (block < seg.blocks.size() && seg.blocks[block].span.end <= t.span.begin) {
      ++block;
    }
    FUZZ_CHECK(block < seg.blocks.size());
    FUZZ_CHECK(Inside(t.span, seg.blocks[block].span));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  twicetold::SegmentOptions options;
  options.max_heading_words = data[0] & 0x1F;
  options.tokens = (data[0] & 0x80) == 0;
  const std::string_view input(reinterpret_cast<const char*>(data) + 1,
                               size - 1);
  const twicetold::MappedText normalized =
      twicetold::Normalize(input, twicetold::NormalizeOptions{});
  const std::string_view text = normalized.text;

  const twicetold::Segmentation seg = twicetold::Segment(text, options);
  CheckSegmentation(seg, text);
  if (!options.tokens) FUZZ_CHECK(seg.tokens.empty());
  CheckTokens(twicetold::Tokenize(text), text);
  return 0;
}
