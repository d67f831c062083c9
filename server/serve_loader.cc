// LoadServeModule (serve_module.h): the program's side of the module.
#include "core/module_loader.h"
#include "server/serve_module.h"

namespace twicetold::server {

Result<ServeModuleServeFn> LoadServeModule() {
  static constexpr core::ModuleSpec kSpec = {
      .file = kServeModuleFile,
      .what = "The HTTP server",
      .name = "server module",
      .abi_symbol = kServeModuleAbiSymbol,
      .abi = kServeModuleAbi,
      .entry_symbol = kServeModuleServeSymbol,
  };
#ifdef TWICETOLD_MODULE_BUILD_DIR
  Result<void*> entry = core::LoadModule(kSpec, core::ModuleDirs(TWICETOLD_MODULE_BUILD_DIR));
#else
  Result<void*> entry = core::LoadModule(kSpec, core::ModuleDirs(""));
#endif
  if (!entry.ok()) return entry.status();
  return reinterpret_cast<ServeModuleServeFn>(*entry);
}

}  // namespace twicetold::server
