#include "text/clean_rules.h"

#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "twicetold/normalize.h"

namespace twicetold {
namespace clean_internal {
namespace {

// A pattern with the longest line (in words) it may remove. The limits keep
// every rule to lines too short to be a reporting paragraph.
struct LimitedPattern {
  const char* pattern;
  uint32_t max_words;
};

class PatternList {
 public:
  explicit PatternList(std::initializer_list<LimitedPattern> patterns) {
    for (const LimitedPattern& p : patterns) {
      entries_.push_back({std::make_unique<RE2>(p.pattern), p.max_words});
    }
  }
  bool AnyMatches(const FoldedLine& folded) const {
    for (const Entry& e : entries_) {
      if (folded.words <= e.max_words &&
          RE2::PartialMatch(folded.text, *e.re)) {
        return true;
      }
    }
    return false;
  }

 private:
  struct Entry {
    std::unique_ptr<RE2> re;
    uint32_t max_words;
  };
  std::vector<Entry> entries_;
};

const PatternList& FurniturePatterns() {
  // Matched against folded text: quotes are ASCII, dashes '-', spaces single.
  static const PatternList* const kList = new PatternList({
      {R"((?i)^story continue[sd] below\b)", 6},
      {R"((?i)\b(please )?(enable|turn on|activate) javascript\b)", 40},
      {R"((?i)^javascript is (disabled|required|not enabled)\b)", 40},
      {R"((?i)^click here\b)", 30},
      {R"((?i)^(sign up|subscribe)\b.*\bnewsletters?\b)", 30},
      {R"((?i)^manage (your )?newsletters?$)", 4},
      {R"((?i)^subscribe (now|today|here)\b)", 15},
      {R"((?i)^(copyright|©|\(c\)) ?(©|\(c\))? ?\d{4}\b)", 30},
      {R"((?i)\ball rights reserved\.?$)", 20},
      {R"((?i)^(read more|also read|read also|see also) ?(:|-|\.\.\.|$))", 30},
      {R"((?i)^share (this (article|story|page|post)|on (facebook|twitter|x|whatsapp|linkedin|email|e-mail))\b)",
       12},
      {R"((?i)^follow us\b)", 20},
      {R"((?i)^follow \S+( \S+)? on (twitter|facebook|instagram|x|tiktok|linkedin|telegram|youtube|threads|bluesky)\b)",
       20},
      {R"((?i)^this (article|story|piece|post|column|report) (was|is|has been) (originally|first) (published|posted|appeared)\b)",
       40},
      {R"((?i) contributed (reporting )?to this (report|story|article)\.?$)",
       20},
  });
  return *kList;
}

const PatternList& AdvertisementPatterns() {
  // Misspellings are common in scraped ad slots ("Advertisment").
  static const PatternList* const kList = new PatternList({
      {R"((?i)\badverti[sz]e?m[ea]?nts?\b)", 6},
      {R"((?i)^(sponsored|ads?|adverts?|promoted)$)", 1},
      {R"((?i)\bsponsored (content|post|links?|stories|articles?)\b)", 6},
      {R"((?i)^sponsored by\b)", 6},
      {R"((?i)\b(paid (content|post|partnership)|promoted (content|stories)|ad feedback)\b)",
       6},
  });
  return *kList;
}

const PatternList& CaptionLabelPatterns() {
  static const PatternList* const kList = new PatternList({
      {R"((?i)^(photo|photograph|image|picture|pic|credit|caption|photo credit|image credit|file photo|file image)s?( ?[:|]| [-/] ))",
       60},
      {R"((?i)^file (photo|image|picture)\b)", 60},
      {R"(/ ?\p{Lu}[^/]*\b(Images|Photos?|Pictures|IMAGES|PHOTOS?)$)", 60},
  });
  return *kList;
}

// The inside of a trailing "(...)" that names a photo source outright.
const RE2& PhotoWordCredit() {
  // "(Photo: X)", "(File)", "(Courtesy of X)", "(AP Photo/X)", "(Getty
  // Images)", "(Reuters photo: X)": the photo word opens the credit, ends
  // it, or precedes a slash or colon. A photo word elsewhere ("(the file was
  // released)") is ordinary prose.
  static const RE2* const kRe = new RE2(
      R"((?i)(^(photos?|photograph|image|picture|pic|file|courtesy|credit)s?\b)|)"
      R"(\b(photos?|photograph|images|pictures)( ?[/:]|$)|)"
      R"(\b(photo|image) (by|courtesy|credit)\b)");
  return *kRe;
}

// An agency-style credit: an acronym ("XYZ", "ABC-DEF") or "Agency/Name".
// Only trusted after sentence-final punctuation, since "(NATO)" or "(IAEA)"
// also end phrases inside real sentences.
const RE2& AgencyCredit() {
  static const RE2* const kRe = new RE2(
      R"(^(\p{Lu}[\p{Lu}-]+|\p{Lu}[\pL-]+ ?/ ?\p{Lu}[^()/]*)( ?/ ?\p{Lu}[^()/]*)?$)");
  return *kRe;
}

// A bare agency tag is weaker evidence than a photo word: on real scraped
// news a 55-word paragraph with quoted speech ended in "(ALERT)". Captions
// crediting an agency are shorter and describe a picture, not speech.
constexpr uint32_t kMaxAgencyCaptionWords = 45;

bool EndsWithParenCredit(std::string_view text, uint32_t words) {
  if (text.empty() || text.back() != ')') return false;
  size_t open = text.rfind('(');
  if (open == std::string_view::npos) return false;
  std::string_view inner = text.substr(open + 1, text.size() - open - 2);
  while (!inner.empty() && inner.front() == ' ') inner.remove_prefix(1);
  if (inner.empty() || inner.size() > 80 ||
      inner.find(')') != std::string_view::npos) {
    return false;
  }
  if (RE2::PartialMatch(inner, PhotoWordCredit())) return true;
  std::string_view before = text.substr(0, open);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  if (before.empty() || words > kMaxAgencyCaptionWords ||
      before.find('"') != std::string_view::npos) {
    return false;
  }
  char last = before.back();
  bool after_sentence = last == '.' || last == '!' || last == '?';
  return after_sentence && RE2::FullMatch(inner, AgencyCredit());
}

// Dateline: upper-case place tokens ("ERBIL", "MOSCOW / WASHINGTON",
// "ST. LOUIS", "WINSTON-SALEM"), an optional ", State" or ", Month Day", an
// optional "(Outlet)", then a dash followed by a space. Matched on the line
// as given, with the common Unicode spaces and dashes spelled out.
const RE2& DatelinePattern() {
  static const RE2* const kRe = [] {
    const std::string sp = "[ \\t\\x{00A0}\\x{2009}\\x{202F}]";
    const std::string up =
        "\\p{Lu}[\\p{Lu}\\p{M}'\\x{2019}.]*(?:-\\p{Lu}[\\p{Lu}\\p{M}'\\x{2019}."
        "]*)*";
    const std::string sep = "(?:" + sp + "*[/,&]" + sp + "*|" + sp + "+)";
    const std::string state = "\\p{Lu}[\\pL.]*(?:" + sp + "\\p{Lu}[\\pL.]*)?";
    const std::string date =
        "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?" + sp +
        "+\\d{1,2}";
    const std::string dash = "(?:\\x{2014}|\\x{2013}|\\x{2015}|--|-)";
    return new RE2("(" + sp + "*)(" + up + "(?:" + sep + up + ")*(?:," + sp +
                   "*" + state + ")?)(?:," + sp + "*" + date + ")?(?:" + sp +
                   "*\\(([^()]+)\\))?" + sp + "*" + dash + "(" + sp + "+|$)");
  }();
  return *kRe;
}

// Places on real data have at most three words between separators ("LAKE
// BUENA VISTA, Fla.", "BRIDGEWATER, N.J./WASHINGTON"); longer upper-case
// runs are headlines ("FEDERAL RESERVE MONEY SUPPLY REPORT -"). A dateline
// opens a sentence, so a few words must follow the dash on the same line
// (table titles read "N.Y. TANKERS - April 1").
constexpr size_t kMaxPlaceBytes = 50;
constexpr int kMaxPlaceWords = 4;
constexpr int kMinWordsAfterDateline = 3;

// Most space-separated words in one part of `place` between '/', ',', '&'.
int LongestPlacePart(std::string_view place) {
  int longest = 0, words = 0;
  bool in_word = false;
  for (char c : place) {
    if (c == '/' || c == ',' || c == '&') {
      words = 0;
      in_word = false;
    } else if (c == ' ') {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      longest = std::max(longest, ++words);
    }
  }
  return longest;
}

int CountWords(std::string_view text) {
  int words = 0;
  bool in_word = false;
  for (char c : text) {
    bool space = c == ' ' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// An "(Outlet)" longer than this is a parenthetical, not a credit.
constexpr size_t kMaxOutletBytes = 60;

// Upper-case openers that precede a dash but are labels, not places
// ("UPDATE II - The vote...", "BREAKING -- ...").
bool IsLabelWord(std::string_view place) {
  static const char* const kLabels[] = {
      "UPDATE",      "UPDATED", "UPDATES",    "BREAKING",   "EXCLUSIVE",
      "WATCH",       "LISTEN",  "VIDEO",      "PHOTOS",     "ANALYSIS",
      "OPINION",     "EDITOR",  "EDITOR'S",   "CORRECTION", "CLARIFICATION",
      "NOTE",        "LIVE",    "DEVELOPING", "ALERT",      "FACT",
      "PROGRAMMING", "WARNING", "SPOILER",    "REVIEW",     "EXCERPT",
      "FILE",
  };
  size_t end = place.find_first_of(" ,/&");
  std::string_view first = place.substr(0, end);
  for (const char* label : kLabels) {
    if (first == label) return true;
  }
  return false;
}

// A dateline is followed by a sentence, which does not start in lower case;
// "NPR — along with seven stations — is ..." is a subject and a dash aside.
bool StartsLowerCase(std::string_view rest) {
  if (rest.empty()) return false;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(rest.data()), i,
          static_cast<int32_t>(rest.size()), c);
  return c >= 0 && u_islower(c);
}

// True when the first two words after the dash have no lower-case letter
// ("SOVIET STATE BANK ...", "APRIL 7 us 1.82"): a wire table title or an
// all-caps headline continues, not a story's first sentence, which has a
// lower-case word by its second ("NATO leaders agreed ...").
bool ContinuesInCapitals(std::string_view rest) {
  int words = 0;
  size_t i = 0;
  while (words < 2 && i < rest.size()) {
    while (i < rest.size() && rest[i] == ' ') ++i;
    if (i == rest.size()) break;
    bool lower = false;
    int32_t pos = static_cast<int32_t>(i);
    const int32_t n = static_cast<int32_t>(rest.size());
    while (pos < n && rest[pos] != ' ') {
      UChar32 c;
      U8_NEXT(reinterpret_cast<const uint8_t*>(rest.data()), pos, n, c);
      if (c >= 0 && u_islower(c)) lower = true;
    }
    if (lower) return false;
    ++words;
    i = static_cast<size_t>(pos);
  }
  return words == 2;
}

// Letters in `place`; a lone capital ("I —", "A —") is not a place.
int CountLetters(std::string_view place) {
  int letters = 0;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(place.size());
  const auto* s = reinterpret_cast<const uint8_t*>(place.data());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c >= 0 && u_isalpha(c)) ++letters;
  }
  return letters;
}

}  // namespace

FoldedLine FoldLine(std::string_view line) {
  MappedText normalized = Normalize(line, NormalizeOptions{});
  FoldedLine out;
  bool pending_space = false;
  for (char c : normalized.text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
        c == '\v') {
      pending_space = !out.text.empty();
      continue;
    }
    if (pending_space) out.text.push_back(' ');
    pending_space = false;
    out.text.push_back(c);
  }
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(out.text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(out.text.data());
  bool in_word = false;
  while (i < n) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    ++out.chars;
    if (c >= 0 && u_isalnum(c)) out.has_alnum = true;
    if (c == ' ') {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      ++out.words;
    }
  }
  return out;
}

