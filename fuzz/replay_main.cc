// Runs a fuzz target's LLVMFuzzerTestOneInput over files without libFuzzer,
// so the seed and regression corpora are replayed by `make test` in a normal
// (gcc) build. Usage: fuzz_replay_<name> <file or folder>...
// Folders are read recursively, in sorted order; hidden files are skipped.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> ListInputs(const fs::path& arg) {
  std::vector<fs::path> out;
  if (!fs::is_directory(arg)) return {arg};
  for (const fs::directory_entry& e : fs::recursive_directory_iterator(arg)) {
    if (!e.is_regular_file()) continue;
    if (e.path().filename().string().rfind('.', 0) == 0) continue;
    out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool RunOne(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    return false;
  }
  std::string bytes((std::istreambuf_iterator<char>(in)),
                    std::istreambuf_iterator<char>());
  // A copy of exactly `size` bytes, so ASan in fuzz builds sees overreads.
  std::vector<uint8_t> data(bytes.begin(), bytes.end());
  LLVMFuzzerTestOneInput(data.data(), data.size());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s <file or folder>...\n", argv[0]);
    return 2;
  }
  size_t count = 0;
  for (int i = 1; i < argc; ++i) {
    for (const fs::path& path : ListInputs(argv[i])) {
      if (!RunOne(path)) return 1;
      ++count;
    }
  }
  if (count == 0) {
    std::fprintf(stderr, "no inputs found\n");
    return 1;
  }
  std::printf("replayed %zu inputs\n", count);
  return 0;
}
