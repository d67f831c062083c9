// A test fixture: a libtwicetold_postgres.so "from another build", with the
// module's entry points but another ABI string (tests.cmake compiles it
// with TWICETOLD_STORE_ABI="another-build"). The loader must refuse it
// before calling its open entry point.
#include <cstddef>
#include <memory>

#include "store/postgres_module.h"

extern "C" {

__attribute__((visibility("default"))) const char* twicetold_postgres_module_abi() {
  return twicetold::store::kPostgresModuleAbi;
}

__attribute__((visibility("default"))) void twicetold_postgres_module_open(
    const char*, size_t, twicetold::Result<std::unique_ptr<twicetold::Store>>* out) {
  // Inline constructors only: the fixture links nothing of the library.
  *out = twicetold::Status(twicetold::StatusCode::kInternal, "the stale module was called");
}

}  // extern "C"
