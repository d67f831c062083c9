// Private: every small word list behind the name finders, in one place (no
// trained model can be installed here, so names are found by capitalisation
// and cue words).
//
// Two finders use them, with lists of their own on purpose:
//  - speaker attribution and mentions (src/quote): the lookups below the
//    first heading take a lower-case ASCII word (callers use Lower());
//  - facts (src/compare/facts.cc): the Fact* lookups take a fully
//    case-folded word (FoldWord).
// Where the two have a list for the same idea (titles, sentence starters,
// organisation words), the lists differ and merging them would change
// results: see the comments at the Fact* lookups for why each differs.
#ifndef TWICETOLD_TEXT_LEXICON_H_
#define TWICETOLD_TEXT_LEXICON_H_

#include <string>
#include <string_view>

namespace twicetold::text_internal {

// ---- Speakers and mentions (src/quote) ----

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

// ---- Facts (src/compare/facts.cc) ----
// Lookups of a case-folded word (FoldWord).

// Words that start a sentence in capitals without being names. Unlike
// IsNameStopWord it leaves out months and days (facts reads them as dates)
// and the speech words attribution needs ("said", "told", ...).
bool IsFactSentenceStarter(std::string_view folded);
// Title words: a name after them is a person; they are not part of it.
// Unlike IsTitle it takes the words of compound titles ("secretary of
// state", "national security adviser") and not attribution's party and
// office words ("republican", "former", "host"), which would turn an
// organisation into a person here.
bool IsFactTitle(std::string_view folded);
// Words that make a name an organisation. Smaller than IsOrgWord: facts
// classifies whole names, where "state" or "city" often ends a place.
bool IsFactOrgCue(std::string_view folded);
// Prepositions after which a name is a place ("in", "near", "outside").
bool IsPlacePreposition(std::string_view folded);
// 1..12 for a month name or its abbreviation of three or more letters
// ("dec", "sept"); 0 otherwise.
int MonthIndex(std::string_view folded);
// "monday" ... "sunday".
bool IsWeekday(std::string_view folded);

}  // namespace twicetold::text_internal

#endif  // TWICETOLD_TEXT_LEXICON_H_
