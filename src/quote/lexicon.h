// Private: the small word lists behind speaker attribution. All lookups take
// a lower-case ASCII word (callers lower-case first); no trained model.
#ifndef TWICETOLD_SRC_QUOTE_LEXICON_H_
#define TWICETOLD_SRC_QUOTE_LEXICON_H_

#include <string>
#include <string_view>

namespace twicetold::quote_internal {

// Lower-cases ASCII letters; other bytes are kept.
std::string Lower(std::string_view word);

// "said", "says", "told", "adding", "tweeted", ... (every form of each verb).
bool IsSpeechVerb(std::string_view lower);
// A speech verb in its -ing form ("saying", "adding"): a participle whose
// subject is that of the main clause.
bool IsParticiple(std::string_view lower);

// Speech verbs that put the speaker after them ("..., said Smith") and take
// no person as object ("told", "warned" and "asked" do).
bool IsInvertibleVerb(std::string_view lower);

// Titles that precede a name ("president", "sen", "secretary", "mr").
bool IsTitle(std::string_view lower);
// Role nouns that can stand for a person ("aide", "minister", "spokesman").
bool IsRoleNoun(std::string_view lower);
// A capitalised word that introduces a name as a role rather than being part
// of it ("Coordinator", "Co-author", "Hydrologist", "Twelve-year-old"): a
// title or role noun, a hyphenated word with one as its last part or ending
// in "-old", or an agent noun ending in "-ologist", "-ician" or a long "-ist".
bool IsLeadingRoleWord(std::string_view lower);
// Nouns for an unnamed speaker ("the man", "a voter", "the statement"):
// mentions that are never resolved to a named person.
bool IsGenericSpeakerNoun(std::string_view lower);
// Words that make a capitalised sequence an organisation ("news", "house").
bool IsOrgWord(std::string_view lower);
// First words of place names ("new", "north", "united", "los").
bool IsPlaceStart(std::string_view lower);
// Capitalised words that are never part of a name (sentence-initial function
// words, days, months: "the", "but", "tuesday", "march").
bool IsNameStopWord(std::string_view lower);
// Lower-case particles inside names ("de", "van", "bin").
bool IsNameParticle(std::string_view lower);
// Abbreviated titles written with a period ("mr", "dr", "sen", "gov").
bool IsAbbreviatedTitle(std::string_view lower);
// "on", "with", "to": a mention right after one is not a subject.
bool IsPreposition(std::string_view lower);
// "he", "she" (persons) and "they", "we", "i" (others).
bool IsPersonPronoun(std::string_view lower);
bool IsOtherPronoun(std::string_view lower);

}  // namespace twicetold::quote_internal

#endif  // TWICETOLD_SRC_QUOTE_LEXICON_H_
