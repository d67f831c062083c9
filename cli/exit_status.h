// Exit statuses of the twicetold command (the README's "Exit status"
// table), and the one place a subcommand's Status becomes one.
#ifndef TWICETOLD_CLI_EXIT_STATUS_H_
#define TWICETOLD_CLI_EXIT_STATUS_H_

#include <string_view>

#include "twicetold/io.h"
#include "twicetold/status.h"

namespace twicetold::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitUsage = 2;     // bad flags or option values
inline constexpr int kExitRejected = 3;  // --strict and some records were rejected
inline constexpr int kExitIO = 4;        // an input missing, unreadable or undecodable,
                                         // an output that cannot be written, a store
                                         // that cannot be used as it is
inline constexpr int kExitInternal = 5;  // a bug in twicetold

// kExitOk for ok; kExitUsage for invalid_argument; kExitIO for not_found,
// io_error, corruption, resource_exhausted, unimplemented (an input or
// output twicetold cannot handle) and failed_precondition (e.g. a store
// written with other versions); kExitInternal for internal.
int StatusToExitCode(const Status& status);

// How every subcommand ends: an error is printed to stderr as
// "twicetold <command>: <status>" and mapped by StatusToExitCode; success
// is kExitRejected when `strict` and `read` rejected records, else kExitOk.
int FinishCommand(std::string_view command, const Result<ReadSummary>& read,
                  bool strict);

}  // namespace twicetold::cli

#endif  // TWICETOLD_CLI_EXIT_STATUS_H_
