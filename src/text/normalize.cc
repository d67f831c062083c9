#include "twicetold/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cassert>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "text/text_only.h"

namespace twicetold {
namespace {

constexpr UChar32 kReplacement = 0xFFFD;

// What typographic folding turns one code point into.
enum class Fold { kKeep, kDrop, kApostrophe, kQuote, kHyphen, kSpacedDash,
                  kSpace, kNewline, kParagraph, kEllipsis };

Fold FoldOf(UChar32 c) {
  switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
    case 0x2035: case 0x2039: case 0x203A: case 0xFF07:
      return Fold::kApostrophe;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
    case 0x2036: case 0x00AB: case 0x00BB: case 0x301D: case 0x301E:
    case 0xFF02:
      return Fold::kQuote;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212:
    case 0xFE58: case 0xFE63: case 0xFF0D:
      return Fold::kHyphen;
    case 0x2014: case 0x2015: case 0x2E3A: case 0x2E3B:
      return Fold::kSpacedDash;
    case 0x2026:
      return Fold::kEllipsis;
    case 0x2028: case 0x0085:
      return Fold::kNewline;
    case 0x2029:
      return Fold::kParagraph;
    default:
      break;
  }
  if (u_charType(c) == U_SPACE_SEPARATOR) return Fold::kSpace;
  if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) {
    return Fold::kDrop;  // soft hyphen, zero-width space/joiners, BOM, ...
  }
  return Fold::kKeep;
}

bool IsSpaceLike(UChar32 c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
         (c > 0x7F && u_charType(c) == U_SPACE_SEPARATOR);
}

// Appends normalized output while recording, for every output byte, the
// original offset it came from.
class Emitter {
 public:
  // `map` false: to_original stays empty (NormalizeTextOnly); `buffer` is
  // reused for the text.
  Emitter(size_t reserve, bool map, std::string buffer) : map_(map) {
    out_.text = std::move(buffer);
    out_.text.clear();
    out_.text.reserve(reserve);
    if (map_) out_.to_original.reserve(reserve + 1);
  }
  void Byte(char b, uint32_t origin) {
    out_.text.push_back(b);
    if (map_) out_.to_original.push_back(origin);
  }
  void Bytes(std::string_view bytes, uint32_t origin) {
    for (char b : bytes) Byte(b, origin);
  }
  // Appends `bytes` copied one-to-one from original offset `origin` on.
  void Run(std::string_view bytes, uint32_t origin, bool lower) {
    const size_t at = out_.text.size();
    out_.text.append(bytes);
    if (lower) {
      for (size_t k = at; k < out_.text.size(); ++k) {
        char& c = out_.text[k];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
    }
    if (!map_) return;
    out_.to_original.resize(out_.text.size());
    for (size_t k = 0; k < bytes.size(); ++k) {
      out_.to_original[at + k] = origin + static_cast<uint32_t>(k);
    }
  }
  char Last() const { return out_.text.empty() ? '\n' : out_.text.back(); }
  void PopLast() {
    out_.text.pop_back();
    if (map_) out_.to_original.pop_back();
  }
  MappedText Finish(uint32_t end) {
    if (map_) out_.to_original.push_back(end);
    return std::move(out_);
  }

 private:
  const bool map_;
  MappedText out_;
};

class Normalizer {
 public:
  Normalizer(std::string_view in, const NormalizeOptions& options,
             bool map = true, std::string buffer = {})
      : in_(in), options_(options), out_(in.size(), map, std::move(buffer)) {
    UErrorCode status = U_ZERO_ERROR;
    if (options_.case_fold) {
      icu_ = icu::Normalizer2::getNFKCCasefoldInstance(status);
    } else if (options_.nfkc) {
      icu_ = icu::Normalizer2::getNFKCInstance(status);
    }
    if (U_FAILURE(status)) icu_ = nullptr;  // ICU data missing: fold only
  }

  MappedText Run() {
    size_t i = 0;
    while (i < in_.size()) {
      const unsigned char b = static_cast<unsigned char>(in_[i]);
      if (b < 0x80) {
        i = AsciiRun(i);
      } else {
        i = NonAscii(i);
      }
    }
    Flush();
    return out_.Finish(static_cast<uint32_t>(in_.size()));
  }

