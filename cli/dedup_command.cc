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
#include "json_output.h"
#include "progress.h"
#include "twicetold/corpus.h"

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
  std::ostream* out = OpenOutput(flags.corpus, &file);
  if (out == nullptr) return kExitError;
  ProgressBar bar(flags.corpus.progress);
  const CorpusOptions corpus = MakeCorpusOptions(flags.corpus, &bar);
  std::vector<std::string> ids;  // article number -> id
  DedupCounts counts;
  const Result<CorpusSummary> summary = RunDedup(
      flags.corpus.input.paths, corpus, flags.dedup,
      [&](const Article& article, const DedupDecision& d) {
        ids.push_back(article.id);
        counts.clusters += d.relation == DedupRelation::kOrigin;
        counts.identical += d.relation == DedupRelation::kIdentical;
        counts.near_duplicate += d.relation == DedupRelation::kNearDuplicate;
        *out << JsonLine(DecisionJson(article, d, ids)) << '\n';
      },
      PrintRejectedAround(&bar));
  out->flush();
  if (!summary.ok()) {
    std::cerr << "twicetold: " << summary.status().ToString() << "\n";
    return kExitError;
  }
  if (!*out) {
    std::cerr << "twicetold: error writing the output\n";
    return kExitError;
  }
  if (!flags.corpus.input.quiet) PrintSummary(flags, *summary, counts);
  return (flags.corpus.input.strict && summary->read.rejected > 0) ? kExitRejected
                                                                    : kExitOk;
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
  command->callback([flags, exit_code] { *exit_code = Run(*flags); });
}

}  // namespace twicetold::cli
