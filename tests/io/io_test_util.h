// Helpers for the io tests: a temporary folder, fixture writers and
// in-test compressors (fixtures are generated at test time, never stored).
#ifndef TWICETOLD_TESTS_IO_IO_TEST_UTIL_H_
#define TWICETOLD_TESTS_IO_IO_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <zlib.h>
#include <zstd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "twicetold/io.h"

namespace twicetold::testing {

// A fresh folder under $TMPDIR, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "twicetold_io_XXXXXX").string();
    char* made = mkdtemp(pattern.data());
    EXPECT_NE(made, nullptr);
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  // Absolute path of `name` inside the folder.
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Writes `bytes` to `path`, creating parent folders. Returns the path.
inline std::string WriteFile(const std::string& path, const std::string& bytes) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  EXPECT_TRUE(out.good()) << path;
  return path;
}

// One complete gzip member holding `bytes`.
inline std::string Gzip(const std::string& bytes) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&z, bytes.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// One zstd frame holding `bytes`.
inline std::string Zstd(const std::string& bytes) {
  std::string out(ZSTD_compressBound(bytes.size()), '\0');
  size_t n = ZSTD_compress(out.data(), out.size(), bytes.data(), bytes.size(), 3);
  EXPECT_FALSE(ZSTD_isError(n));
  out.resize(n);
  return out;
}

// The invariant every read must keep.
inline void ExpectCountsAddUp(const ReadResult& r) {
  EXPECT_EQ(r.summary.read, r.summary.accepted + r.summary.skipped + r.summary.rejected);
  EXPECT_EQ(r.summary.accepted, r.articles.size());
  EXPECT_EQ(r.summary.rejected, r.rejected.size());
}

// ReadAll that must succeed, with the count check applied.
inline ReadResult MustRead(const std::vector<std::string>& paths,
                           const ReadOptions& options = ReadOptions()) {
  Result<ReadResult> result = ReadAll(paths, options);
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  if (!result.ok()) return ReadResult();
  ExpectCountsAddUp(*result);
  return std::move(result).value();
}

}  // namespace twicetold::testing

#endif  // TWICETOLD_TESTS_IO_IO_TEST_UTIL_H_
