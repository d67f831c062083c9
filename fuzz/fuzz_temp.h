// Files for the fuzz targets that read paths: one private folder per
// process, removed at exit.
#ifndef TWICETOLD_FUZZ_FUZZ_TEMP_H_
#define TWICETOLD_FUZZ_FUZZ_TEMP_H_

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
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
// (POSIX calls, not an ofstream: a tenth of a reader target's time went
// to the stream's set-up.)
inline std::string WriteTemp(const char* name, const std::string& bytes) {
  std::string path = TempDir() + "/" + name;
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  FUZZ_CHECK(fd >= 0);
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    FUZZ_CHECK(n > 0);
    done += static_cast<size_t>(n);
  }
  FUZZ_CHECK(close(fd) == 0);
  return path;
}

}  // namespace twicetold::fuzz

#endif  // TWICETOLD_FUZZ_FUZZ_TEMP_H_
