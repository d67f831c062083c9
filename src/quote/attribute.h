// Private: attributing quotations to speakers.
//
// For each quotation, in order of reliability:
//   1. the words right after it in its sentence: '"...," X said',
//      '"...," said X', '"..." X told Fox News.' (a short next sentence counts
//      when the quotation ends its own);
//   2. the words before it in its sentence: 'X said "..."', 'X said that
//      "..."', 'according to X, "..."', a lead-in ending in ':';
//   3. a block that starts with the quotation after a block ending in ':'
//      (the lead-in paragraph);
//   4. otherwise a quotation that follows an attributed one in the same block,
//      or opens the next block, continues that speaker.
// The speaker is the subject of the nearest speech verb: the nearest mention
// before it (not possessive, not across a quotation), else one right after.
#ifndef TWICETOLD_SRC_QUOTE_ATTRIBUTE_H_
#define TWICETOLD_SRC_QUOTE_ATTRIBUTE_H_

#include <optional>
#include <string_view>
#include <vector>

#include "quote/mentions.h"
#include "quote/quote_marks.h"
#include "twicetold/segment.h"

namespace twicetold::quote_internal {

struct Attribution {
  std::optional<size_t> mention;  // index into the mentions
  std::optional<size_t> from_quote;  // continued from this earlier quotation
};

// One attribution per quotation of `quotes` (same order). `in_quote[token]`
// marks tokens inside any quotation; `mentions` as from FindMentions +
// ResolveMentions over the same tokens.
std::vector<Attribution> AttributeQuotes(
    std::string_view text, const Segmentation& segments,
    const std::vector<bool>& in_quote, const std::vector<Mention>& mentions,
    const std::vector<MarkedQuote>& quotes);

}  // namespace twicetold::quote_internal

#endif  // TWICETOLD_SRC_QUOTE_ATTRIBUTE_H_
