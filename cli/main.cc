// twicetold: finds every version of a news story and shows what each
// version changed. One small file per subcommand; see commands.h. Exit
// statuses: exit_status.h.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>
#include <string_view>

#include "allocator.h"
#include "commands.h"
#ifdef TWICETOLD_WITH_SERVER
#include "server/serve_command.h"
#endif

namespace {

int Main(int argc, char** argv) {
  namespace cli = twicetold::cli;
  CLI::App app{
      "twicetold: finds every version of a news story and shows what each "
      "version changed"};
  app.require_subcommand(1);
  app.set_version_flag("--version",
                       "twicetold 0.1.0 (" + cli::AllocatorDescription() + ")");
  int exit_code = cli::kExitOk;
  cli::AddCleanCommand(app, &exit_code);
  cli::AddQuotesCommand(app, &exit_code);
  cli::AddCompareCommand(app, &exit_code);
  cli::AddDedupCommand(app, &exit_code);
  cli::AddStoriesCommand(app, &exit_code);
  cli::AddStoreCommands(app, &exit_code);
#ifdef TWICETOLD_WITH_SERVER
  twicetold::server::AddServeCommand(app, &exit_code);
#endif
  try {
    app.parse(argc, argv);  // runs the chosen subcommand's callback
  } catch (const CLI::ParseError& e) {
    // --help and --version are "errors" that exit 0; the rest are usage.
    return app.exit(e) == 0 ? cli::kExitOk : cli::kExitUsage;
  } catch (const std::exception& e) {
    // The library returns errors as values: an exception here (out of
    // memory, a broken invariant) is twicetold's fault.
    std::cerr << "twicetold: internal error: " << e.what() << "\n";
    return cli::kExitInternal;
  }
  return exit_code;
}

}  // namespace

int main(int argc, char** argv) {
  // Every command but `serve` (cli/allocator.h) runs on huge pages.
  const bool serve = argc > 1 && std::string_view(argv[1]) == "serve";
  return twicetold::cli::RunWithAllocator(!serve, [&] { return Main(argc, argv); });
}
