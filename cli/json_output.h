// JSON helpers for front ends: spans become [begin, end] in Unicode code
// points, the unit every twicetold JSON output speaks.
#ifndef TWICETOLD_CLI_JSON_OUTPUT_H_
#define TWICETOLD_CLI_JSON_OUTPUT_H_

#include <nlohmann/json.hpp>
#include <string>

#include "twicetold/span.h"

namespace twicetold::cli {

// Objects keep the order fields are written in, so output reads naturally.
using Json = nlohmann::ordered_json;

inline Json SpanJson(const CodePointIndex& index, Span byte_span) {
  const Span cp = index.Convert(byte_span);
  return Json::array({cp.begin, cp.end});
}

// One line of JSON; invalid UTF-8 (never expected: inputs are validated) is
// replaced rather than thrown on.
inline std::string JsonLine(const Json& value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace twicetold::cli

#endif  // TWICETOLD_CLI_JSON_OUTPUT_H_
