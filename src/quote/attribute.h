// Private: attributing quotations to speakers.
//
// For each quotation, in order of reliability:
//   1. the words right after it in its sentence: '"...," X said',
//      '"...," said X', '"..." X told Fox News.' (a short next sentence counts
//      when the quotation ends its own);
//      A dash and a name right after it sign it: '"..." - Ann Ray'.
//   2. the words before it in its sentence: 'X said "..."', 'X said that
//      "..."', 'according to X, "..."', a lead-in ending in ':';
//   3. a block that starts with the quotation after a block ending in ':'
//      (the lead-in paragraph);
//   4. a line that opens with a short 'X:' before the quotation ("Ray: Plan
//      Is 'Reckless'", "Ray: Rivals' 'Bad Idea'") is X's;
//   5. otherwise a quotation that follows an attributed one in the same block,
//      or opens the next block, continues that speaker;
//   6. failing all, the subject opening its sentence, marked subject_only
//      ('The crowd chanted "..."').
// The speaker is the subject of the first speech verb of the window (the
// main clause's, not one inside the reported speech): the nearest mention
// before it (not possessive, not a prepositional object, not across a
// quotation), else one right after that ends its clause ('said Smith.', not
// 'said Smith had'). A role, organisation or possessive that introduces a
// name gives way to it ("Green Path leader Ann Ray", "the firm's chief, Ann
// Ray"); "Ann Ray, a co-author, said" is Ann Ray. Lead-ins ending in ':'
// may name the speaker as an owner or a source ("a message from X:"), and a
// sentence with no speech verb that opens with a person and quotes a clause
// is that person's ('X put the cost at "..."').
//
// A quotation after a lead-in of reported words ('X said the plan "will
// never work."') is a mixed quotation: the speaker's clause runs from the
// first speech verb of the sentence whose subject speaks (or a later one
// of the same speaker: ', saying', 'but insisted') to the closing mark of
// the last quotation joined to it by "and", "or" or a comma. Not when the
// lead-in is empty, only "that", ends in ':' or ',' (a direct quotation
// introduced), crosses a semicolon or a dash, or follows an addressee verb
// without "that" ('X told CNN "..."'). A headline 'X: words "..."' is X's
// clause.
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
  // `mention` is only the subject of the quotation's sentence, which has no
  // speech verb for it ('The crowd chanted "..."'): good enough for a full
  // statement, too weak to make a fragment someone's words.
  bool subject_only = false;
  // A mixed quotation: the quotation is part of a clause of reported speech
  // that opens earlier in its sentence ('X called the plan "a gift to
  // developers."', 'X said that rents were "out of control."').
  // Byte offsets of that clause: it begins after the speaker's speech verb
  // (at its "that" when one follows within a few words) and ends at the
  // closing mark of the clause's last quotation.
  std::optional<uint32_t> clause_begin;
  uint32_t clause_end = 0;
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
