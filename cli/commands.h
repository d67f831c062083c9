// One function per subcommand: each adds its CLI11 subcommand to `app` and
// sets its callback. The callback parses flags into library Options, calls
// the library, prints, and leaves its exit code in `*exit_code`.
#ifndef TWICETOLD_CLI_COMMANDS_H_
#define TWICETOLD_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>

// Exit codes shared by all subcommands.
namespace twicetold::cli {
inline constexpr int kExitOk = 0;
inline constexpr int kExitError = 1;       // a library call failed
inline constexpr int kExitRejected = 3;    // --strict and some records were rejected
}  // namespace twicetold::cli

namespace twicetold::cli {

void AddCleanCommand(CLI::App& app, int* exit_code);
void AddQuotesCommand(CLI::App& app, int* exit_code);
void AddCompareCommand(CLI::App& app, int* exit_code);
void AddDedupCommand(CLI::App& app, int* exit_code);
void AddStoriesCommand(CLI::App& app, int* exit_code);

}  // namespace twicetold::cli

#endif  // TWICETOLD_CLI_COMMANDS_H_
