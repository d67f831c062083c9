#include "corpus_flags.h"

#include <cstdio>
#include <iostream>
#include <thread>

namespace twicetold::cli {

void AddCorpusFlags(CLI::App* command, CorpusFlags* flags) {
  AddInputFlags(command, &flags->input);
  command->add_option("-o,--output", flags->output,
                      "write the JSON lines here (default: standard output)");
  command->add_option("--threads", flags->threads, "worker threads (0: all cores)")
      ->capture_default_str();
  command->add_flag("--no-corpus-boilerplate", flags->no_corpus_boilerplate,
                    "skip the counting pass that removes per-source furniture");
  command->add_flag("--progress,!--no-progress", flags->progress,
                    "progress line on stderr when it is a terminal")
      ->capture_default_str();
}

CorpusOptions MakeCorpusOptions(const CorpusFlags& flags, ProgressBar* bar) {
  CorpusOptions corpus;
  corpus.read = flags.input.read;
  corpus.read.keep_original = false;
  corpus.threads = flags.threads;
  corpus.corpus_boilerplate = !flags.no_corpus_boilerplate;
  corpus.progress = bar->Callback();
  return corpus;
}

Result<std::ostream*> OpenOutput(const CorpusFlags& flags, std::ofstream* file) {
  if (flags.output.empty()) return &std::cout;
  file->open(flags.output, std::ios::binary);
  if (!*file) return IOError("cannot write " + flags.output);
  return file;
}

Status FlushOutput(const CorpusFlags& flags, std::ostream* out) {
  return FlushOutput(*out, flags.output.empty() ? "standard output" : flags.output);
}

RejectedCallback PrintRejectedAround(ProgressBar* bar) {
  return [bar](Rejected&& rejected) {
    if (bar->active()) {
      bar->Message("twicetold: rejected " + rejected.location.ToString() + ": " +
                   rejected.reason);
    } else {
      PrintRejected(rejected);
    }
  };
}

std::string Figure(const char* format, double value) {
  char buf[64];
  std::snprintf(buf, sizeof(buf), format, value);
  return buf;
}

std::string ThroughputLine(const CorpusSummary& s, const CorpusFlags& flags) {
  const double secs = s.seconds > 0 ? s.seconds : 1e-9;
  const uint32_t threads = flags.threads ? flags.threads : std::thread::hardware_concurrency();
  return Figure("%.1f", s.input_bytes / 1e6) + " MB input in " + Figure("%.2f", s.seconds) +
         " s: " + Figure("%.1f", s.input_bytes / 1e6 / secs) + " MB/s input, " +
         Figure("%.1f", s.body_bytes / 1e6 / secs) + " MB/s body; " +
         std::to_string(threads) + (threads == 1 ? " thread" : " threads") + "; peak RSS " +
         Figure("%.0f", PeakRssBytes() / 1e6) + " MB" +
         (s.held_decompressed_bytes > 0
              ? " (" + Figure("%.0f", s.held_decompressed_bytes / 1e6) +
                    " MB of decompressed input held for the second pass)"
              : "");
}

}  // namespace twicetold::cli
