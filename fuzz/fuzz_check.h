// Shared helpers for the fuzz targets: a check macro that aborts with a
// message (so libFuzzer records the input as a crash, and the corpus
// replay test fails), and the contract checks several targets share.
#ifndef TWICETOLD_FUZZ_FUZZ_CHECK_H_
#define TWICETOLD_FUZZ_FUZZ_CHECK_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "twicetold/normalize.h"
#include "twicetold/span.h"

// Not assert(): it must stay on in release builds.
#define FUZZ_CHECK(cond)                                                   \
  do {                                                                     \
    if (!(cond)) {                                                         \
      std::fprintf(stderr, "%s:%d: FUZZ_CHECK failed: %s\n", __FILE__,     \
                   __LINE__, #cond);                                       \
      std::abort();                                                        \
    }                                                                      \
  } while (0)

namespace twicetold::fuzz {

// Strict UTF-8 (RFC 3629: no overlongs, no surrogates, <= U+10FFFF).
inline bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const uint8_t c = static_cast<uint8_t>(s[i]);
    size_t n = 0;
    uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if (c >= 0xC2 && c <= 0xDF) {
      n = 1, cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2, cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3, cp = c & 0x07;
    } else {
      return false;
    }
    if (i + n >= s.size()) return false;  // truncated
    for (size_t k = 1; k <= n; ++k) {
      const uint8_t cc = static_cast<uint8_t>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += n + 1;
  }
  return true;
}

// True if `pos` (0 <= pos <= s.size()) is not inside a UTF-8 character.
inline bool IsCharBoundary(std::string_view s, size_t pos) {
  return pos == s.size() ||
         (static_cast<uint8_t>(s[pos]) & 0xC0) != 0x80;
}

// The MappedText contract of normalize.h, for a map into an original of
// `original_size` bytes: one entry per byte plus one, non-decreasing, ending
// at the original's end (or, with `may_drop_tail`, as for a cleaned body
// whose trailing lines were cut, at most there), bytes of one character
// mapping together, and the text valid UTF-8.
inline void CheckMappedText(const MappedText& m, size_t original_size,
                            bool may_drop_tail = false) {
  FUZZ_CHECK(m.to_original.size() == m.text.size() + 1);
  if (may_drop_tail) {
    FUZZ_CHECK(m.to_original.back() <= original_size);
  } else {
    FUZZ_CHECK(m.to_original.back() == original_size);
  }
  for (size_t i = 0; i + 1 < m.to_original.size(); ++i) {
    FUZZ_CHECK(m.to_original[i] <= m.to_original[i + 1]);
    if (!IsCharBoundary(m.text, i)) {
      FUZZ_CHECK(m.to_original[i] == m.to_original[i - 1]);
    }
  }
  FUZZ_CHECK(IsValidUtf8(m.text));
}

// Every entry of the map lands on a character boundary of `original`.
inline void CheckMapBoundaries(const MappedText& m, std::string_view original) {
  for (uint32_t pos : m.to_original) {
    FUZZ_CHECK(pos <= original.size());
    FUZZ_CHECK(IsCharBoundary(original, pos));
  }
}

// A span inside a text of `size` bytes.
inline void CheckSpan(Span span, size_t size) {
  FUZZ_CHECK(span.begin <= span.end);
  FUZZ_CHECK(span.end <= size);
}

}  // namespace twicetold::fuzz

#endif  // TWICETOLD_FUZZ_FUZZ_CHECK_H_
