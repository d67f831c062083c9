#include "page_files.h"

#include <filesystem>
#include <fstream>
#include <string_view>
#include <system_error>

namespace twicetold::cli {

PageWriter PageFilesUnder(const std::string& root) {
  return [root = std::filesystem::path(root)](
             std::string_view path, std::string_view content) -> Status {
    const std::filesystem::path file = root / std::filesystem::path(path);
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    if (ec) return IOError("cannot create " + file.parent_path().string());
    std::ofstream out(file, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    if (!out) return IOError("cannot write " + file.string());
    return Status::Ok();
  };
}

}  // namespace twicetold::cli