 private:
  // The fast path: printable ASCII (and '\n') is copied in bulk, with no
  // ICU call; it only has to be case folded when asked.
  size_t AsciiRun(size_t i) {
    size_t end = i;
    while (end < in_.size()) {
      const unsigned char b = static_cast<unsigned char>(in_[end]);
      if (b >= 0x80 || (b < 0x20 && b != '\n')) break;
      ++end;
    }
    if (end == i) return Ascii(i);
    Flush();
    out_.Run(in_.substr(i, end - i), static_cast<uint32_t>(i), options_.case_fold);
    last_ascii_single_ = true;
    last_ascii_origin_ = static_cast<uint32_t>(end - 1);
    return end;
  }

  // One ASCII control character.
  size_t Ascii(size_t i) {
    Flush();
    char c = in_[i];
    const uint32_t origin = static_cast<uint32_t>(i);
    last_ascii_single_ = false;
    if (c == '\r') {
      if (i + 1 < in_.size() && in_[i + 1] == '\n') return i + 1;
      out_.Byte('\n', origin);
      return i + 1;
    }
    if (options_.fold_typography && (c == '\t' || c == '\v' || c == '\f')) {
      c = ' ';
    } else {
      if (options_.case_fold && c >= 'A' && c <= 'Z') {
        c = static_cast<char>(c - 'A' + 'a');
      }
      last_ascii_single_ = true;
      last_ascii_origin_ = origin;
    }
    out_.Byte(c, origin);
    return i + 1;
  }

  UChar32 DecodeAt(size_t i, size_t* next) const {
    int32_t pos = static_cast<int32_t>(i);
    UChar32 c;
    U8_NEXT(in_.data(), pos, static_cast<int32_t>(in_.size()), c);
    *next = static_cast<size_t>(pos);
    return c < 0 ? kReplacement : c;
  }

  size_t NonAscii(size_t i) {
    size_t next;
    const UChar32 c = DecodeAt(i, &next);
    const uint32_t origin = static_cast<uint32_t>(i);
    const Fold fold = options_.fold_typography ? FoldOf(c) : Fold::kKeep;
    if (fold == Fold::kDrop) return next;  // invisible: may sit inside a segment
    if (fold != Fold::kKeep) {
      Flush();
      last_ascii_single_ = false;
      EmitFold(fold, origin, next);
      return next;
    }
    if (icu_ == nullptr || c == kReplacement) {
      Flush();
      last_ascii_single_ = false;
      EmitCodePoint(c, origin);
      return next;
    }
    if (!pending_.isEmpty() && !icu_->hasBoundaryBefore(c)) {
      pending_.append(c);  // a combining mark continues the open segment
      pending_end_ = next;
      return next;
    }
    Flush();
    if (!icu_->hasBoundaryBefore(c) && last_ascii_single_) {
      // Take back the ASCII base so "e" + U+0301 composes to "é".
      pending_start_ = last_ascii_origin_;
      pending_.append(static_cast<UChar32>(in_[last_ascii_origin_]));
      out_.PopLast();
    } else {
      pending_start_ = origin;
    }
    last_ascii_single_ = false;
    pending_.append(c);
    pending_end_ = next;
    return next;
  }

  void EmitCodePoint(UChar32 c, uint32_t origin) {
    char buf[U8_MAX_LENGTH];
    int32_t len = 0;
    UBool error = false;  // cannot happen: c is a valid scalar value
    U8_APPEND(buf, len, U8_MAX_LENGTH, c, error);
    (void)error;
    out_.Bytes(std::string_view(buf, static_cast<size_t>(len)), origin);
  }

  // Normalizes the open segment (a starter and the marks that follow it)
  // and emits it; all its output bytes map to the segment's first byte.
  // NFKC can produce characters that folding changes (U+2034 TRIPLE PRIME
  // becomes three U+2032, U+FE31 an em dash), so its output is folded too
  // and Normalize is idempotent (found by fuzzing, doc/fuzzing.md).
  void Flush() {
    if (pending_.isEmpty()) return;
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString normalized = icu_->normalize(pending_, status);
    const icu::UnicodeString& out = U_SUCCESS(status) ? normalized : pending_;
    for (int32_t k = 0; k < out.length(); k = out.moveIndex32(k, 1)) {
      const UChar32 c = out.char32At(k);
      const Fold fold = options_.fold_typography ? FoldOf(c) : Fold::kKeep;
      if (fold == Fold::kKeep) {
        EmitCodePoint(c, pending_start_);
      } else {
        EmitFold(fold, pending_start_, pending_end_);
      }
    }
    pending_.remove();
  }

