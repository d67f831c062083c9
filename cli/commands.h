// One function per subcommand: each adds its CLI11 subcommand to `app` and
// sets its callback. The callback parses flags into library Options, calls
// the library, prints, and leaves its exit status (exit_status.h, set by
// FinishCommand) in `*exit_code`.
#ifndef TWICETOLD_CLI_COMMANDS_H_
#define TWICETOLD_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>

#include "exit_status.h"

namespace twicetold::cli {

void AddCleanCommand(CLI::App& app, int* exit_code);
void AddQuotesCommand(CLI::App& app, int* exit_code);
void AddCompareCommand(CLI::App& app, int* exit_code);
void AddDedupCommand(CLI::App& app, int* exit_code);
void AddStoriesCommand(CLI::App& app, int* exit_code);
// ingest, export and reindex (the persistent store)
void AddStoreCommands(CLI::App& app, int* exit_code);

}  // namespace twicetold::cli

#endif  // TWICETOLD_CLI_COMMANDS_H_
