#include "text/sentence_splitter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <memory>
#include <string>

namespace twicetold {
namespace {

// UAX #29 sentence-break classes of ASCII characters. Line breaks are Sp
// because the ICU path replaces them with spaces (see the header).
enum SentenceClass : uint8_t {
  kOther,
  kSp,      // space, \t \n \v \f \r
  kClose,   // " ' ( ) [ ] { }
  kATerm,   // .
  kSTerm,   // ! ?
  kSCont,   // , - :
  kUpper,   // A-Z
  kLower,   // a-z
  kNumeric  // 0-9
};

constexpr std::array<uint8_t, 256> MakeSentenceClasses() {
  std::array<uint8_t, 256> t{};
  for (char c : {' ', '\t', '\n', '\v', '\f', '\r'}) t[c] = kSp;
  for (char c : {'"', '\'', '(', ')', '[', ']', '{', '}'}) t[c] = kClose;
  // Bytes >= 0x80 stay kOther: only FilterSentenceBreaks sees them.
  t['.'] = kATerm;
  t['!'] = kSTerm;
  t['?'] = kSTerm;
  for (char c : {',', '-', ':'}) t[c] = kSCont;  // not ';' in ICU 72
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kUpper;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLower;
  for (int c = '0'; c <= '9'; ++c) t[c] = kNumeric;
  return t;
}
constexpr std::array<uint8_t, 256> kSentenceClass = MakeSentenceClasses();

inline uint8_t SClassOf(char c) {
  return kSentenceClass[static_cast<unsigned char>(c)];
}
inline bool IsSATerm(uint8_t cls) { return cls == kATerm || cls == kSTerm; }
inline bool IsLetter(uint8_t cls) { return cls == kUpper || cls == kLower; }

// Whether UAX #29 allows a break at `m`, the end of "SATerm Close* Sp*"
// whose terminator is at `term`.
// Rules SB6, SB7, SB8 and SB8a; SB9-SB11 put the break at `m`.
bool AsciiBreakAt(std::string_view s, size_t term, size_t m) {
  const uint8_t next = SClassOf(s[m]);
  if (next == kSCont || IsSATerm(next)) return false;  // SB8a
  if (SClassOf(s[term]) != kATerm) return true;
  if (m == term + 1) {
    if (next == kNumeric) return false;  // SB6: "3.4"
    if (term > 0 && IsLetter(SClassOf(s[term - 1])) && next == kUpper) {
      return false;  // SB7: "U.S"
    }
  }
  // SB8: the first letter or terminator ahead is lowercase: "Dec. 2 at".
  for (size_t p = m; p < s.size(); ++p) {
    const uint8_t cls = SClassOf(s[p]);
    if (IsLetter(cls) || IsSATerm(cls)) return cls != kLower;
  }
  return true;
}

icu::BreakIterator* ThreadSentenceIterator() {
  thread_local std::unique_ptr<icu::BreakIterator> iterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(),
                                                   status));
    if (U_FAILURE(status)) it.reset();
    return it;
  }();
  return iterator.get();
}

// Abbreviations after which a period does not end a sentence (matched
// case-sensitively, as the whole letter run before the '.'). Company
// suffixes ("Inc.", "Corp.") are left out on purpose: in news they usually
// end a sentence when followed by a capital.
constexpr std::array<std::string_view, 48> kAbbreviations = {
    "Adm", "Ald",  "Apr",  "Aug",  "Brig",   "Capt", "Cdr", "Cmdr",
    "Col", "Cpl",  "Dec",  "Det",  "Dr",     "Feb",  "Fr",  "Ft",
    "Gen", "Gens", "Gov",  "Hon",  "Insp",   "Jan",  "Jr",  "Jul",
    "Jun", "Lt",   "Maj",  "Mar",  "Messrs", "Mr",   "Mrs", "Ms",
    "Mt",  "Nov",  "Oct",  "Pres", "Prof",   "Pvt",  "Rep", "Reps",
    "Rev", "Sen",  "Sens", "Sep",  "Sept",   "Sgt",  "Sr",  "St"};

bool IsAbbreviation(std::string_view word) {
  static_assert(std::is_sorted(kAbbreviations.begin(), kAbbreviations.end()));
  return std::binary_search(kAbbreviations.begin(), kAbbreviations.end(), word);
}

// "J." or "U.S.": one or more single capitals each followed by '.'.
bool IsInitials(std::string_view run) {
  if (run.size() < 2 || run.size() % 2 != 0) return false;
  for (size_t i = 0; i < run.size(); i += 2) {
    if (SClassOf(run[i]) != kUpper || run[i + 1] != '.') return false;
  }
  return true;
}

bool IsSpace(char c) { return SClassOf(c) == kSp; }

