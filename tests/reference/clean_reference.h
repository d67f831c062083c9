// Slow, obviously-correct reference for clean_internal::FoldLine
// (src/text/clean_rules.h): the line is Normalize()d as a whole through ICU,
// whitespace runs are collapsed to one space and trimmed, and every code
// point is counted and tested with u_isalnum. The fast paths in FoldLine
// (ASCII lines, typographic characters folded by table) must agree with it
// on every input.
#ifndef TWICETOLD_TESTS_REFERENCE_CLEAN_REFERENCE_H_
#define TWICETOLD_TESTS_REFERENCE_CLEAN_REFERENCE_H_

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "twicetold/normalize.h"

namespace twicetold::reference {

struct FoldedLine {
  std::string text;  // normalized, spaces collapsed, trimmed
  std::string key;   // text, ASCII-lowercased
  uint32_t words = 0;
  uint32_t chars = 0;
  bool has_alnum = false;
};

inline FoldedLine FoldLine(std::string_view line) {
  const std::string normalized = Normalize(line, NormalizeOptions{}).text;
  FoldedLine out;
  bool pending_space = false;
  for (char c : normalized) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
        c == '\v') {
      pending_space = !out.text.empty();
      continue;
    }
    if (pending_space) out.text.push_back(' ');
    pending_space = false;
    out.text.push_back(c);
  }
  for (char c : out.text) {
    out.key.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a')
                                           : c);
  }
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(out.text.size());
  bool in_word = false;
  while (i < n) {
    UChar32 c;
    U8_NEXT(out.text.data(), i, n, c);
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

}  // namespace twicetold::reference

#endif  // TWICETOLD_TESTS_REFERENCE_CLEAN_REFERENCE_H_
