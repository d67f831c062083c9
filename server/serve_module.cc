// The module's side of serve_module.h: its two entry points, the only
// symbols it exports (it is compiled with hidden visibility).
#include "server/serve_module.h"

#include <functional>
#include <type_traits>

#include "server/server.h"

extern "C" {

__attribute__((visibility("default"))) const char* twicetold_serve_module_abi() {
  return twicetold::server::kServeModuleAbi;
}

__attribute__((visibility("default"))) void twicetold_serve_module_serve(
    const twicetold::server::ServeOptions* options,
    const std::function<void(const twicetold::server::Listening&)>* on_listening,
    twicetold::Status* out) {
  *out = twicetold::server::Serve(*options, *on_listening);
}

}  // extern "C"

// The entry points must have the types the program calls them through.
static_assert(std::is_same_v<decltype(&twicetold_serve_module_abi),
                             twicetold::server::ServeModuleAbiFn>);
static_assert(std::is_same_v<decltype(&twicetold_serve_module_serve),
                             twicetold::server::ServeModuleServeFn>);