// True if the candidate break at `pos` follows an abbreviation or initials
// whose '.' is the last non-space character before `pos`.
bool AfterAbbreviation(std::string_view s, size_t pos) {
  size_t dot = pos;
  while (dot > 0 && IsSpace(s[dot - 1])) --dot;
  if (dot == 0 || s[dot - 1] != '.') return false;
  --dot;
  size_t start = dot;
  while (start > 0 &&
         (s[start - 1] == '.' || IsLetter(SClassOf(s[start - 1])))) {
    --start;
  }
  if (start > 0 && static_cast<unsigned char>(s[start - 1]) >= 0x80) {
    return false;  // part of a non-ASCII word
  }
  if (IsInitials(s.substr(start, dot + 1 - start))) return true;
  std::string_view word = s.substr(start, dot - start);
  if (word == "No" || word == "Nos") {
    return pos < s.size() && s[pos] >= '0' && s[pos] <= '9';  // "No. 10"
  }
  return IsAbbreviation(word);
}

bool StartsLowercase(std::string_view s, size_t pos) {
  unsigned char c = static_cast<unsigned char>(s[pos]);
  if (c < 0x80) return SClassOf(s[pos]) == kLower;
  UChar32 cp;
  int32_t i = static_cast<int32_t>(pos);
  U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), cp);
  return cp >= 0 && u_islower(cp);
}

}  // namespace

void AppendAsciiSentenceBreaks(std::string_view s, std::vector<uint32_t>* out) {
  const size_t n = s.size();
  for (size_t i = 0; i < n; ++i) {
    if (!IsSATerm(SClassOf(s[i]))) continue;
    size_t k = i + 1;
    while (k < n && SClassOf(s[k]) == kClose) ++k;
    size_t m = k;
    while (m < n && SClassOf(s[m]) == kSp) ++m;
    if (m < n && AsciiBreakAt(s, i, m)) {
      out->push_back(static_cast<uint32_t>(m));
    }
    i = k - 1;  // a Close cannot start another "SATerm ..." run
  }
}

void AppendIcuSentenceBreaks(std::string_view block,
                             std::vector<uint32_t>* out) {
  icu::BreakIterator* it = ThreadSentenceIterator();
  if (it == nullptr) return;
  thread_local std::string buffer;
  buffer.assign(block);
  for (char& c : buffer) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, buffer.data(),
                             static_cast<int64_t>(buffer.size()), &status);
  if (U_SUCCESS(status)) it->setText(ut, status);
  if (U_SUCCESS(status)) {
    it->first();
    for (int32_t b = it->next(); b != icu::BreakIterator::DONE;
         b = it->next()) {
      if (b > 0 && static_cast<size_t>(b) < block.size()) {
        out->push_back(static_cast<uint32_t>(b));
      }
    }
  }
  if (ut != nullptr) utext_close(ut);
}

// A candidate is dropped when
//   - an odd number of '"' precede it in the block and another '"' follows
//     (inside a quotation that closes in this block: a quotation spanning
//     sentences stays whole; an unclosed one, as in multi-paragraph quotes,
//     does not swallow the block);
//   - the next sentence would start with a lowercase letter (ICU breaks
//     after "?" or "!" even in '"Why?" he asked');
//   - the text before it ends in initials ("J.", "U.S."), a listed
//     abbreviation ("Mr.", "Gen.", "Dec."), or "No." before a digit.
void FilterSentenceBreaks(std::string_view block,
                          std::vector<uint32_t>* breaks) {
  if (breaks->empty()) return;
  const size_t total_quotes = std::count(block.begin(), block.end(), '"');
  size_t quotes_before = 0;
  size_t scanned = 0;
  size_t kept = 0;
  for (uint32_t pos : *breaks) {
    quotes_before +=
        std::count(block.begin() + scanned, block.begin() + pos, '"');
    scanned = pos;
    // Inside a quotation that closes later in this block.
    const bool in_quote =
        quotes_before % 2 == 1 && total_quotes > quotes_before;
    if (in_quote || StartsLowercase(block, pos) ||
        AfterAbbreviation(block, pos)) {
      continue;
    }
    (*breaks)[kept++] = pos;
  }
  breaks->resize(kept);
}

void AppendSentences(std::string_view block, uint32_t offset,
                     uint32_t block_index, bool fast_path,
                     std::vector<uint32_t>* scratch,
                     std::vector<Sentence>* out) {
  scratch->clear();
  if (fast_path) {
    AppendAsciiSentenceBreaks(block, scratch);
  } else {
    AppendIcuSentenceBreaks(block, scratch);
  }
  FilterSentenceBreaks(block, scratch);
  scratch->push_back(static_cast<uint32_t>(block.size()));
  uint32_t begin = 0;
  for (uint32_t end : *scratch) {
    uint32_t b = begin, e = end;
    while (b < e && IsSpace(block[b])) ++b;
    while (e > b && IsSpace(block[e - 1])) --e;
    if (b < e) out->push_back({{b + offset, e + offset}, block_index});
    begin = end;
  }
}

}  // namespace twicetold
