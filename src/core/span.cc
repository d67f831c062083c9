#include "twicetold/span.h"

namespace twicetold {

CodePointIndex::CodePointIndex(std::string_view utf8)
    : cp_at_byte_(utf8.size() + 1) {
  uint32_t cp = 0;
  for (size_t i = 0; i < utf8.size(); ++i) {
    // A continuation byte (10xxxxxx) belongs to the code point before it.
    const bool continuation =
        (static_cast<unsigned char>(utf8[i]) & 0xC0) == 0x80;
    if (!continuation && i > 0) ++cp;
    cp_at_byte_[i] = cp;
  }
  cp_at_byte_[utf8.size()] = utf8.empty() ? 0 : cp + 1;
}

}  // namespace twicetold
