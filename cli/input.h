// Input flags shared by every subcommand that reads articles, and the one
// place where rejected records and the read summary are reported (stderr).
#ifndef TWICETOLD_CLI_INPUT_H_
#define TWICETOLD_CLI_INPUT_H_

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "twicetold/io.h"

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

// Reads every input, calling `on_article` for each accepted article. Prints
// each rejection and then the summary to stderr. Returns the exit code.
int ReadArticles(const InputFlags& flags, const ArticleCallback& on_article);

}  // namespace twicetold::cli

#endif  // TWICETOLD_CLI_INPUT_H_
