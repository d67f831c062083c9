// The contract between the library and libtwicetold_postgres.so, the
// loadable module that holds the PostgreSQL store (and links libpqxx and
// libpq, which programs that never open a postgres:// store should not
// load). Internal to src/store: postgres_loader.cc loads the module,
// postgres_module.cc is its side.
//
// Store objects cross the boundary as C++ objects: a
// Result<std::unique_ptr<Store>> is passed through an extern "C" function.
// That is sound because both sides come from the same build (the same
// compiler, flags and headers: kPostgresModuleAbi is checked before the
// first call) and malloc is process-wide, so what the module allocates the
// library may free and the other way round. The module is never unloaded:
// the vtables of its Store objects live in it.
#ifndef TWICETOLD_STORE_POSTGRES_MODULE_H_
#define TWICETOLD_STORE_POSTGRES_MODULE_H_

#include <cstddef>
#include <memory>

#include "twicetold/status.h"
#include "twicetold/store.h"

// Set by src/store/sources.cmake for both sides: the compiler and a hash
// of the headers whose types cross the boundary (this one, store.h,
// status.h, document.h).
#ifndef TWICETOLD_STORE_ABI
#error "TWICETOLD_STORE_ABI is defined by src/store/sources.cmake"
#endif

namespace twicetold::store {

// The module's file name, and the names of its two entry points.
inline constexpr char kPostgresModuleFile[] = "libtwicetold_postgres.so";
inline constexpr char kPostgresModuleAbiSymbol[] = "twicetold_postgres_module_abi";
inline constexpr char kPostgresModuleOpenSymbol[] = "twicetold_postgres_module_open";

// What twicetold_postgres_module_abi returns: equal on both sides, or the
// module is from another build and must not be called.
inline constexpr char kPostgresModuleAbi[] = "twicetold postgres module 1; " TWICETOLD_STORE_ABI;

extern "C" {
// Returns kPostgresModuleAbi as the module was compiled (a static string).
using PostgresModuleAbiFn = const char* (*)();
// Opens the store at the URL url[0, url_size) (OpenPostgresStore) into
// `*out`, which the caller constructed.
using PostgresModuleOpenFn = void (*)(const char* url, size_t url_size,
                                      Result<std::unique_ptr<Store>>* out);
}

}  // namespace twicetold::store

#endif  // TWICETOLD_STORE_POSTGRES_MODULE_H_
