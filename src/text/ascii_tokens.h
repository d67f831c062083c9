// Private: the word tokens of ASCII text handed to a callback one by one,
// with no span or token vector in between (the fingerprint's fused path,
// FingerprintArticle on pure-ASCII text).
//
//   - ForEachAsciiWordSpan: the raw UAX #29 word segments of
//     AppendAsciiWordSpans (which is this with push_back), SSE2 64 bytes at
//     a time;
//   - ForEachAsciiToken: those segments joined as JoinWordSpans joins them
//     ("2.5%", "28-point"): the spans of AppendTokens(text, 0, true, ...).
//
// Both give the same answer on a copy of the text with ASCII capitals
// lowered (LowerAscii): lowering maps letters to letters and leaves every
// other byte as it is, and the classes below only tell letters from
// non-letters. tests/text/tokenizer_test.cc checks both against the vector
// paths on random text.
#ifndef TWICETOLD_SRC_TEXT_ASCII_TOKENS_H_
#define TWICETOLD_SRC_TEXT_ASCII_TOKENS_H_

#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "text/word_tokenizer.h"
#include "twicetold/span.h"

namespace twicetold::text_internal {

// ALetter (ASCII letters and '@') and Numeric, byte by byte.
inline bool IsAsciiLetterClass(char c) {
  const unsigned char u = static_cast<unsigned char>(c) | 0x20;
  return (u >= 'a' && u <= 'z') || c == '@';
}
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

#if defined(__SSE2__)

// Bit i of each mask describes byte i of a 64-byte chunk.
struct AsciiChunkMasks {
  uint64_t letter, digit, under, mid_num_let, mid_num;
};

inline uint64_t AsciiMask16(__m128i eq, int shift) {
  return static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(eq)))
         << shift;
}

// Bytes in [lo, lo + count) as a signed compare on bytes shifted by 0x80.
inline __m128i AsciiInRange(__m128i v, char lo, char count) {
  const __m128i shifted =
      _mm_sub_epi8(v, _mm_set1_epi8(static_cast<char>(lo + 0x80)));
  return _mm_cmplt_epi8(shifted,
                        _mm_set1_epi8(static_cast<char>(-128 + count)));
}

inline __m128i AsciiEq(__m128i v, char c) {
  return _mm_cmpeq_epi8(v, _mm_set1_epi8(c));
}

// UAX #29 classes (word_tokenizer.cc): ALetter = ASCII letters and '@';
// Numeric = digits; ExtendNumLet = '_'; MidNumLet = '.' and '\'';
// MidNum = ',' and ';'.
inline AsciiChunkMasks ClassifyAsciiChunk(const char* p) {
  AsciiChunkMasks m{};
  for (int k = 0; k < 4; ++k) {
    const __m128i v =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    const __m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
    const __m128i letter =
        _mm_or_si128(AsciiInRange(lower, 'a', 26), AsciiEq(v, '@'));
    m.letter |= AsciiMask16(letter, 16 * k);
    m.digit |= AsciiMask16(AsciiInRange(v, '0', 10), 16 * k);
    m.under |= AsciiMask16(AsciiEq(v, '_'), 16 * k);
    m.mid_num_let |=
        AsciiMask16(_mm_or_si128(AsciiEq(v, '.'), AsciiEq(v, '\'')), 16 * k);
    m.mid_num |=
        AsciiMask16(_mm_or_si128(AsciiEq(v, ','), AsciiEq(v, ';')), 16 * k);
  }
  return m;
}

// out[0, 64) = p[0, 64) with ASCII capitals lowered (LowerAscii).
inline void LowerAsciiChunk(const char* p, char* out) {
  const __m128i kBeforeA = _mm_set1_epi8('A' - 1), kAfterZ = _mm_set1_epi8('Z' + 1);
  const __m128i kCase = _mm_set1_epi8(0x20);
  for (int k = 0; k < 4; ++k) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    const __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(v, kBeforeA), _mm_cmplt_epi8(v, kAfterZ));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + 16 * k),
                     _mm_or_si128(v, _mm_and_si128(upper, kCase)));
  }
}

