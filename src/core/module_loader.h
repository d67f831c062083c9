// Finds and loads one of twicetold's loadable modules: a shared object
// beside the program that holds code most runs never need, together with
// the libraries only it links (libpq for PostgreSQL stores, cpp-httplib and
// OpenSSL for `twicetold serve`), so that other runs do not pay for loading
// and relocating them. Each module exports two extern "C" functions: one
// returning the ABI string it was built with, one entry point.
#ifndef TWICETOLD_CORE_MODULE_LOADER_H_
#define TWICETOLD_CORE_MODULE_LOADER_H_

#include <string>
#include <vector>

#include "twicetold/status.h"

namespace twicetold::core {

struct ModuleSpec {
  const char* file;          // "libtwicetold_postgres.so"
  const char* what;          // "PostgreSQL support": starts the error messages
  const char* name;          // "PostgreSQL module": "is not twicetold's <name>"
  const char* abi_symbol;    // returns the module's ABI string
  const char* abi;           // the ABI string this side was compiled with
  const char* entry_symbol;  // the entry point
};

// The directories to look for modules in, in order, without repeats:
// $TWICETOLD_MODULE_DIR when set and not empty; the directory of the
// executable or shared object this library is linked into (the twicetold
// program's, the Python extension's); `build_dir` when not empty (where
// CMake puts the modules in the build tree).
std::vector<std::string> ModuleDirs(const std::string& build_dir);

// Loads spec.file from the first of `dirs` that holds it (dlopen, RTLD_NOW
// | RTLD_LOCAL; never unloaded), checks that its ABI string equals
// spec.abi and returns its entry point. Errors, each naming the module
// file: kNotFound when no directory holds it (the directories and dlopen's
// reason, and TWICETOLD_MODULE_DIR); kFailedPrecondition when the first one
// found cannot be loaded (dlerror's text), lacks the entry points, or comes
// from another build (both ABI strings). Thread-safe.
Result<void*> LoadModule(const ModuleSpec& spec, const std::vector<std::string>& dirs);

}  // namespace twicetold::core

#endif  // TWICETOLD_CORE_MODULE_LOADER_H_
