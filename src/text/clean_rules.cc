#include "text/clean_rules.h"

#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <memory>
#include <vector>

#include "text/word_tokenizer.h"
#include "twicetold/normalize.h"

namespace twicetold {
namespace clean_internal {
namespace {

// A pattern with the longest line (in words) it may remove. The limits keep
// every rule to lines too short to be a reporting paragraph. `needs` lists
// lower-case literals separated by '|', one of which FoldedLine::key of
// every match contains: at its start if `needs` begins with '^', at its end
// if with '$', anywhere otherwise. When none is there the regex is not run,
// which spares most lines every regex. Each list is read off its pattern by
// hand and must stay exact (clean_test checks the rules against the bare
// regexes on random lines).
struct LimitedPattern {
  const char* pattern;
  uint32_t max_words;
  const char* needs = "";
};

bool HasLiteral(std::string_view key, std::string_view literal, char where) {
  switch (where) {
    case '^':
      return key.substr(0, literal.size()) == literal;
    case '$':
      return key.size() >= literal.size() &&
             key.substr(key.size() - literal.size()) == literal;
    default:
      return key.find(literal) != std::string_view::npos;
  }
}

// True if `key` holds one of the literals in `needs` (or `needs` is empty).
bool HasNeededLiteral(std::string_view key, std::string_view needs) {
  if (needs.empty()) return true;
  char where = needs.front();
  if (where == '^' || where == '$') needs.remove_prefix(1);
  while (true) {
    size_t bar = needs.find('|');
    if (HasLiteral(key, needs.substr(0, bar), where)) return true;
    if (bar == std::string_view::npos) return false;
    needs.remove_prefix(bar + 1);
  }
}

class PatternList {
 public:
  explicit PatternList(std::initializer_list<LimitedPattern> patterns) {
    for (const LimitedPattern& p : patterns) {
      entries_.push_back(
          {std::make_unique<RE2>(p.pattern), p.max_words, p.needs});
    }
  }
  bool AnyMatches(const FoldedLine& folded) const {
    for (const Entry& e : entries_) {
      if (folded.words <= e.max_words &&
          (folded.exotic_case || HasNeededLiteral(folded.key, e.needs)) &&
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
    std::string_view needs;
  };
  std::vector<Entry> entries_;
};

const PatternList& FurniturePatterns() {
  // Matched against folded text: quotes are ASCII, dashes '-', spaces single.
  static const PatternList* const kList = new PatternList({
      {R"((?i)^story continue[sd] below\b)", 6, "^story continue"},
      {R"((?i)\b(please )?(enable|turn on|activate) javascript\b)", 40,
       "javascript"},
      {R"((?i)^javascript is (disabled|required|not enabled)\b)", 40,
       "^javascript is "},
      {R"((?i)^click here\b)", 30, "^click here"},
      {R"((?i)^(sign up|subscribe)\b.*\bnewsletters?\b)", 30, "^sign up|subscribe"},
      {R"((?i)^manage (your )?newsletters?$)", 4, "^manage "},
      {R"((?i)^subscribe (now|today|here)\b)", 15, "^subscribe "},
      {R"((?i)^(copyright|©|\(c\)) ?(©|\(c\))? ?\d{4}\b)", 30,
       "^copyright|©|(c)"},
      {R"((?i)\ball rights reserved\.?$)", 20, "$all rights reserved|all rights reserved."},
      {R"((?i)^(read more|also read|read also|see also) ?(:|-|\.\.\.|$))", 30,
       "^read more|also read|read also|see also"},
      {R"((?i)^share (this (article|story|page|post)|on (facebook|twitter|x|whatsapp|linkedin|email|e-mail))\b)",
       12, "^share "},
      {R"((?i)^follow us\b)", 20, "^follow us"},
      {R"((?i)^follow \S+( \S+)? on (twitter|facebook|instagram|x|tiktok|linkedin|telegram|youtube|threads|bluesky)\b)",
       20, "^follow "},
      {R"((?i)^this (article|story|piece|post|column|report) (was|is|has been) (originally|first) (published|posted|appeared)\b)",
       40, "^this "},
      {R"((?i) contributed (reporting )?to this (report|story|article)\.?$)",
       20, "$report|report.|story|story.|article|article."},
  });
  return *kList;
}

const PatternList& AdvertisementPatterns() {
  // Misspellings are common in scraped ad slots ("Advertisment").
  static const PatternList* const kList = new PatternList({
      {R"((?i)\badverti[sz]e?m[ea]?nts?\b)", 6, "adverti"},
      {R"((?i)^(sponsored|ads?|adverts?|promoted)$)", 1},
      {R"((?i)\bsponsored (content|post|links?|stories|articles?)\b)", 6,
       "sponsored "},
      {R"((?i)^sponsored by\b)", 6, "^sponsored by"},
      {R"((?i)\b(paid (content|post|partnership)|promoted (content|stories)|ad feedback)\b)",
       6, "paid |promoted |ad feedback"},
  });
  return *kList;
}

const PatternList& CaptionLabelPatterns() {
  static const PatternList* const kList = new PatternList({
      {R"((?i)^(photo|photograph|image|picture|pic|credit|caption|photo credit|image credit|file photo|file image)s?( ?[:|]| [-/] ))",
       60, "^photo|image|pic|credit|caption|file"},
      {R"((?i)^file (photo|image|picture)\b)", 60, "^file "},
      {R"(/ ?\p{Lu}[^/]*\b(Images|Photos?|Pictures|IMAGES|PHOTOS?)$)", 60,
       "$images|photo|photos|pictures"},
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


// Byte tables for the fold fast path.
constexpr std::array<bool, 256> MakeAsciiAlnum() {
  std::array<bool, 256> t{};
  for (int c = '0'; c <= '9'; ++c) t[c] = true;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = t[c - 'a' + 'A'] = true;
  return t;
}
constexpr std::array<bool, 256> kAsciiAlnum = MakeAsciiAlnum();

// The whitespace FoldLine collapses (Normalize turns "\r" into "\n").
inline bool IsFoldSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

// What Normalize makes of the typographic character at the start of `rest`
// (non-ASCII), in collapsed-space form, with its length in bytes; length 0
// if it is not one of the few handled here. Normalize folds each of them on
// its own, before NFKC (FoldOf in normalize.cc), so with no other non-ASCII
// character in the line no ICU segment is ever open. An em dash becomes
// " - " or "-" with spaces only where none are next to it: the same once
// spaces are collapsed.
struct Typographic {
  size_t length = 0;
  std::string_view folded;
};

Typographic FoldTypographic(std::string_view rest) {
  const auto b = [&](size_t i) {
    return i < rest.size() ? static_cast<uint8_t>(rest[i]) : 0;
  };
  if (b(0) == 0xC2 && b(1) == 0xA0) return {2, " "};  // NBSP
  if (b(0) != 0xE2 || b(1) != 0x80) return {};
  switch (b(2)) {
    case 0x98: case 0x99: return {3, "'"};    // U+2018, U+2019
    case 0x9C: case 0x9D: return {3, "\""};   // U+201C, U+201D
    case 0x93: return {3, "-"};               // U+2013 en dash
    case 0x94: return {3, " - "};             // U+2014 em dash
    case 0xA6: return {3, "..."};             // U+2026 ellipsis
    default: return {};
  }
}

// Collapses spaces into a buffer of known size (every fold above is no
// longer than its input), counting words and looking for letters.
// Branch-free: every byte is written at the end of the output, which
// advances except on a space after a space (or before the first word);
// one trailing space is dropped by size(). Branchy code mispredicted on
// nearly every space of the lines that take this path (curly quotes).
class CollapsingWriter {
 public:
  explicit CollapsingWriter(char* out) : out_(out) {}
  void Put(char c) {
    const bool space =
        c == ' ' || static_cast<uint8_t>(c - '\t') < 5;  // IsFoldSpace
    out_[size_] = space ? ' ' : c;
    size_ += !(space & prev_space_);
    words_ += !space & prev_space_;
    has_alnum_ |= kAsciiAlnum[static_cast<uint8_t>(c)];
    prev_space_ = space;
  }
  size_t size() const { return size_ - (size_ > 0 && prev_space_); }
  uint32_t words() const { return words_; }
  bool has_alnum() const { return has_alnum_; }

 private:
  char* const out_;
  size_t size_ = 0;
  uint32_t words_ = 0;
  bool prev_space_ = true;  // the start acts as a space
  bool has_alnum_ = false;
};

// Counts over a line for FoldPlainAsciiLine.
struct PlainScan {
  bool plain = true;   // no byte < 0x20 or >= 0x80, no two spaces in a row
  uint32_t spaces = 0;
  bool alnum = false;
};

// The scan byte by byte; also finishes the SSE2 scan's last partial block.
// `prev_space` tells whether the byte before s[0] was a space.
void ScanPlainScalar(const uint8_t* s, size_t n, bool prev_space, PlainScan* scan) {
  uint8_t high = 0;
  uint32_t doubled = 0, controls = 0, alnum = 0;
  for (size_t i = 0; i < n; ++i) {
    const uint8_t c = s[i];
    const bool space = c == ' ';
    high |= c;
    scan->spaces += space;
    doubled += space & prev_space;
    prev_space = space;
    controls += c < 0x20;
    alnum += static_cast<uint8_t>((c | 0x20) - 'a') < 26 ||
             static_cast<uint8_t>(c - '0') < 10;
  }
  scan->plain &= high < 0x80 && controls == 0 && doubled == 0;
  scan->alnum |= alnum != 0;
}

// The same scan, 16 bytes at a time: the line is usually a whole paragraph
// (a generated or JSON-lines body without line breaks is one line), and the
// scalar loop is a fifth of dedup's time on such text.
PlainScan ScanPlain(const uint8_t* s, size_t n) {
  PlainScan scan;
  size_t i = 0;
#if defined(__SSE2__)
  const __m128i kSpace = _mm_set1_epi8(' ');
  const __m128i kLow = _mm_set1_epi8(0x20);  // signed: also catches >= 0x80
  const __m128i kCase = _mm_set1_epi8(0x20);
  const __m128i kBeforeA = _mm_set1_epi8('a' - 1), kAfterZ = _mm_set1_epi8('z' + 1);
  const __m128i kBefore0 = _mm_set1_epi8('0' - 1), kAfter9 = _mm_set1_epi8('9' + 1);
  uint32_t carry = 0, bad = 0, alnum = 0;
  // Spaces are counted in 16 byte lanes (each compare adds 0 or 1), summed
  // before a lane can overflow: std::popcount is a library call without
  // -mpopcnt.
  __m128i lanes = _mm_setzero_si128();
  const auto sum_lanes = [&] {
    const __m128i sums = _mm_sad_epu8(lanes, _mm_setzero_si128());
    scan.spaces += static_cast<uint32_t>(_mm_cvtsi128_si32(sums) +
                                         _mm_cvtsi128_si32(_mm_srli_si128(sums, 8)));
    lanes = _mm_setzero_si128();
  };
  for (size_t blocks = 0; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    const __m128i is_space = _mm_cmpeq_epi8(v, kSpace);
    const uint32_t space = static_cast<uint32_t>(_mm_movemask_epi8(is_space));
    bad |= static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmplt_epi8(v, kLow)));
    bad |= space & ((space << 1) | carry);  // a space after a space
    carry = space >> 15;
    lanes = _mm_sub_epi8(lanes, is_space);
    if (++blocks % 255 == 0) sum_lanes();
    const __m128i lower = _mm_or_si128(v, kCase);
    const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(lower, kBeforeA),
                                         _mm_cmplt_epi8(lower, kAfterZ));
    const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, kBefore0),
                                        _mm_cmplt_epi8(v, kAfter9));
    alnum |= static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(letter, digit)));
  }
  sum_lanes();
  scan.plain = bad == 0;
  scan.alnum = alnum != 0;
  ScanPlainScalar(s + i, n - i, i > 0 && s[i - 1] == ' ', &scan);
#else
  ScanPlainScalar(s, n, false, &scan);
#endif
  return scan;
}

// The commonest line of all: printable ASCII with single spaces between
// words and none at either end. Then folding changes nothing and the counts
// come from one pass (ScanPlain).
bool FoldPlainAsciiLine(std::string_view line, FoldedLine* out) {
  const size_t n = line.size();
  if (n == 0 || line.front() == ' ' || line.back() == ' ') return false;
  const PlainScan scan = ScanPlain(reinterpret_cast<const uint8_t*>(line.data()), n);
  if (!scan.plain) return false;
  out->text.assign(line);
  out->words = scan.spaces + 1;
  out->chars = static_cast<uint32_t>(n);
  out->has_alnum = scan.alnum;
  out->exotic_case = false;
  return true;
}

// The fast path of FoldLineInto: a line of ASCII and FoldTypographic
// characters, folded with byte tables. Returns false (leaving `out` in an
// unspecified state) on any other character.
bool FoldTypographicLine(std::string_view line, FoldedLine* out) {
  if (FoldPlainAsciiLine(line, out)) return true;
  out->text.resize(line.size());
  CollapsingWriter writer(out->text.data());
  for (size_t i = 0; i < line.size();) {
    const char c = line[i];
    if (static_cast<uint8_t>(c) < 0x80) {
      writer.Put(c);
      ++i;
      continue;
    }
    const Typographic t = FoldTypographic(line.substr(i));
    if (t.length == 0) return false;
    for (char f : t.folded) writer.Put(f);
    i += t.length;
  }
  out->text.resize(writer.size());
  out->words = writer.words();
  out->chars = static_cast<uint32_t>(writer.size());
  out->has_alnum = writer.has_alnum();
  out->exotic_case = false;
  return true;
}

// The general path: Normalize, collapse spaces, count with ICU properties.
void FoldLineWithIcu(std::string_view line, FoldedLine* out) {
  const MappedText normalized = Normalize(line, NormalizeOptions{});
  out->text.clear();
  out->words = out->chars = 0;
  out->has_alnum = false;
  bool pending_space = false;
  for (char c : normalized.text) {
    if (IsFoldSpace(c)) {
      pending_space = !out->text.empty();
      continue;
    }
    if (pending_space) out->text.push_back(' ');
    pending_space = false;
    out->text.push_back(c);
  }
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(out->text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(out->text.data());
  bool in_word = false;
  while (i < n) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    ++out->chars;
    if (c >= 0 && u_isalnum(c)) out->has_alnum = true;
    if (c == ' ') {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      ++out->words;
    }
  }
  out->exotic_case =
      out->text.find("\u017f") != std::string::npos ||
      out->text.find("\u212a") != std::string::npos;
}

}  // namespace

