#include "text/lexicon.h"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <string>
#include <unordered_set>

namespace twicetold::text_internal {
namespace {

struct TransparentHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const {
    return std::hash<std::string_view>{}(s);
  }
};
using WordSet = std::unordered_set<std::string, TransparentHash, std::equal_to<>>;

WordSet Words(std::initializer_list<const char*> words) {
  WordSet set;
  for (const char* w : words) set.insert(w);
  return set;
}

// Regular verbs: every form is derived (note -> notes, noted, noting).
constexpr const char* kRegularVerbs[] = {
    "add",      "acknowledge", "admit",   "agree",    "announce",  "argue",
    "ask",      "assert",      "boast",   "caution",  "charge",    "claim",
    "comment",  "complain",    "conclude", "concede", "confirm",   "contend",
    "continue", "counter",     "declare", "describe", "emphasize", "emphasise",
    "explain",  "insist",      "joke",    "maintain", "mention",   "note",
    "observe",  "predict",     "promise", "quip",     "recall",    "remark",
    "reiterate", "repeat",     "reply",   "respond",  "say",       "shout",
    "state",    "stress",      "suggest", "testify",  "tweet",     "urge",
    "vow",      "warn",        "write",   "tell",     "answer",    "demand",
    "exclaim",  "lament",      "point",   "post",     "blast",     "accuse",
    "call",     "allege",      "announce", "yell",    "scoff",     "muse",
    "report",   "proclaim",    "explain",  "inform",  "recount",   "concur",
    "criticize", "dismiss", "hail", "laud", "praise", "label", "slam", "denounce", "decry", "pledge", "exhort", "condemn", "brand"};

// Irregular or doubled forms that the rule below does not produce.
constexpr const char* kExtraForms[] = {
    "said",    "says",     "saying",   "told",     "telling",  "wrote",
    "written", "writing",  "quipped",  "quipping", "replied",  "replies",
    "testified", "testifies", "admitted", "admitting", "vowed", "according",
    "read", "reads"};

void AddForms(std::string base, WordSet* set) {
  set->insert(base);
  const bool e = base.back() == 'e';
  set->insert(base + "s");
  set->insert(e ? base + "d" : base + "ed");
  set->insert(e ? base.substr(0, base.size() - 1) + "ing" : base + "ing");
}

const WordSet& SpeechVerbs() {
  static const WordSet* const set = [] {
    auto* s = new WordSet;
    for (const char* v : kRegularVerbs) AddForms(v, s);
    for (const char* f : kExtraForms) s->insert(f);
    s->erase("according");  // handled as "according to X", not a verb
    return s;
  }();
  return *set;
}

// The facts lists (src/compare/facts.cc), looked up by folded word.
constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 7> kWeekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

// Words that start a sentence in capitals without being names.
const std::unordered_set<std::string_view>& FactSentenceStarters() {
  static const auto* s = new std::unordered_set<std::string_view>{
      "the", "a", "an", "but", "and", "or", "in", "on", "at", "as", "it",
      "he", "she", "they", "we", "i", "you", "this", "that", "these", "those",
      "his", "her", "their", "our", "its", "if", "when", "while", "after",
      "before", "yet", "still", "following", "last", "next", "however", "so",
      "for", "from", "with", "by", "to", "of", "there", "here", "what", "who",
      "why", "how", "some", "many", "most", "all", "no", "not", "one", "two",
      "several", "both", "other", "others", "meanwhile", "later", "earlier",
      "just", "also", "even", "since", "although", "though", "speaking",
      "according", "recent", "ahead", "despite", "during", "any", "each",
      "my", "your", "then", "now", "today", "instead", "because", "until"};
  return *s;
}

// Title words: a name after them is a person; they are not part of it.
const std::unordered_set<std::string_view>& FactTitles() {
  static const auto* s = new std::unordered_set<std::string_view>{
      "president", "vice", "prime", "minister", "secretary", "senator", "sen",
      "rep", "gov", "governor", "mr", "mrs", "ms", "dr", "judge", "justice",
      "chancellor", "king", "queen", "prince", "princess", "pope", "general",
      "gen", "col", "lt", "sgt", "mayor", "ambassador", "envoy", "spokesman",
      "spokeswoman", "director", "ceo", "chairman", "chairwoman", "speaker",
      "leader", "attorney", "adviser", "advisor", "aide", "commissioner",
      "sheriff", "officer", "detective", "chief", "representative", "premier",
      "state", "foreign", "defense", "defence", "deputy", "special", "interior",
      "treasury", "homeland", "security", "national", "of", "actor", "actress",
      "singer", "coach", "captain", "sir", "lady", "lord", "rabbi", "reverend",
      "rev", "father", "bishop", "cardinal", "professor", "prof"};
  return *s;
}

const std::unordered_set<std::string_view>& FactOrgCues() {
  static const auto* s = new std::unordered_set<std::string_view>{
      "ministry", "department", "party", "council", "committee", "association",
      "agency", "bank", "university", "college", "inc", "corp", "company",
      "group", "news", "times", "post", "journal", "house", "senate",
      "congress", "parliament", "commission", "union", "organization",
      "organisation", "court", "police", "army", "forces", "institute",
      "foundation", "fund", "office", "service", "network", "press", "club",
      "league", "federation", "board", "authority", "airlines", "motors",
      "nations", "kremlin", "pentagon", "reuters", "bureau", "administration"};
  return *s;
}

const std::unordered_set<std::string_view>& PlacePrepositions() {
  static const auto* s = new std::unordered_set<std::string_view>{
      "in", "from", "to", "at", "near", "across", "into", "outside", "inside"};
  return *s;
}

bool Has(const WordSet& set, std::string_view word) {
  return set.find(word) != set.end();
}

}  // namespace

