// Flags and plumbing shared by the corpus commands (dedup, stories): the
// input flags plus -o, --threads, --no-corpus-boilerplate and --progress;
// the CorpusOptions they mean; rejections printed around the progress bar;
// the throughput line of the summary.
#ifndef TWICETOLD_CLI_CORPUS_FLAGS_H_
#define TWICETOLD_CLI_CORPUS_FLAGS_H_

#include <CLI/CLI.hpp>
#include <cstdint>
#include <fstream>
#include <ostream>
#include <string>

#include "input.h"
#include "progress.h"
#include "twicetold/corpus.h"
#include "twicetold/status.h"

namespace twicetold::cli {

struct CorpusFlags {
  InputFlags input;
  std::string output;  // empty: standard output
  uint32_t threads = 0;
  bool no_corpus_boilerplate = false;
  bool progress = true;
};

void AddCorpusFlags(CLI::App* command, CorpusFlags* flags);

// The library options the flags ask for, reporting progress to `bar`.
CorpusOptions MakeCorpusOptions(const CorpusFlags& flags, ProgressBar* bar);

// Where the JSON lines go: `file` opened on flags.output, or standard
// output. IOError when the file cannot be opened.
Result<std::ostream*> OpenOutput(const CorpusFlags& flags, std::ofstream* file);

// Flushes what OpenOutput returned; IOError if any write to it failed.
Status FlushOutput(const CorpusFlags& flags, std::ostream* out);

// Prints one rejection on stderr without mangling the progress bar.
RejectedCallback PrintRejectedAround(ProgressBar* bar);

// "237.6 MB input in 4.30 s: 55.2 MB/s input, 52.4 MB/s body; 1 thread;
// peak RSS 50 MB"
std::string ThroughputLine(const CorpusSummary& summary, const CorpusFlags& flags);

// `value` formatted with printf's `format`.
std::string Figure(const char* format, double value);

}  // namespace twicetold::cli

#endif  // TWICETOLD_CLI_CORPUS_FLAGS_H_
