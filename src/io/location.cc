#include <string>

#include "twicetold/document.h"

namespace twicetold {

std::string Location::ToString() const {
  if (line == 0) return file;
  return file + ":" + std::to_string(line);
}

}  // namespace twicetold
