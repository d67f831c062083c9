// Private: mentions of people (and of other speakers) in an article, with
// surname, pronoun and role-noun resolution.
//
// Names are capitalised token sequences (no trained model): leading titles
// and roles ("US Secretary of State", "Sen.") are split off, sentence-initial
// function words, days and months are not names, organisation words ("News",
// "House") and place openers ("New", "North") mark non-persons. A sequence of
// two or more name tokens that is neither is a person and an entity; a later
// one-token mention equal to an entity's last token is that entity ("Ushakov"
// is "Yuri Ushakov"). "he"/"she" and definite role nouns ("the aide") resolve
// to the nearest earlier person (for role nouns, preferring one introduced
// with that role and its modifiers: "the finance minister" is the person
// introduced as "Finance Minister X"); "he"/"she" skip names seen only as
// objects ("an interview with Northwind Wire") when a subject is available,
// and "she" skips anyone titled or described as male ("Mr.", "spokesman"),
// "he" anyone female ("Ms.", "spokeswoman").
// Capitalised role words before a name are split off ("Coordinator Ann
// Ray" is "Ann Ray"), a person's name does not run on over "of" ("Ann Ray
// of Harbor Labs"), and "the board" names the nearest earlier organisation
// ending in that word.
#ifndef TWICETOLD_SRC_QUOTE_MENTIONS_H_
#define TWICETOLD_SRC_QUOTE_MENTIONS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "twicetold/segment.h"
#include "twicetold/span.h"

namespace twicetold::quote_internal {

enum class MentionKind { kName, kPronoun, kRole };

struct Mention {
  MentionKind kind = MentionKind::kName;
  Span span;                 // whole mention, titles and determiner included
  uint32_t first_token = 0;  // token range [first_token, end_token)
  uint32_t end_token = 0;
  std::string name;          // name tokens ("Yuri Ushakov"), role, or pronoun
  std::vector<std::string> roles;  // lower-case titles and role nouns
  bool possessive = false;   // "Putin's"
  bool org = false;          // an organisation or place, not a person
  bool person = false;       // after resolution: refers to a person
  bool definite = true;      // role nouns: "the aide" (not "a spokesman")
  bool the = false;          // role nouns: introduced by "the"
  bool object = false;       // after a preposition or "told": "with X"
  bool sentence_initial = false;  // its first token opens a sentence
  bool before_speech_verb =
      false;                 // the next word is a speech verb ("Ray said")
  std::string resolved;      // after resolution: full name, or empty
};

// Mentions in `text` (normalized), in text order, ignoring tokens for which
// `excluded[token]` is true (words inside quotations). `tokens` as from
// Segment; excluded.size() == tokens.size().
std::vector<Mention> FindMentions(std::string_view text,
                                  const std::vector<Token>& tokens,
                                  const std::vector<bool>& excluded);

// Fills Mention::person and Mention::resolved for every mention, and drops
// lone capitalised words that open a sentence ("Long talks ended ...") but
// are no known person, role or organisation, never appear capitalised
// elsewhere in the text and are not followed by a speech verb ("Ray said"):
// sentence case, not a name.
void ResolveMentions(std::vector<Mention>* mentions);

}  // namespace twicetold::quote_internal

#endif  // TWICETOLD_SRC_QUOTE_MENTIONS_H_