std::string RepeatKey(const FoldedLine& folded) {
  std::string key = folded.text;
  for (char& c : key) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return key;
}

bool IsBlankFiller(const FoldedLine& folded) { return !folded.has_alnum; }

bool IsFurniture(const FoldedLine& folded) {
  return FurniturePatterns().AnyMatches(folded);
}

bool IsAdvertisement(const FoldedLine& folded) {
  if (folded.words > 6) return false;
  if (folded.text.find_first_of(".!?;\"") != std::string::npos) return false;
  return AdvertisementPatterns().AnyMatches(folded);
}

bool IsCaption(const FoldedLine& folded) {
  if (folded.words > 60) return false;
  if (CaptionLabelPatterns().AnyMatches(folded)) return true;
  // A caption starts like a sentence; a line starting in lower case is the
  // tail of a hard-wrapped paragraph ("dealers said. (ABCD)" reporter codes
  // in wire copy), not a caption.
  return !StartsLowerCase(folded.text) &&
         EndsWithParenCredit(folded.text, folded.words);
}

std::optional<DatelineMatch> MatchDateline(std::string_view line) {
  re2::StringPiece groups[5];
  if (!DatelinePattern().Match(line, 0, line.size(), RE2::ANCHOR_START, groups,
                               5)) {
    return std::nullopt;
  }
  std::string_view place(groups[2].data(), groups[2].size());
  std::string_view rest = line.substr(groups[0].size());
  if (place.size() > kMaxPlaceBytes ||
      LongestPlacePart(place) > kMaxPlaceWords ||
      CountWords(rest) < kMinWordsAfterDateline) {
    return std::nullopt;  // an all-caps headline or table title, not a place
  }
  if (CountLetters(place) < 2 || groups[3].size() > kMaxOutletBytes ||
      IsLabelWord(place) || StartsLowerCase(rest) || ContinuesInCapitals(rest)) {
    return std::nullopt;
  }
  DatelineMatch m;
  m.begin = static_cast<uint32_t>(groups[1].size());
  m.rest = static_cast<uint32_t>(groups[0].size());
  m.end = m.rest - static_cast<uint32_t>(groups[4].size());
  m.place = std::string(place);
  if (groups[3].data() != nullptr) {
    std::string_view outlet(groups[3].data(), groups[3].size());
    while (!outlet.empty() && outlet.front() == ' ') outlet.remove_prefix(1);
    while (!outlet.empty() && outlet.back() == ' ') outlet.remove_suffix(1);
    m.outlet = std::string(outlet);
  }
  return m;
}

}  // namespace clean_internal
}  // namespace twicetold
