// Finds and loads libtwicetold_postgres.so (postgres_module.h), the module
// that holds the PostgreSQL store, so that the library itself does not link
// libpq. Internal to src/store: OpenStore calls these once per process.
#ifndef TWICETOLD_STORE_POSTGRES_LOADER_H_
#define TWICETOLD_STORE_POSTGRES_LOADER_H_

#include <string>
#include <vector>

#include "store/postgres_module.h"
#include "twicetold/status.h"

namespace twicetold::store {

// The directories to look for the module in, in order, without repeats:
// $TWICETOLD_MODULE_DIR when set and not empty; the directory of the
// executable or shared object this library is linked into (the twicetold
// program's, the Python extension's); the build tree's directory where
// CMake puts the module (TWICETOLD_MODULE_BUILD_DIR, when compiled in).
std::vector<std::string> PostgresModuleDirs();

// Loads kPostgresModuleFile from the first of `dirs` that holds it
// (dlopen, RTLD_NOW | RTLD_LOCAL; never unloaded), checks that it was
// built with this library's kPostgresModuleAbi and returns its open entry
// point. Errors, each naming the module file: kNotFound when no directory
// holds it (the directories and dlopen's reason); kFailedPrecondition when
// the first one found cannot be loaded (dlerror's text), lacks the entry
// points, or comes from another build (both ABI strings). Thread-safe.
Result<PostgresModuleOpenFn> LoadPostgresModule(const std::vector<std::string>& dirs);

}  // namespace twicetold::store

#endif  // TWICETOLD_STORE_POSTGRES_LOADER_H_
