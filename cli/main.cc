// twicetold: finds every version of a news story and shows what each
// version changed. One small file per subcommand; see commands.h.
#include <CLI/CLI.hpp>

#include "commands.h"

int main(int argc, char** argv) {
  CLI::App app{
      "twicetold: finds every version of a news story and shows what each "
      "version changed"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "twicetold 0.1.0");
  int exit_code = 0;
  twicetold::cli::AddCleanCommand(app, &exit_code);
  twicetold::cli::AddQuotesCommand(app, &exit_code);
  twicetold::cli::AddCompareCommand(app, &exit_code);
  twicetold::cli::AddDedupCommand(app, &exit_code);
  twicetold::cli::AddStoriesCommand(app, &exit_code);
  CLI11_PARSE(app, argc, argv);
  return exit_code;
}
