// Segmentation of normalized text into blocks (paragraphs, headings, list
// items), sentences and word tokens.
//
// Input is text produced by Normalize (typography folded: only ' and " as
// quote marks, '-' as dash, ' ' as space, '\n' as line break). All spans are
// byte offsets into that text; map them to the original through MappedText.
//
// Blocks: text separated by blank lines. Inside a block, a line that starts
// with a bullet (•, ·, ▪, ...) always starts a list item; an ambiguous
// marker ('-', '*', "1.", "1)", "a)") starts one only on the block's first
// line, after another list item, or after a line ending in ':' (so a
// hard-wrapped line that happens to start with "1986." or "- " is not an
// item). A single-line block of at most `max_heading_words` words that does
// not end in sentence punctuation (. ! ? : ; ,), ignoring closing quotes and
// brackets, is a heading.
// Sentences: ICU sentence breaks, with breaks suppressed after common
// abbreviations ("Mr.", "Dec.", "U.S."), single-letter initials, and inside
// an open double quotation within the same block. A sentence never crosses
// a block.
// Tokens: ICU word-break rules (UAX #29) keeping only words and numbers,
// with two additions: parts joined by '-' with no space stay one token
// ("28-point", "five-hour"), and a '%' right after a number joins it
// ("2.5%"). ASCII text takes a fast path that gives identical tokens.
#ifndef TWICETOLD_SEGMENT_H_
#define TWICETOLD_SEGMENT_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "twicetold/span.h"

namespace twicetold {

enum class BlockKind { kParagraph, kHeading, kListItem };
std::string_view BlockKindName(BlockKind kind);  // "paragraph", ...

struct Block {
  Span span;  // trimmed of surrounding whitespace; list items exclude the marker
  BlockKind kind = BlockKind::kParagraph;
};

struct Sentence {
  Span span;       // trimmed of surrounding whitespace
  uint32_t block;  // index into Segmentation::blocks
};

enum class TokenKind { kWord, kNumber };

struct Token {
  Span span;
  TokenKind kind = TokenKind::kWord;  // kNumber if it starts with a digit
};

struct Segmentation {
  std::vector<Block> blocks;
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
};

struct SegmentOptions {
  // Behaviour.
  uint32_t max_heading_words = 12;  // longer single lines are paragraphs
  bool tokens = true;               // also fill Segmentation::tokens
};

// Splits normalized `text` into blocks, sentences and tokens. Never fails.
// Thread-safe (ICU iterators are created per call or per thread).
Segmentation Segment(std::string_view text, const SegmentOptions& options);

// Word and number tokens of `text` (see the file comment), in order.
std::vector<Token> Tokenize(std::string_view text);

}  // namespace twicetold

#endif  // TWICETOLD_SEGMENT_H_
