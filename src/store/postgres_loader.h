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

// core::ModuleDirs with the build tree's directory where CMake puts the
// module (TWICETOLD_MODULE_BUILD_DIR, when compiled in): $TWICETOLD_MODULE_DIR,
// the directory of the program or Python extension, then that one.
std::vector<std::string> PostgresModuleDirs();

// core::LoadModule for kPostgresModuleFile, checked against this library's
// kPostgresModuleAbi: its open entry point, or LoadModule's errors
// (kNotFound, kFailedPrecondition), each starting "PostgreSQL support
// (libtwicetold_postgres.so)" or naming the module's path. Thread-safe.
Result<PostgresModuleOpenFn> LoadPostgresModule(const std::vector<std::string>& dirs);

}  // namespace twicetold::store

#endif  // TWICETOLD_STORE_POSTGRES_LOADER_H_
