#include "reference/icu_tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/rbbi.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>

namespace twicetold::reference {
namespace {

// UTF-16 text plus, for every UTF-16 index, the UTF-8 byte offset.
struct Utf16Text {
  icu::UnicodeString text;
  std::vector<uint32_t> byte_at;  // text.length() + 1 entries
};

Utf16Text ToUtf16(std::string_view utf8) {
  Utf16Text out;
  out.text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  // Re-walk the UTF-8 one code point at a time to build the index map.
  uint32_t byte = 0;
  for (int32_t i = 0; i < out.text.length();) {
    UChar32 cp = out.text.char32At(i);
    int32_t units = U16_LENGTH(cp);
    std::string piece;
    icu::UnicodeString(cp).toUTF8String(piece);
    for (int32_t u = 0; u < units; ++u) out.byte_at.push_back(byte);
    byte += static_cast<uint32_t>(piece.size());
    i += units;
  }
  out.byte_at.push_back(byte);
  return out;
}

std::unique_ptr<icu::BreakIterator> Iterator(bool words) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      words ? icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(),
                                                     status)
            : icu::BreakIterator::createSentenceInstance(
                  icu::Locale::getEnglish(), status));
  return U_FAILURE(status) ? nullptr : std::move(it);
}

}  // namespace

std::vector<Span> IcuWordSpans(std::string_view text) {
  std::vector<Span> out;
  Utf16Text u = ToUtf16(text);
  auto it = Iterator(/*words=*/true);
  if (!it) return out;
  it->setText(u.text);
  int32_t begin = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE;
       begin = end, end = it->next()) {
    if (it->getRuleStatus() != UBRK_WORD_NONE) {
      out.push_back({u.byte_at[begin], u.byte_at[end]});
    }
  }
  return out;
}

std::vector<Token> IcuTokenize(std::string_view text) {
  std::vector<Span> spans = IcuWordSpans(text);
  // "2.5%": a '%' right after a span ending in an ASCII digit.
  for (Span& s : spans) {
    char last = text[s.end - 1];
    if (s.end < text.size() && text[s.end] == '%' && last >= '0' &&
        last <= '9') {
      s.end += 1;
    }
  }
  // "28-point": spans separated by exactly one '-'.
  std::vector<Span> joined;
  for (Span s : spans) {
    if (!joined.empty() && joined.back().end + 1 == s.begin &&
        text[joined.back().end] == '-') {
      joined.back().end = s.end;
    } else {
      joined.push_back(s);
    }
  }
  std::vector<Token> out;
  for (Span s : joined) {
    Utf16Text first = ToUtf16(s.In(text));
    bool digit = u_isdigit(first.text.char32At(0));
    out.push_back({s, digit ? TokenKind::kNumber : TokenKind::kWord});
  }
  return out;
}

std::vector<uint32_t> IcuSentenceBreaks(std::string_view text) {
  std::string copy(text);
  for (char& c : copy) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  std::vector<uint32_t> out;
  Utf16Text u = ToUtf16(copy);
  auto it = Iterator(/*words=*/false);
  if (!it) return out;
  it->setText(u.text);
  it->first();
  for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next()) {
    if (b > 0 && b < u.text.length()) out.push_back(u.byte_at[b]);
  }
  return out;
}

}  // namespace twicetold::reference