// Calls f(begin, end) for each raw word segment of `text`, in order: what
// AppendAsciiWordSpans appends. With `lowered` (room for text.size()
// bytes), also writes LowerAscii(text) there in the same pass, each chunk
// before the segments ending in it are handed over: f may read
// lowered[begin, end). A byte is part of a word if it is a word
// character or a Mid character joined by its two neighbours (WB6/7,
// WB11/12); words are the runs of such bytes, less a lone '_' (ICU gives it
// rule status "none"). Branches cost one per word instead of one per byte.
// Precondition: FastPathApplies(text).
template <typename F>
inline void ForEachAsciiWordSpan(std::string_view text, F&& f, char* lowered = nullptr) {
  const size_t n = text.size();
  uint64_t carry_letter = 0, carry_digit = 0, carry_word = 0;
  bool in_run = false;
  size_t run_start = 0;
  alignas(16) char tail[80] = {};
  for (size_t base = 0; base < n; base += 64) {
    const char* p = text.data() + base;
    if (n - base < 65) {  // also need byte 64 below: copy the tail
      std::memcpy(tail, p, n - base);
      p = tail;
    }
    if (lowered != nullptr) {
      if (p == tail) {
        alignas(16) char low[64];
        LowerAsciiChunk(p, low);
        std::memcpy(lowered + base, low, n - base);
      } else {
        LowerAsciiChunk(p, lowered + base);
      }
    }
    const AsciiChunkMasks m = ClassifyAsciiChunk(p);
    const char next = p[64];
    const uint64_t prev_l = (m.letter << 1) | carry_letter;
    const uint64_t prev_d = (m.digit << 1) | carry_digit;
    const uint64_t next_l =
        (m.letter >> 1) | (uint64_t{IsAsciiLetterClass(next)} << 63);
    const uint64_t next_d =
        (m.digit >> 1) | (uint64_t{IsAsciiDigit(next)} << 63);
    const uint64_t both_d = prev_d & next_d;
    const uint64_t joined =
        (m.mid_num_let & ((prev_l & next_l) | both_d)) | (m.mid_num & both_d);
    const uint64_t word = m.letter | m.digit | m.under | joined;
    uint64_t edges = word ^ ((word << 1) | carry_word);
    while (edges != 0) {
      const size_t pos = base + static_cast<size_t>(__builtin_ctzll(edges));
      edges &= edges - 1;
      if (pos >= n) break;
      if (!in_run) {
        run_start = pos;
      } else if (!(pos - run_start == 1 && text[run_start] == '_')) {
        f(static_cast<uint32_t>(run_start), static_cast<uint32_t>(pos));
      }
      in_run = !in_run;
    }
    carry_letter = m.letter >> 63;
    carry_digit = m.digit >> 63;
    carry_word = word >> 63;
  }
  if (in_run && !(n - run_start == 1 && text[run_start] == '_')) {
    f(static_cast<uint32_t>(run_start), static_cast<uint32_t>(n));
  }
}

#else

template <typename F>
inline void ForEachAsciiWordSpan(std::string_view text, F&& f, char* lowered = nullptr) {
  if (lowered != nullptr) LowerAscii(text.data(), text.size(), lowered);
  thread_local std::vector<Span> spans;
  spans.clear();
  AppendAsciiWordSpansScalar(text, &spans);
  for (const Span& s : spans) f(s.begin, s.end);
}

#endif  // __SSE2__

// Calls f(begin, end) for each token of `text`: the spans of
// AppendTokens(text, 0, /*fast_path=*/true, ...), in order. The joins of
// JoinWordSpans: a '%' right after a segment ending in an ASCII digit joins
// it, and segments separated by exactly one '-' join. A token is handed
// over once the next segment shows it cannot grow. Precondition:
// FastPathApplies(text). `lowered` as for ForEachAsciiWordSpan: f may read
// lowered[begin, end).
template <typename F>
inline void ForEachAsciiToken(std::string_view text, F&& f, char* lowered = nullptr) {
  const char* s = text.data();
  const size_t n = text.size();
  bool have = false;
  uint32_t token_begin = 0, token_end = 0;
  ForEachAsciiWordSpan(text, [&](uint32_t begin, uint32_t end) {
    if (end < n && s[end] == '%' && IsAsciiDigit(s[end - 1])) ++end;
    if (have && token_end + 1 == begin && s[token_end] == '-') {
      token_end = end;
      return;
    }
    if (have) f(token_begin, token_end);
    token_begin = begin;
    token_end = end;
    have = true;
  }, lowered);
  if (have) f(token_begin, token_end);
}

}  // namespace twicetold::text_internal

#endif  // TWICETOLD_SRC_TEXT_ASCII_TOKENS_H_