void FoldLineInto(std::string_view line, FoldedLine* out) {
  if (!FoldTypographicLine(line, out)) FoldLineWithIcu(line, out);
  const size_t n = out->text.size();
  out->key.resize(n);
  LowerAscii(out->text.data(), n, out->key.data());
}

FoldedLine FoldLine(std::string_view line) {
  FoldedLine out;
  FoldLineInto(line, &out);
  return out;
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

// Exact prefilter for DatelinePattern(): the place starts, after ASCII
// spaces, with an upper-case letter, and the character after an ASCII
// capital can only be a capital, one of "'.-/,&( \t" or non-ASCII; never a
// lower-case ASCII letter or a digit. So "The ..." or "In 2020 ..." cannot
// match, and most lines skip the regex.
bool MayStartDateline(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  if (i == line.size()) return false;
  const uint8_t first = static_cast<uint8_t>(line[i]);
  if (first >= 0x80) return true;
  if (first < 'A' || first > 'Z') return false;
  if (i + 1 == line.size()) return true;
  const char next = line[i + 1];
  return !((next >= 'a' && next <= 'z') || (next >= '0' && next <= '9'));
}

bool DatelineRegexMatches(std::string_view line) {
  return DatelinePattern().Match(line, 0, line.size(), RE2::ANCHOR_START,
                                 nullptr, 0);
}

std::optional<DatelineMatch> MatchDateline(std::string_view line) {
  if (!MayStartDateline(line)) return std::nullopt;
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
