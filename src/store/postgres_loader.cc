#include "store/postgres_loader.h"

#include <dlfcn.h>
#include <link.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

namespace twicetold::store {
namespace {

namespace fs = std::filesystem;

// The directory of the program or shared object this code is linked into.
// dladdr names a shared object by the path it was loaded from, but the
// program only by argv[0] (maybe a bare name found on PATH): for the
// program (the link map without a name) /proc/self/exe is asked instead.
std::string DirOfThisObject() {
  Dl_info info;
  link_map* map = nullptr;
  if (dladdr1(reinterpret_cast<void*>(&PostgresModuleDirs), &info,
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

// The open entry point of the loaded module at `path`, after the ABI check.
Result<PostgresModuleOpenFn> EntryPoint(void* handle, const std::string& path) {
  auto abi = reinterpret_cast<PostgresModuleAbiFn>(dlsym(handle, kPostgresModuleAbiSymbol));
  auto open = reinterpret_cast<PostgresModuleOpenFn>(dlsym(handle, kPostgresModuleOpenSymbol));
  if (abi == nullptr || open == nullptr) {
    return Unload(handle, FailedPreconditionError(
        path + " is not twicetold's PostgreSQL module (no entry point " +
        kPostgresModuleAbiSymbol + " or " + kPostgresModuleOpenSymbol + ")"));
  }
  const std::string theirs = abi();
  if (theirs != kPostgresModuleAbi) {
    return Unload(handle, FailedPreconditionError(
        path + " is from another build of twicetold: it was built for \"" + theirs +
        "\", this program needs \"" + kPostgresModuleAbi +
        "\" (rebuild it, or point TWICETOLD_MODULE_DIR at this build's)"));
  }
  return open;
}

}  // namespace

std::vector<std::string> PostgresModuleDirs() {
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("TWICETOLD_MODULE_DIR"); env != nullptr && *env != '\0') {
    candidates.emplace_back(env);
  }
  candidates.push_back(DirOfThisObject());
#ifdef TWICETOLD_MODULE_BUILD_DIR
  candidates.emplace_back(TWICETOLD_MODULE_BUILD_DIR);
#endif
  std::vector<std::string> dirs;
  for (const std::string& dir : candidates) {
    if (dir.empty()) continue;
    const std::string normal = fs::path(dir).lexically_normal().string();
    if (std::find(dirs.begin(), dirs.end(), normal) == dirs.end()) dirs.push_back(normal);
  }
  return dirs;
}

Result<PostgresModuleOpenFn> LoadPostgresModule(const std::vector<std::string>& dirs) {
  std::string looked_in;
  std::string last_error = "no directory to look in";
  for (const std::string& dir : dirs) {
    const std::string path = (fs::path(dir) / kPostgresModuleFile).string();
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle != nullptr) return EntryPoint(handle, path);
    const char* error = dlerror();
    last_error = error != nullptr ? error : "dlopen failed";
    std::error_code ec;
    if (fs::exists(path, ec)) {  // there, but broken or missing a library
      return FailedPreconditionError(std::string("PostgreSQL support (") +
                                     kPostgresModuleFile + ") cannot be loaded: " +
                                     last_error);
    }
    looked_in += (looked_in.empty() ? "" : ", ") + dir;
  }
  return NotFoundError(std::string("PostgreSQL support (") + kPostgresModuleFile +
                       ") not found: looked in " +
                       (looked_in.empty() ? "no directory" : looked_in) + " (" + last_error +
                       "); set TWICETOLD_MODULE_DIR to the directory that holds it");
}

}  // namespace twicetold::store