std::string Lower(std::string_view word) {
  std::string out(word);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool IsSpeechVerb(std::string_view lower) { return Has(SpeechVerbs(), lower); }

bool IsParticiple(std::string_view lower) {
  return lower.size() > 4 && lower.substr(lower.size() - 3) == "ing" &&
         IsSpeechVerb(lower);
}

bool IsInvertibleVerb(std::string_view lower) {
  static const WordSet set = Words(
      {"said", "says", "added", "adds", "explained", "explains", "wrote",
       "writes", "continued", "continues", "noted", "notes", "insisted",
       "insists", "argued", "argues", "declared", "recalled", "replied",
       "responded", "stated", "observed", "remarked", "countered", "quipped",
       "concluded", "cautioned", "acknowledged", "conceded", "admitted",
       "tweeted", "joked", "predicted", "complained", "lamented"});
  return Has(set, lower);
}

bool IsGenericSpeakerNoun(std::string_view lower) {
  static const WordSet set = Words(
      {"man",      "woman",     "voter",     "voters",    "supporter",
       "supporters", "protester", "protesters", "resident", "residents",
       "source",   "sources",   "person",    "people",    "student",
       "worker",   "farmer",    "mother",    "father",    "veteran",
       "critic",   "critics",   "member",    "owner",     "pollster",
       "poll",     "report",    "statement", "survey",    "study",
       "memo",     "letter",    "ad",        "advertisement", "website",
       "officials", "aides",    "advisers",  "analysts",  "experts",
       "lawmakers", "friend",   "neighbor",  "attendee",  "caller",
       "activist", "activists", "organizer", "organizers", "observers",
       "email",    "suit",      "lawsuit",   "complaint", "cable",
       "message",  "company",   "tweet",     "post",      "article",
       "editorial", "filing",   "document",  "release",   "announcement",
       "video",    "ruling",    "order",     "group",     "committee",
       "newspaper", "paper",    "magazine",  "network",   "agency",
       "narrator",  "announcer"});
  return Has(set, lower);
}

bool IsTitle(std::string_view lower) {
  static const WordSet set = Words(
      {"president", "vice",      "secretary", "senator",   "sen",
       "rep",       "representative", "gov",  "governor",  "mr",
       "mrs",       "ms",        "miss",      "dr",        "prof",
       "professor", "prime",     "minister",  "foreign",   "defense",
       "defence",   "chancellor", "judge",    "justice",   "gen",
       "general",   "adm",       "admiral",   "col",       "colonel",
       "lt",        "sgt",       "capt",      "captain",   "king",
       "queen",     "prince",    "princess",  "pope",      "rev",
       "reverend",  "speaker",   "leader",    "chairman",  "chairwoman",
       "chair",     "ceo",       "director",  "ambassador", "envoy",
       "adviser",   "advisor",   "spokesman", "spokeswoman", "spokesperson",
       "aide",      "attorney",  "former",    "candidate", "nominee",
       "congressman", "congresswoman", "mayor", "commissioner", "chief",
       "deputy",    "assistant", "sheriff",   "sir",       "dame",
       "lord",      "rabbi",     "imam",      "coach",     "host",
       "anchor",    "correspondent", "editor", "analyst",  "economist",
       "state",     "special",   "press",     "first",     "lady",
       "majority",  "minority",  "whip",      "gop",       "democratic",
       "republican", "democrat", "sens",      "reps",      "rep.",
       "senate",    "house",     "white",     "top",       "policy"});
  return Has(set, lower);
}

bool IsRoleNoun(std::string_view lower) {
  static const WordSet set = Words(
      {"aide",       "adviser",     "advisor",    "minister",  "president",
       "senator",    "spokesman",   "spokeswoman", "spokesperson", "official",
       "candidate",  "nominee",     "governor",   "mayor",     "secretary",
       "chancellor", "ambassador",  "envoy",      "congressman", "congresswoman",
       "lawmaker",   "leader",      "chairman",   "chairwoman", "director",
       "ceo",        "premier",     "diplomat",   "negotiator", "commander",
       "general",    "judge",       "prosecutor", "lawyer",    "attorney",
       "businessman", "businesswoman", "billionaire", "congressman", "representative",
       "strategist", "manager",     "chief",      "analyst",   "economist",
       "professor",  "expert",      "researcher", "sheriff",   "officer",
       "king",       "queen",       "pope",       "speaker",   "mogul",
       "republican", "democrat",    "host",       "author",    "founder",
       "coordinator", "councillor", "councilor",  "engineer",  "scientist",
       "chair",      "commissioner", "guide",     "executive", "treasurer",
       "inspector",  "coach",       "captain",    "head",      "chairperson",
       "co-author",  "co-founder",  "curator",    "editor",    "physician"});
  return Has(set, lower);
}

bool IsLeadingRoleWord(std::string_view lower) {
  if (IsTitle(lower) || IsRoleNoun(lower)) return true;
  const size_t dash = lower.rfind('-');
  if (dash != std::string_view::npos) {
    const std::string_view last = lower.substr(dash + 1);
    return last == "old" || IsRoleNoun(last) || IsTitle(last);
  }
  auto ends = [&](std::string_view suffix) {
    return lower.size() > suffix.size() &&
           lower.substr(lower.size() - suffix.size()) == suffix;
  };
  return ends("ologist") || ends("ician") || (lower.size() >= 8 && ends("ist"));
}

bool IsOrgWord(std::string_view lower) {
  static const WordSet set = Words(
      {"news",      "house",      "department", "ministry",  "party",
       "committee", "times",      "post",       "journal",   "university",
       "council",   "union",      "bank",       "inc",       "corp",
       "agency",    "office",     "court",      "congress",  "senate",
       "kremlin",   "commission", "association", "institute", "campaign",
       "network",   "foundation", "group",      "company",   "administration",
       "government", "police",    "army",       "forces",    "tv",
       "radio",     "press",      "street",     "states",    "nations",
       "republic",  "federation", "daily",      "herald",    "tribune",
       "magazine",  "review",     "center",     "centre",    "fund",
       "club",      "church",     "school",     "college",   "hospital",
       "airport",   "county",     "city",       "media",     "telegraph",
       "guardian",  "economist",  "reuters",    "pentagon",  "capitol",
       "organization", "organisation", "coalition", "alliance", "council",
       "board",     "service",    "services",   "bureau",    "authority",
       "convention", "conference", "caucus",    "democrats", "republicans",
       "gop",       "cnn",        "nbc",        "abc",       "cbs",
       "msnbc",     "fbi",        "cia",        "nato",      "un",
       "eu",        "ap",         "afp",        "bbc",       "america",
       "twitter",   "facebook",   "google",     "state",     "labs",
       "lab",       "laboratory", "laboratories", "wire",    "society",
       "industries", "systems",   "technologies", "partners", "holdings",
       "ltd",       "llc",        "plc",        "gmbh"});
  return Has(set, lower);
}

bool IsPlaceStart(std::string_view lower) {
  static const WordSet set = Words(
      {"new", "north", "south", "east", "west", "united", "los", "san",
       "santa", "saint", "st", "hong", "el", "las", "fort", "great", "middle",
       "central", "northern", "southern", "eastern", "western", "lake",
       "mount", "port", "sri", "saudi", "costa", "puerto", "tel", "rio"});
  return Has(set, lower);
}

bool IsNameStopWord(std::string_view lower) {
  static const WordSet set = Words(
      {"the",       "a",         "an",        "but",       "and",
       "or",        "in",        "on",        "at",        "for",
       "with",      "by",        "from",      "to",        "as",
       "if",        "when",      "while",     "after",     "before",
       "following", "during",    "since",     "although",  "though",
       "yet",       "still",     "so",        "then",      "this",
       "that",      "these",     "those",     "it",        "its",
       "his",       "her",       "their",     "our",       "my",
       "your",      "there",     "here",      "what",      "who",
       "why",       "how",       "where",     "meanwhile", "however",
       "speaking",  "asked",     "later",     "last",      "next",
       "earlier",   "also",      "both",      "many",      "some",
       "all",       "according", "monday",    "tuesday",   "wednesday",
       "thursday",  "friday",    "saturday",  "sunday",    "january",
       "february",  "march",     "april",     "may",       "june",
       "july",      "august",    "september", "october",   "november",
       "december",  "jan",       "feb",       "mar",       "apr",
       "jun",       "jul",       "aug",       "sep",       "sept",
       "oct",       "nov",       "dec",       "not",       "no",
       "yes",       "one",       "two",       "three",     "now",
       "today",     "even",      "just",      "only",      "every",
       "each",      "most",      "more",      "we",        "they",
       "you",       "i",         "he",        "she",       "said",
       "says",      "like",      "under",     "over",      "about",
       "because",   "instead",   "despite",   "through",   "whether",
       "other",     "another",   "such",      "than",      "which",
       "do",        "does",      "did",       "is",        "was",
       "are",       "were",      "be",        "has",       "have",
       "had",       "will",      "would",     "can",       "could",
       "should",    "must",      "let",       "after",     "again",
       "updated",   "read",      "watch",     "see",       "photo",
       "several",   "few",       "any",       "much",      "among",
       "amid",      "via",       "whose",     "whom",      "until",
       "unless",    "within",    "without",   "against",   "into",
       "perhaps",   "maybe",     "indeed",    "thus",      "once",
       "if",        "nor",       "either",    "neither",   "well",
       "reached",   "pressed",   "responding", "commenting", "explaining",
       "noting",    "citing",    "referring", "pointing",  "adding",
       "separately", "additionally", "previously", "currently", "recently",
       "ultimately", "finally",  "notably",   "similarly", "likewise",
       "clearly",   "contacted", "questioned", "interviewed", "writing",
       "told",      "asked",     "shortly",   "soon",      "afterward",
       "afterwards", "overall", "elsewhere", "twitter",   "update"});
  return Has(set, lower);
}

bool IsNameParticle(std::string_view lower) {
  static const WordSet set =
      Words({"de", "van", "von", "bin", "al", "da", "del", "der", "la", "le",
             "du", "di", "ibn", "dos", "das"});
  return Has(set, lower);
}

bool IsAbbreviatedTitle(std::string_view lower) {
  static const WordSet set =
      Words({"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col",
             "sgt", "capt", "st", "jr", "sr", "prof", "rev", "adm", "sens",
             "reps", "pres", "atty", "lt", "maj", "cmdr"});
  return Has(set, lower);
}

bool IsPreposition(std::string_view lower) {
  static const WordSet set =
      Words({"on", "in", "at", "to", "with", "from", "by", "for", "of",
             "about", "against", "into", "over", "under", "than", "like",
             "toward", "towards", "during", "after", "before", "via"});
  return Has(set, lower);
}

bool IsPersonPronoun(std::string_view lower) {
  return lower == "he" || lower == "she";
}

bool IsOtherPronoun(std::string_view lower) {
  return lower == "they" || lower == "we" || lower == "i";
}

bool IsFactSentenceStarter(std::string_view folded) {
  return FactSentenceStarters().count(folded) > 0;
}

bool IsFactTitle(std::string_view folded) {
  return FactTitles().count(folded) > 0;
}

bool IsFactOrgCue(std::string_view folded) {
  return FactOrgCues().count(folded) > 0;
}

bool IsPlacePreposition(std::string_view folded) {
  return PlacePrepositions().count(folded) > 0;
}

int MonthIndex(std::string_view folded) {
  // A word names month m when it is a prefix of m's name of 3+ letters (the
  // whole name included). No two names share their first three letters, so
  // those pick the one candidate; most words have none.
  if (folded.size() < 3 || folded.size() > 9) return 0;
  for (size_t m = 0; m < kMonths.size(); ++m) {
    const std::string_view full = kMonths[m];
    if (full[0] == folded[0] && full[1] == folded[1] && full[2] == folded[2]) {
      return full.starts_with(folded) ? static_cast<int>(m) + 1 : 0;
    }
  }
  return 0;
}

bool IsWeekday(std::string_view folded) {
  return std::find(kWeekdays.begin(), kWeekdays.end(), folded) != kWeekdays.end();
}

}  // namespace twicetold::text_internal
