// The entry points of libtwicetold_postgres.so (postgres_module.h). Only
// these two are exported: the module is compiled with hidden visibility.
#include <cstddef>
#include <memory>
#include <string>
#include <type_traits>

#include "store/postgres_module.h"
#include "store/postgres_store.h"

extern "C" {

__attribute__((visibility("default"))) const char* twicetold_postgres_module_abi() {
  return twicetold::store::kPostgresModuleAbi;
}

__attribute__((visibility("default"))) void twicetold_postgres_module_open(
    const char* url, size_t url_size,
    twicetold::Result<std::unique_ptr<twicetold::Store>>* out) {
  *out = twicetold::store::OpenPostgresStore(std::string(url, url_size));
}

}  // extern "C"

// The types must match the loader's view of them.
static_assert(std::is_same_v<decltype(&twicetold_postgres_module_abi),
                             twicetold::store::PostgresModuleAbiFn>);
static_assert(std::is_same_v<decltype(&twicetold_postgres_module_open),
                             twicetold::store::PostgresModuleOpenFn>);