  void EmitFold(Fold fold, uint32_t origin, size_t next) {
    switch (fold) {
      case Fold::kDrop: return;
      case Fold::kApostrophe: out_.Byte('\'', origin); return;
      case Fold::kQuote: out_.Byte('"', origin); return;
      case Fold::kHyphen: out_.Byte('-', origin); return;
      case Fold::kSpace: out_.Byte(' ', origin); return;
      case Fold::kNewline: out_.Byte('\n', origin); return;
      case Fold::kParagraph: out_.Bytes("\n\n", origin); return;
      case Fold::kEllipsis: out_.Bytes("...", origin); return;
      case Fold::kSpacedDash: {
        // An em dash joins clauses; spacing it keeps the words around it
        // apart, so "plan—reshaped" and "plan - reshaped" tokenize alike.
        const char last = out_.Last();
        if (last != ' ' && last != '\n') out_.Byte(' ', origin);
        out_.Byte('-', origin);
        if (next < in_.size()) {
          size_t after;
          if (!IsSpaceLike(DecodeAt(next, &after))) out_.Byte(' ', origin);
        }
        return;
      }
      case Fold::kKeep: return;
    }
  }

  std::string_view in_;
  const NormalizeOptions& options_;
  Emitter out_;
  const icu::Normalizer2* icu_ = nullptr;
  icu::UnicodeString pending_;  // open normalization segment
  uint32_t pending_start_ = 0;
  size_t pending_end_ = 0;      // input offset just after the open segment
  bool last_ascii_single_ = false;
  uint32_t last_ascii_origin_ = 0;  // where that ASCII char was  // previous input char was one ASCII output byte
};

}  // namespace

MappedText MappedText::Identity(std::string_view text) {
  MappedText out;
  out.text = std::string(text);
  out.to_original.resize(text.size() + 1);
  // Every byte of a character maps to its first byte. Characters are cut
  // where Normalize cuts them (U8_NEXT), so in ill-formed input each
  // replaced piece is its own character and NormalizeMapped(Identity(x))
  // equals Normalize(x) for any bytes (found by fuzz/fuzz_normalize.cc).
  const int32_t size = static_cast<int32_t>(text.size());
  int32_t pos = 0;
  while (pos < size) {
    const int32_t start = pos;
    UChar32 c;
    U8_NEXT(text.data(), pos, size, c);
    (void)c;
    for (int32_t k = start; k < pos; ++k) out.to_original[k] = start;
  }
  out.to_original[text.size()] = static_cast<uint32_t>(text.size());
  return out;
}

MappedText Normalize(std::string_view input, const NormalizeOptions& options) {
  return Normalizer(input, options).Run();
}

namespace text_internal {

bool NormalizeKeepsText(std::string_view input, const NormalizeOptions& options) {
  if (options.case_fold) return false;
  // Normalizer::AsciiRun copies exactly these bytes unchanged: every byte
  // in [0x20, 0x80) and '\n'. Branch-free over 16-byte blocks.
  const auto* s = reinterpret_cast<const uint8_t*>(input.data());
  const size_t n = input.size();
  size_t i = 0;
  uint32_t bad = 0;
#if defined(__SSE2__)
  const __m128i kLow = _mm_set1_epi8(0x20);  // signed: also catches >= 0x80
  const __m128i kNewline = _mm_set1_epi8('\n');
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    const __m128i low = _mm_andnot_si128(_mm_cmpeq_epi8(v, kNewline), _mm_cmplt_epi8(v, kLow));
    bad |= static_cast<uint32_t>(_mm_movemask_epi8(low));
  }
#endif
  for (; i < n; ++i) bad |= (s[i] < 0x20 && s[i] != '\n') || s[i] >= 0x80;
  return bad == 0;
}

void NormalizeTextOnly(std::string_view input, const NormalizeOptions& options,
                       std::string* out) {
  if (NormalizeKeepsText(input, options)) {
    out->assign(input);
    return;
  }
  *out = Normalizer(input, options, /*map=*/false, std::move(*out)).Run().text;
}

}  // namespace text_internal

MappedText NormalizeMapped(const MappedText& input,
                           const NormalizeOptions& options) {
  MappedText out = Normalize(input.text, options);
  for (uint32_t& origin : out.to_original) {
    origin = input.to_original[origin];
  }
  return out;
}

}  // namespace twicetold
