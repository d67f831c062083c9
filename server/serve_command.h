// The `serve` subcommand of the twicetold program (server.h).
#ifndef TWICETOLD_SERVER_SERVE_COMMAND_H_
#define TWICETOLD_SERVER_SERVE_COMMAND_H_

#include <CLI/CLI.hpp>

namespace twicetold::server {

// Adds `serve` to `app`; its callback runs the server and leaves the exit
// code in `*exit_code` (0 after a clean stop, 1 on error).
void AddServeCommand(CLI::App& app, int* exit_code);

}  // namespace twicetold::server

#endif  // TWICETOLD_SERVER_SERVE_COMMAND_H_
