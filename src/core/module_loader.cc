#include "core/module_loader.h"

#include <dlfcn.h>
#include <link.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

namespace twicetold::core {
namespace {

namespace fs = std::filesystem;

// The directory of the program or shared object this code is linked into.
// dladdr names a shared object by the path it was loaded from, but the
// program only by argv[0] (maybe a bare name found on PATH): for the
// program (the link map without a name) /proc/self/exe is asked instead.
std::string DirOfThisObject() {
  Dl_info info;
  link_map* map = nullptr;
  if (dladdr1(reinterpret_cast<void*>(&ModuleDirs), &info,
              reinterpret_cast<void**>(&map), RTLD_DL_LINKMAP) == 0 ||
      map == nullptr) {
    return "";
  }
  std::error_code ec;
  fs::path object = map->l_name != nullptr && map->l_name[0] != '\0'
                        ? fs::path(map->l_name)
                        : fs::read_symlink("/proc/self/exe", ec);
  if (ec || object.empty()) return "";
  object = fs::absolute(object, ec);
  return ec ? "" : object.parent_path().string();
}

// Unloads `handle` (nothing of it is in use yet) and returns `status`.
Status Unload(void* handle, Status status) {
  dlclose(handle);
  return status;
}

// The entry point of the loaded module at `path`, after the ABI check.
Result<void*> EntryPoint(const ModuleSpec& spec, void* handle, const std::string& path) {
  using AbiFn = const char* (*)();
  auto abi = reinterpret_cast<AbiFn>(dlsym(handle, spec.abi_symbol));
  void* entry = dlsym(handle, spec.entry_symbol);
  if (abi == nullptr || entry == nullptr) {
    return Unload(handle, FailedPreconditionError(
        path + " is not twicetold's " + spec.name + " (no entry point " + spec.abi_symbol +
        " or " + spec.entry_symbol + ")"));
  }
  const std::string theirs = abi();
  if (theirs != spec.abi) {
    return Unload(handle, FailedPreconditionError(
        path + " is from another build of twicetold: it was built for \"" + theirs +
        "\", this program needs \"" + spec.abi +
        "\" (rebuild it, or point TWICETOLD_MODULE_DIR at this build's)"));
  }
  return entry;
}

}  // namespace

std::vector<std::string> ModuleDirs(const std::string& build_dir) {
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("TWICETOLD_MODULE_DIR"); env != nullptr && *env != '\0') {
    candidates.emplace_back(env);
  }
  candidates.push_back(DirOfThisObject());
  candidates.push_back(build_dir);
  std::vector<std::string> dirs;
  for (const std::string& dir : candidates) {
    if (dir.empty()) continue;
    const std::string normal = fs::path(dir).lexically_normal().string();
    if (std::find(dirs.begin(), dirs.end(), normal) == dirs.end()) dirs.push_back(normal);
  }
  return dirs;
}

Result<void*> LoadModule(const ModuleSpec& spec, const std::vector<std::string>& dirs) {
  std::string looked_in;
  std::string last_error = "no directory to look in";
  for (const std::string& dir : dirs) {
    const std::string path = (fs::path(dir) / spec.file).string();
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle != nullptr) return EntryPoint(spec, handle, path);
    const char* error = dlerror();
    last_error = error != nullptr ? error : "dlopen failed";
    std::error_code ec;
    if (fs::exists(path, ec)) {  // there, but broken or missing a library
      return FailedPreconditionError(std::string(spec.what) + " (" + spec.file +
                                     ") cannot be loaded: " + last_error);
    }
    looked_in += (looked_in.empty() ? "" : ", ") + dir;
  }
  return NotFoundError(std::string(spec.what) + " (" + spec.file + ") not found: looked in " +
                       (looked_in.empty() ? "no directory" : looked_in) + " (" + last_error +
                       "); set TWICETOLD_MODULE_DIR to the directory that holds it");
}

}  // namespace twicetold::core
