#include "text/word_tokenizer.h"

#include "text/ascii_tokens.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>

namespace twicetold {
namespace {

// UAX #29 word-break classes of the ASCII characters that matter. Everything
// else (spaces, controls, other punctuation) is "Other" and always breaks.
// ICU 72 removes ':' from MidLetter (CLDR root tailoring), so "a:b" is two
// words, and adds '@' to ALetter.
enum WordClass : uint8_t {
  kOther,
  kLetter,     // ALetter
  kDigit,      // Numeric
  kUnder,      // ExtendNumLet
  kMidNumLet,  // '.' (MidNumLet) and '\'' (Single_Quote): letters or digits
  kMidNum,     // ',' ';': only between digits
};

constexpr std::array<uint8_t, 256> MakeWordClasses() {
  std::array<uint8_t, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLetter;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kLetter;
  t['@'] = kLetter;  // ICU 72 adds '@' to ALetter (keeps e-mail addresses)
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigit;
  t['_'] = kUnder;
  t['.'] = kMidNumLet;
  t['\''] = kMidNumLet;
  t[','] = kMidNum;
  t[';'] = kMidNum;
  return t;
}
constexpr std::array<uint8_t, 256> kWordClass = MakeWordClasses();

inline uint8_t ClassOf(char c) {
  return kWordClass[static_cast<unsigned char>(c)];
}
inline bool IsWordChar(uint8_t cls) { return cls >= kLetter && cls <= kUnder; }

// WB6/WB7 (letter Mid letter) and WB11/WB12 (digit Mid digit).
inline bool JoinsAcross(uint8_t before, uint8_t mid, uint8_t after) {
  if (mid == kMidNumLet) {
    return (before == kLetter && after == kLetter) ||
           (before == kDigit && after == kDigit);
  }
  return mid == kMidNum && before == kDigit && after == kDigit;
}

icu::BreakIterator* ThreadWordIterator() {
  thread_local std::unique_ptr<icu::BreakIterator> iterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(),
                                               status));
    if (U_FAILURE(status)) it.reset();
    return it;
  }();
  return iterator.get();
}

bool StartsWithDigit(std::string_view text, uint32_t pos) {
  unsigned char c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) return c >= '0' && c <= '9';
  UChar32 cp;
  int32_t i = static_cast<int32_t>(pos);
  U8_NEXT(text.data(), i, static_cast<int32_t>(text.size()), cp);
  return cp >= 0 && u_isdigit(cp);
}

}  // namespace

const std::string_view kFastPathSymbols[10] = {
    "\u00a3", "\u20ac", "\u00a5", "\u00a2", "\u00b0",
    "\u2022", "\u00a7", "\u00b1", "\u00d7", "\u00f7"};

bool FastPathApplies(std::string_view text) {
  if (IsAscii(text)) return true;
  for (size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t matched = 0;
    for (std::string_view symbol : kFastPathSymbols) {
      if (text.substr(i, symbol.size()) == symbol) matched = symbol.size();
    }
    if (matched == 0) return false;
    i += matched;
  }
  return true;
}

bool IsAscii(std::string_view text) {
  // An OR-reduction, no early exit on purpose; explicit SSE2 because at -O2
  // the compiler kept the byte loop scalar (3% of dedup's time).
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  unsigned char acc = 0;
#if defined(__SSE2__)
  __m128i wide = _mm_setzero_si128();
  for (; i + 16 <= n; i += 16) {
    wide = _mm_or_si128(wide, _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i)));
  }
  acc = _mm_movemask_epi8(wide) != 0 ? 0x80 : 0;
#endif
  for (; i < n; ++i) acc |= s[i];
  return acc < 0x80;
}

void LowerAscii(const char* text, size_t n, char* out) {
  size_t i = 0;
#if defined(__SSE2__)
  // Explicit SSE2: at -O2 the compiler leaves the byte loop scalar (text
  // and out might alias), and a line is often a whole paragraph.
  const __m128i kBeforeA = _mm_set1_epi8('A' - 1), kAfterZ = _mm_set1_epi8('Z' + 1);
  const __m128i kCase = _mm_set1_epi8(0x20);
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text + i));
    const __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(v, kBeforeA), _mm_cmplt_epi8(v, kAfterZ));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i),
                     _mm_or_si128(v, _mm_and_si128(upper, kCase)));
  }
#endif
  for (; i < n; ++i) {
    const char c = text[i];
    out[i] = static_cast<char>(c | (static_cast<uint8_t>(c - 'A') < 26 ? 0x20 : 0));
  }
}

void AppendAsciiWordSpansScalar(std::string_view text, std::vector<Span>* out) {
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    if (!IsWordChar(ClassOf(text[i]))) {
      ++i;
      continue;
    }
    const size_t start = i;
    while (true) {
      while (i < n && IsWordChar(ClassOf(text[i]))) ++i;
      if (i + 1 < n && JoinsAcross(ClassOf(text[i - 1]), ClassOf(text[i]),
                                   ClassOf(text[i + 1]))) {
        i += 2;
        continue;
      }
      break;
    }
    // ICU gives a lone ExtendNumLet ("_") rule status "none".
    if (i - start == 1 && text[start] == '_') continue;
    out->push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(i)});
  }
}

