// twicetold dedup INPUT...: one JSON line per accepted article, in input
// order, naming its cluster (the id of the cluster's first article) and the
// most similar earlier article; then a summary on stderr.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "commands.h"
#include "input.h"
#include "json_output.h"
#include "progress.h"
#include "twicetold/corpus.h"

namespace twicetold::cli {
namespace {

struct DedupFlags {
  InputFlags input;
  std::string output;  // empty: standard output
  uint32_t threads = 0;
  std::string method = "minhash";
  bool no_corpus_boilerplate = false;
  bool progress = true;
  DedupOptions dedup;
};

// What the summary counts beyond CorpusSummary.
struct DedupCounts {
  uint64_t clusters = 0;
  uint64_t identical = 0;
  uint64_t near_duplicate = 0;
};

std::string Figure(const char* format, double value) {
  char buf[64];
  std::snprintf(buf, sizeof(buf), format, value);
  return buf;
}

void PrintSummary(const DedupFlags& flags, const CorpusSummary& s,
                  const DedupCounts& counts, uint32_t threads) {
  PrintReadSummary(s.read);
  const double secs = s.seconds > 0 ? s.seconds : 1e-9;
  const uint64_t articles = s.read.accepted;
  std::cerr << "twicetold dedup: " << articles << " articles, "
            << counts.clusters << " clusters, " << counts.identical
            << " identical, " << counts.near_duplicate << " near_duplicate\n"
            << "twicetold dedup: furniture: " << s.lines_removed
            << " lines removed (" << s.furniture_lines
            << " distinct source lines)"
            << (flags.no_corpus_boilerplate ? " [--no-corpus-boilerplate]" : "")
            << "\n"
            << "twicetold dedup: " << Figure("%.1f", s.input_bytes / 1e6)
            << " MB input in " << Figure("%.2f", s.seconds) << " s: "
            << Figure("%.1f", s.input_bytes / 1e6 / secs) << " MB/s input, "
            << Figure("%.1f", s.body_bytes / 1e6 / secs) << " MB/s body; "
            << threads << (threads == 1 ? " thread" : " threads")
            << "; peak RSS " << Figure("%.0f", PeakRssBytes() / 1e6) << " MB"
            << "; index "
            << Figure("%.0f", articles ? double(s.index_bytes) / articles : 0.0)
            << " bytes/article\n"
            << "twicetold dedup: fingerprint "
            << FingerprintVersion(flags.dedup.fingerprint) << "\n";
}

Json DecisionJson(const Article& article, const DedupDecision& d,
                  const std::vector<std::string>& ids) {
  Json out = {{"id", article.id}, {"cluster", ids[d.cluster]}};
  out["duplicate_of"] = nullptr;
  if (d.duplicate_of) out["duplicate_of"] = ids[*d.duplicate_of];
  out["relation"] = DedupRelationName(d.relation);
  out["similarity"] = d.similarity;
  return out;
}

int Run(DedupFlags& flags) {
  flags.dedup.method =
      flags.method == "simhash" ? DedupMethod::kSimHash : DedupMethod::kMinHash;
  std::ofstream file;
  if (!flags.output.empty()) {
    file.open(flags.output, std::ios::binary);
    if (!file) {
      std::cerr << "twicetold: cannot write " << flags.output << "\n";
      return kExitError;
    }
  }
  std::ostream& out = flags.output.empty() ? std::cout : file;
  ProgressBar bar(flags.progress);
  CorpusOptions corpus;
  corpus.read = flags.input.read;
  corpus.read.keep_original = false;
  corpus.threads = flags.threads;
  corpus.corpus_boilerplate = !flags.no_corpus_boilerplate;
  corpus.progress = bar.Callback();
  std::vector<std::string> ids;  // article number -> id
  DedupCounts counts;
  const Result<CorpusSummary> summary = RunDedup(
      flags.input.paths, corpus, flags.dedup,
      [&](const Article& article, const DedupDecision& d) {
        ids.push_back(article.id);
        counts.clusters += d.relation == DedupRelation::kOriginal;
        counts.identical += d.relation == DedupRelation::kIdentical;
        counts.near_duplicate += d.relation == DedupRelation::kNearDuplicate;
        out << JsonLine(DecisionJson(article, d, ids)) << '\n';
      },
      [&](Rejected&& rejected) {
        std::ostringstream line;
        line << "twicetold: rejected " << rejected.location.ToString() << ": "
             << rejected.reason;
        if (bar.active()) {
          bar.Message(line.str());
        } else {
          PrintRejected(rejected);
        }
      });
  out.flush();
  if (!summary.ok()) {
    std::cerr << "twicetold: " << summary.status().ToString() << "\n";
    return kExitError;
  }
  if (!out) {
    std::cerr << "twicetold: error writing the output\n";
    return kExitError;
  }
  if (!flags.input.quiet) {
    const uint32_t threads =
        flags.threads ? flags.threads : std::thread::hardware_concurrency();
    PrintSummary(flags, *summary, counts, threads);
  }
  return (flags.input.strict && summary->read.rejected > 0) ? kExitRejected
                                                             : kExitOk;
}

}  // namespace

void AddDedupCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<DedupFlags>();
  CLI::App* command = app.add_subcommand(
      "dedup", "find identical and near-duplicate articles in a corpus");
  AddInputFlags(command, &flags->input);
  FingerprintOptions& fp = flags->dedup.fingerprint;
  command->add_option("-o,--output", flags->output,
                      "write the JSON lines here (default: standard output)");
  command->add_option("--threads", flags->threads, "worker threads (0: all cores)")
      ->capture_default_str();
  command->add_option("--method", flags->method, "minhash or simhash")
      ->check(CLI::IsMember({"minhash", "simhash"}))
      ->capture_default_str();
  command->add_option("--threshold", flags->dedup.near_duplicate_jaccard,
                      "minhash: least estimated Jaccard of a near duplicate")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  command->add_option("--simhash-distance", flags->dedup.simhash_max_distance,
                      "simhash: most differing bits of a near duplicate")
      ->check(CLI::Range(0, 64))
      ->capture_default_str();
  command->add_option("--shingle", fp.shingle_size, "words per shingle")
      ->capture_default_str();
  command->add_option("--hashes", fp.num_hashes, "MinHash signature length")
      ->capture_default_str();
  command->add_option("--bands", fp.bands, "LSH bands (divides --hashes)")
      ->capture_default_str();
  command->add_flag("--no-corpus-boilerplate", flags->no_corpus_boilerplate,
                    "skip the counting pass that removes per-source furniture");
  command->add_flag("--progress,!--no-progress", flags->progress,
                    "progress line on stderr when it is a terminal")
      ->capture_default_str();
  command->callback([flags, exit_code] { *exit_code = Run(*flags); });
}

}  // namespace twicetold::cli
