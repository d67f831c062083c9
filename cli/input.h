// Input flags shared by every subcommand that reads articles, the one place
// where rejected records and the read summary are reported (stderr), and
// the checks that turn a missing input or a failed write into a Status.
#ifndef TWICETOLD_CLI_INPUT_H_
#define TWICETOLD_CLI_INPUT_H_

#include <CLI/CLI.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "twicetold/io.h"
#include "twicetold/status.h"

namespace twicetold::cli {

struct InputFlags {
  std::vector<std::string> paths;
  ReadOptions read;
  bool strict = false;  // exit with kExitRejected if any record was rejected
  bool quiet = false;   // no summary line
};

// Adds INPUT... (required), --id-field/--title-field/--text-field/...,
// --max-record-bytes, --strict and --quiet to `command`.
void AddInputFlags(CLI::App* command, InputFlags* flags);

// The one place rejections and the read summary are worded (stderr).
void PrintRejected(const Rejected& rejected);
void PrintReadSummary(const ReadSummary& summary);

// NotFound (or IOError) naming the first path, other than "-", that does
// not exist or cannot be read: a mistyped INPUT fails the command before
// anything is read, rather than becoming a rejected record.
Status CheckInputPaths(const std::vector<std::string>& paths);

// Reads every input, calling `on_article` for each accepted article. Prints
// each rejection and then (unless --quiet) the summary to stderr. Errors:
// CheckInputPaths, then those of ReadInputs.
Result<ReadSummary> ReadArticles(const InputFlags& flags,
                                 const ArticleCallback& on_article);

// Flushes `out`; IOError "cannot write <what>" if any write to it failed.
Status FlushOutput(std::ostream& out, std::string_view what);

}  // namespace twicetold::cli

#endif  // TWICETOLD_CLI_INPUT_H_
