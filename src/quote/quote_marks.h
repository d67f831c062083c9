// Private: finding quotation spans in normalized text from its quote marks.
//
// Normalized text has only straight marks (' and "), so direction is lost:
// double marks pair up by alternation inside a block, and single marks are
// told apart from apostrophes by their neighbours ("don't", "the Smiths'
// house" and "'90s" are apostrophes). A quotation open at the end of a block
// continues into the next block when that block starts with a double mark
// (the multi-paragraph convention: an opening mark on each paragraph, a
// closing mark only at the end).
#ifndef TWICETOLD_SRC_QUOTE_QUOTE_MARKS_H_
#define TWICETOLD_SRC_QUOTE_QUOTE_MARKS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "twicetold/segment.h"
#include "twicetold/span.h"

namespace twicetold::quote_internal {

struct MarkedQuote {
  // Content of each paragraph the quotation covers, without marks, trimmed
  // of whitespace; in text order, never empty.
  std::vector<Span> parts;
  uint32_t first_block = 0;  // block of parts.front()
  uint32_t last_block = 0;   // block of parts.back()
  Span outer;                // from the opening mark to the closing mark (incl.)
  bool single = false;       // delimited by single marks
  bool closed = true;        // false if the block ended without a closing mark

  Span span() const { return {parts.front().begin, parts.back().end}; }
};

// Top-level quotations of `text` (quotations nested inside another are part
// of it, not reported), in text order. `blocks` as from Segment. With
// `apostrophe_pairs`, '' is a double mark; without, it is no mark at all.
std::vector<MarkedQuote> FindMarkedQuotes(std::string_view text,
                                          const std::vector<Block>& blocks,
                                          bool apostrophe_pairs);

// Does the sentence go on after quotation `q`'s closing mark, so that the
// quoted words sit inside someone else's words ('there were "thousands of
// shootings" in the city')? True when the quoted words end without
// punctuation and the next word, in the same block, starts in lower case or
// with a digit and is not "and", "or", "but" or a relative pronoun (which
// start a new part of the sentence: 'called it "a disgrace" and left'), nor
// says when or how the words were said ("on Monday", "last week",
// "yesterday", "in a statement").
bool SentenceGoesOnAfter(std::string_view text, const std::vector<Block>& blocks,
                         const MarkedQuote& q);

// True if the ' at byte `pos` of `text` reads as an apostrophe rather than a
// quotation mark: between letters or digits ("don't"), before a digit after
// a space ("'90s"), either side of one letter ("rock 'n' roll").
bool IsApostrophe(std::string_view text, uint32_t pos);

}  // namespace twicetold::quote_internal

#endif  // TWICETOLD_SRC_QUOTE_QUOTE_MARKS_H_
