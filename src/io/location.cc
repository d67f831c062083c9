#include <algorithm>
#include <string>

#include "twicetold/document.h"

namespace twicetold {

std::string Location::ToString() const {
  if (line == 0) return file;
  return file + ":" + std::to_string(line);
}

}  // namespace twicetold

namespace twicetold {

uint32_t OriginalOffset(const std::vector<SourceRun>& body_map,
                        uint32_t body_offset) {
  // The last run starting at or before body_offset.
  auto it = std::upper_bound(
      body_map.begin(), body_map.end(), body_offset,
      [](uint32_t offset, const SourceRun& run) { return offset < run.body; });
  if (it == body_map.begin()) return 0;
  --it;
  if (body_offset < it->body + it->length) return it->original + (body_offset - it->body);
  return it->original + it->length;
}

}  // namespace twicetold