void AppendAsciiWordSpans(std::string_view text, std::vector<Span>* out) {
  text_internal::ForEachAsciiWordSpan(text, [out](uint32_t begin, uint32_t end) {
    out->push_back({begin, end});
  });
}

void AppendIcuWordSpans(std::string_view text, std::vector<Span>* out) {
  icu::BreakIterator* it = ThreadWordIterator();
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = nullptr;
  if (it != nullptr) {
    ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()),
                        &status);
    if (U_SUCCESS(status)) it->setText(ut, status);
  }
  if (it == nullptr || U_FAILURE(status)) {
    if (ut != nullptr) utext_close(ut);
    AppendAsciiWordSpans(text, out);
    return;
  }
  int32_t begin = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE;
       begin = end, end = it->next()) {
    if (it->getRuleStatus() >= UBRK_WORD_NONE_LIMIT) {
      out->push_back(
          {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
    }
  }
  // The iterator keeps a shallow clone of `ut` that still points at `text`;
  // it is never read again before the next setText, so that is harmless.
  utext_close(ut);
}

void JoinWordSpans(std::string_view text, const std::vector<Span>& raw,
                   uint32_t offset, std::vector<Token>* out) {
  const size_t first = out->size();
  uint32_t prev_end = 0;  // unshifted end of the last token of this call
  for (Span s : raw) {
    uint32_t end = s.end;
    if (end < text.size() && text[end] == '%' && text[end - 1] >= '0' &&
        text[end - 1] <= '9') {
      ++end;
    }
    if (out->size() > first && prev_end + 1 == s.begin &&
        text[prev_end] == '-') {
      out->back().span.end = end + offset;
    } else {
      Token token;
      token.span = {s.begin + offset, end + offset};
      token.kind = StartsWithDigit(text, s.begin) ? TokenKind::kNumber
                                                  : TokenKind::kWord;
      out->push_back(token);
    }
    prev_end = end;
  }
}

namespace {

// True if UAX #29 puts a word boundary at `pos` that no rule looks across:
// after a space or a line feed (WB3a, WB3d aside) and before an ASCII
// character other than a space, which is never Extend, Format or ZWJ
// (WB4) nor a space (WB3d). Then the segments on either side of `pos` are
// the same whether the text is broken whole or cut in two there.
inline bool IsHardCut(std::string_view text, size_t pos) {
  const char before = text[pos - 1];
  const auto after = static_cast<unsigned char>(text[pos]);
  return (before == ' ' || before == '\n') && after < 0x80 && after != ' ';
}

// Appends the raw word spans of `text[begin, end)`, shifted to offsets in
// `text`, through whichever path gives ICU's answer on that stretch.
void AppendStretchSpans(std::string_view text, size_t begin, size_t end,
                        std::vector<Span>* out) {
  if (begin == end) return;
  const std::string_view stretch = text.substr(begin, end - begin);
  const size_t first = out->size();
  if (FastPathApplies(stretch)) {
    AppendAsciiWordSpans(stretch, out);
  } else {
    AppendIcuWordSpans(stretch, out);
  }
  for (size_t k = first; k < out->size(); ++k) {
    (*out)[k].begin += static_cast<uint32_t>(begin);
    (*out)[k].end += static_cast<uint32_t>(begin);
  }
}

// Raw word spans of any text: ICU runs only on the stretches around
// non-ASCII characters, each widened to the hard cuts (IsHardCut) on either
// side, and the ASCII fast path takes everything between. News text that
// still has an accented name or a non-ASCII symbol after normalization thus costs a few
// short ICU calls instead of one over the whole text.
void AppendWordSpansByStretch(std::string_view text, std::vector<Span>* out) {
  const size_t n = text.size();
  size_t done = 0;  // spans of text[0, done) are in `out`; done is a cut
  size_t i = 0;
  while (true) {
    while (i < n && static_cast<unsigned char>(text[i]) < 0x80) ++i;
    if (i == n) break;
    size_t begin = i;
    while (begin > done && !IsHardCut(text, begin)) --begin;
    size_t end = i + 1;
    while (end < n && !IsHardCut(text, end)) ++end;
    AppendStretchSpans(text, done, begin, out);
    AppendStretchSpans(text, begin, end, out);
    done = i = end;
  }
  AppendStretchSpans(text, done, n, out);
}

}  // namespace

void AppendTokens(std::string_view text, uint32_t offset, bool fast_path,
                  std::vector<Span>* scratch, std::vector<Token>* out) {
  scratch->clear();
  if (fast_path) {
    AppendAsciiWordSpans(text, scratch);
  } else {
    AppendWordSpansByStretch(text, scratch);
  }
  // Joins only merge spans, so this is all the room `out` needs; growing
  // at least geometrically keeps repeated calls (Segment, block by block)
  // linear.
  const size_t needed = out->size() + scratch->size();
  if (needed > out->capacity()) {
    out->reserve(std::max(needed, 2 * out->capacity()));
  }
  JoinWordSpans(text, *scratch, offset, out);
}

}  // namespace twicetold
