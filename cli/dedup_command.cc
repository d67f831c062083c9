// twicetold dedup INPUT...: one JSON line per accepted article, in input
// order, naming its cluster (the id of the cluster's first article) and the
// most similar earlier article; then a summary on stderr.
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "corpus_flags.h"
#include "input.h"
#include "progress.h"
#include "twicetold/corpus.h"
#include "twicetold/json.h"

namespace twicetold::cli {
namespace {

struct DedupFlags {
  CorpusFlags corpus;
  std::string method = "minhash";
  DedupOptions dedup;
};

// What the summary counts beyond CorpusSummary.
struct DedupCounts {
  uint64_t clusters = 0;
  uint64_t identical = 0;
  uint64_t near_duplicate = 0;
};

void PrintSummary(const DedupFlags& flags, const CorpusSummary& s,
                  const DedupCounts& counts) {
  PrintReadSummary(s.read);
  const uint64_t articles = s.read.accepted;
  std::cerr << "twicetold dedup: " << articles << " articles, "
            << counts.clusters << " clusters, " << counts.identical
            << " identical, " << counts.near_duplicate << " near_duplicate\n"
            << "twicetold dedup: furniture: " << s.lines_removed
            << " lines removed (" << s.furniture_lines
            << " distinct source lines)"
            << (flags.corpus.no_corpus_boilerplate ? " [--no-corpus-boilerplate]" : "")
            << "\n"
            << "twicetold dedup: " << ThroughputLine(s, flags.corpus) << "; index "
            << Figure("%.0f", articles ? double(s.index_bytes) / articles : 0.0)
            << " bytes/article\n"
            << "twicetold dedup: model " << DedupVersion(flags.dedup) << "\n";
}

Result<ReadSummary> Run(DedupFlags& flags) {
  flags.dedup.method =
      flags.method == "simhash" ? DedupMethod::kSimHash : DedupMethod::kMinHash;
  RETURN_IF_ERROR(ValidateDedupOptions(flags.dedup));  // usage before I/O
  RETURN_IF_ERROR(CheckInputPaths(flags.corpus.input.paths));
  std::ofstream file;
  ASSIGN_OR_RETURN(std::ostream* const out, OpenOutput(flags.corpus, &file));
  ProgressBar bar(flags.corpus.progress);
  const CorpusOptions corpus = MakeCorpusOptions(flags.corpus, &bar);
  DedupCounts counts;
  const auto print = [&](const Article& article, const DedupDecision& d) {
    counts.clusters += d.relation == DedupRelation::kOrigin;
    counts.identical += d.relation == DedupRelation::kIdentical;
    counts.near_duplicate += d.relation == DedupRelation::kNearDuplicate;
    *out << DedupDecisionToJson(article, d) << '\n';
  };
  ASSIGN_OR_RETURN(const CorpusSummary summary,
                   RunDedup(flags.corpus.input.paths, corpus, flags.dedup, print,
                            PrintRejectedAround(&bar)));
  RETURN_IF_ERROR(FlushOutput(flags.corpus, out));
  if (!flags.corpus.input.quiet) PrintSummary(flags, summary, counts);
  return summary.read;
}

}  // namespace

void AddDedupCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<DedupFlags>();
  CLI::App* command = app.add_subcommand(
      "dedup", "find identical and near-duplicate articles in a corpus");
  AddCorpusFlags(command, &flags->corpus);
  FingerprintOptions& fp = flags->dedup.fingerprint;
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
  command->callback([flags, exit_code] {
    *exit_code = FinishCommand("dedup", Run(*flags), flags->corpus.input.strict);
  });
}

}  // namespace twicetold::cli
