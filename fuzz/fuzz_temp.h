// Files for the fuzz targets that read paths: one private folder per
// process, removed at exit.
#ifndef TWICETOLD_FUZZ_FUZZ_TEMP_H_
#define TWICETOLD_FUZZ_FUZZ_TEMP_H_

#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "fuzz_check.h"

namespace twicetold::fuzz {

inline const std::string& TempDir() {
  static const std::string* dir = [] {
    std::string tmpl =
        (std::filesystem::temp_directory_path() / "twicetold_fuzz_XXXXXX").string();
    FUZZ_CHECK(mkdtemp(tmpl.data()) != nullptr);
    std::atexit([] { std::filesystem::remove_all(TempDir()); });
    return new std::string(tmpl);
  }();
  return *dir;
}

// Writes `bytes` to TempDir()/name and returns the path.
inline std::string WriteTemp(const char* name, const std::string& bytes) {
  const std::string path = TempDir() + "/" + name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  FUZZ_CHECK(out.good());
  return path;
}

}  // namespace twicetold::fuzz

#endif  // TWICETOLD_FUZZ_FUZZ_TEMP_H_
