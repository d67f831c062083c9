// Span: a half-open byte range [begin, end) into some text, and the
// conversion from byte offsets to Unicode code-point offsets used at the
// JSON and Python edge.
#ifndef TWICETOLD_SPAN_H_
#define TWICETOLD_SPAN_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace twicetold {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  std::string_view In(std::string_view text) const {
    return text.substr(begin, end - begin);
  }
  friend bool operator==(const Span&, const Span&) = default;
};

// Converts byte offsets of one UTF-8 text into code-point offsets. Built once
// per text in O(n); each lookup is O(1). The text must outlive nothing: only
// its length and lead-byte positions are kept. A byte offset inside a
// multi-byte character maps to that character's code-point index.
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view utf8);

  // Code-point offset of byte offset `byte` (0 <= byte <= text size).
  uint32_t At(uint32_t byte) const { return cp_at_byte_[byte]; }
  Span Convert(Span byte_span) const {
    return {At(byte_span.begin), At(byte_span.end)};
  }

 private:
  std::vector<uint32_t> cp_at_byte_;  // text size + 1 entries
};

}  // namespace twicetold

#endif  // TWICETOLD_SPAN_H_
