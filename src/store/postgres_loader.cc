#include "store/postgres_loader.h"

#include <string>
#include <vector>

#include "core/module_loader.h"

namespace twicetold::store {

std::vector<std::string> PostgresModuleDirs() {
#ifdef TWICETOLD_MODULE_BUILD_DIR
  return core::ModuleDirs(TWICETOLD_MODULE_BUILD_DIR);
#else
  return core::ModuleDirs("");
#endif
}

Result<PostgresModuleOpenFn> LoadPostgresModule(const std::vector<std::string>& dirs) {
  static constexpr core::ModuleSpec kSpec = {
      .file = kPostgresModuleFile,
      .what = "PostgreSQL support",
      .name = "PostgreSQL module",
      .abi_symbol = kPostgresModuleAbiSymbol,
      .abi = kPostgresModuleAbi,
      .entry_symbol = kPostgresModuleOpenSymbol,
  };
  Result<void*> entry = core::LoadModule(kSpec, dirs);
  if (!entry.ok()) return entry.status();
  return reinterpret_cast<PostgresModuleOpenFn>(*entry);
}

}  // namespace twicetold::store
