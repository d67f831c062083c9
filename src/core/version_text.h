// Numbers in model and fingerprint version strings: the shortest text that
// reads back as the same value, so that any change of an option changes
// the string ("%.2f" would name 0.2 and 0.201 alike).
#ifndef TWICETOLD_CORE_VERSION_TEXT_H_
#define TWICETOLD_CORE_VERSION_TEXT_H_

#include <charconv>
#include <string>

namespace twicetold::core {

inline std::string VersionNumber(double value) {
  char buf[32];
  const std::to_chars_result r = std::to_chars(buf, buf + sizeof buf, value);
  return std::string(buf, r.ptr);
}

}  // namespace twicetold::core

#endif  // TWICETOLD_CORE_VERSION_TEXT_H_
