// twicetold serve --db FILE: flags into ServeOptions, Serve() from the
// server module (serve_module.h), exit code. Compiled into the program.
#include "server/serve_command.h"

#include <cstdlib>
#include <functional>
#include <iomanip>
#include <iostream>
#include <memory>

#include "server/serve_module.h"
#include "server/server.h"

namespace twicetold::server {

void AddServeCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* command = app.add_subcommand(
      "serve", "serve the JSON API and the web pages over a store");
  command->add_option("--db", options->db,
                      "the store: a SQLite file (created if missing) or a postgresql:// URL")
      ->required();
  command->add_option("--bind", options->bind, "address to listen on")->capture_default_str();
  command->add_option("--port", options->port, "port to listen on (0: any free port)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  command->add_option("--token", options->token,
                      "every /v1 request needs 'Authorization: Bearer TOKEN' "
                      "(default: $TWICETOLD_TOKEN)");
  command->add_option("--max-body", options->max_body, "largest request body, in bytes")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command->add_option("--threads", options->threads,
                      "worker threads (each serves one open connection at a time)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command->callback([options, exit_code] {
    if (options->token.empty()) {
      if (const char* token = std::getenv("TWICETOLD_TOKEN")) options->token = token;
    }
    const std::function<void(const Listening&)> on_listening = [&options](const Listening& l) {
      std::cout << "twicetold serve: listening on http://" << options->bind << ":" << l.port
                << "/ (store " << options->db << ", " << l.replayed << " articles replayed in "
                << std::fixed << std::setprecision(1) << l.replay_seconds << " s)" << std::endl;
    };
    Status status = InternalError("the server module did not run");
    const Result<ServeModuleServeFn> serve = LoadServeModule();
    if (serve.ok()) {
      (*serve)(options.get(), &on_listening, &status);
    } else {
      status = serve.status();
    }
    if (!status.ok()) {
      std::cerr << "twicetold serve: " << status.ToString() << "\n";
      *exit_code = 1;
      return;
    }
    std::cout << "twicetold serve: stopped" << std::endl;
    *exit_code = 0;
  });
}

}  // namespace twicetold::server
