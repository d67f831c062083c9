// The contract between the twicetold program and libtwicetold_serve.so,
// the loadable module that holds the server (server.h) and links
// cpp-httplib, and through it OpenSSL and Brotli: loading and relocating
// those cost every run of a program that links them 7-9 ms, though only
// `twicetold serve` uses them. serve_command.cc (in the program) loads the
// module with LoadServeModule; serve_module.cc is the module's side.
//
// ServeOptions, Listening and Status cross the boundary as C++ objects.
// That is sound because both sides come from the same build (the same
// compiler and headers: kServeModuleAbi is checked before the first call)
// and malloc is process-wide. The module is never unloaded.
#ifndef TWICETOLD_SERVER_SERVE_MODULE_H_
#define TWICETOLD_SERVER_SERVE_MODULE_H_

#include <functional>

#include "server/server.h"
#include "twicetold/status.h"

// Set by server/sources.cmake for both sides: the compiler and a hash of
// the headers whose types may cross the boundary (server.h, this one and
// every public header, since ServeOptions holds IngestOptions).
#ifndef TWICETOLD_SERVE_ABI
#error "TWICETOLD_SERVE_ABI is defined by server/sources.cmake"
#endif

namespace twicetold::server {

// The module's file name, and the names of its two entry points.
inline constexpr char kServeModuleFile[] = "libtwicetold_serve.so";
inline constexpr char kServeModuleAbiSymbol[] = "twicetold_serve_module_abi";
inline constexpr char kServeModuleServeSymbol[] = "twicetold_serve_module_serve";

// What twicetold_serve_module_abi returns: equal on both sides, or the
// module is from another build and must not be called.
inline constexpr char kServeModuleAbi[] = "twicetold serve module 1; " TWICETOLD_SERVE_ABI;

extern "C" {
// Returns kServeModuleAbi as the module was compiled (a static string).
using ServeModuleAbiFn = const char* (*)();
// Runs Serve(*options, *on_listening) (server.h) and stores its result in
// `*out`, which the caller constructed.
using ServeModuleServeFn = void (*)(const ServeOptions* options,
                                    const std::function<void(const Listening&)>* on_listening,
                                    Status* out);
}

// Loads kServeModuleFile from the module directories (core::ModuleDirs:
// $TWICETOLD_MODULE_DIR, the program's directory, the build tree's) and
// returns its serve entry point; the errors of core::LoadModule. Compiled
// into the program, not the module.
Result<ServeModuleServeFn> LoadServeModule();

}  // namespace twicetold::server

#endif  // TWICETOLD_SERVER_SERVE_MODULE_H_
