// The store subcommands:
//   twicetold ingest --db FILE INPUT...  add articles to a persistent store:
//       one `stories` line per article added (after it is durable);
//   twicetold export --db FILE           what the store holds: the `stories`
//       lines in ingestion order, or --stories, --versions ID, --html DIR;
//   twicetold reindex --db FILE          re-cluster a store with this model.
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "corpus_flags.h"
#include "input.h"
#include "page_files.h"
#include "progress.h"
#include "twicetold/analyze.h"
#include "twicetold/compare.h"
#include "twicetold/ingest.h"
#include "twicetold/json.h"
#include "twicetold/report.h"
#include "twicetold/store.h"
#include "twicetold/store_json.h"
#include "twicetold/story_report.h"

namespace twicetold::cli {
namespace {

struct IngestFlags {
  CorpusFlags corpus;
  std::string db;
  IngestOptions ingest;
};

struct ExportFlags {
  std::string db;
  std::string output;    // -o
  bool stories = false;  // --stories
  std::string versions;  // --versions ID
  std::string html_dir;  // --html
};

struct ReindexFlags {
  std::string db;
  bool quiet = false;
  bool progress = true;
  StoryOptions story;
};

void AddDbFlag(CLI::App* command, std::string* db) {
  command->add_option("--db", *db,
                      "the store: a file (SQLite, created if missing) or a "
                      "postgresql:// URL")
      ->required();
}

// The options of the story model; they are part of the store's version.
void AddModelFlags(CLI::App* command, StoryOptions* story) {
  command->add_option("--window-days", story->window_days,
                      "a story stays active this many days after its newest member")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command->add_option("--join", story->join_threshold,
                      "least score to join a story when both are dated")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  command->add_option("--join-undated", story->join_threshold_undated,
                      "least score to join a story when either is undated")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
}

Result<ReadSummary> RunIngest(IngestFlags& flags) {
  RETURN_IF_ERROR(ValidateStoryOptions(flags.ingest.story));  // usage before I/O
  RETURN_IF_ERROR(CheckInputPaths(flags.corpus.input.paths));
  std::ofstream file;
  ASSIGN_OR_RETURN(std::ostream* const out, OpenOutput(flags.corpus, &file));
  ASSIGN_OR_RETURN(std::unique_ptr<Store> store, OpenStore(flags.db));
  ProgressBar bar(flags.corpus.progress);
  flags.ingest.corpus = MakeCorpusOptions(flags.corpus, &bar);
  ASSIGN_OR_RETURN(std::unique_ptr<StoryIngester> ingester,
                   StoryIngester::Open(*store, flags.ingest));
  std::map<std::string, uint64_t> relations;
  const auto print = [&](const StoredArticle& article) {
    ++relations[article.relation];
    *out << StoredArticleToJson(article) << '\n';
    out->flush();  // each line is durable in the store: show it now
  };
  ASSIGN_OR_RETURN(const IngestSummary s,
                   ingester->IngestInputs(flags.corpus.input.paths, print,
                                          PrintRejectedAround(&bar)));
  RETURN_IF_ERROR(FlushOutput(flags.corpus, out));
  if (!flags.corpus.input.quiet) {
    PrintReadSummary(s.corpus.read);
    std::cerr << "twicetold ingest: " << s.added << " added, " << s.updates
              << (s.updates == 1 ? " update, " : " updates, ") << s.skipped
              << " skipped (already stored with the same text)\n"
              << "twicetold ingest: relations:";
    for (const auto& [name, count] : relations) std::cerr << " " << name << " " << count;
    std::cerr << "\ntwicetold ingest: store " << store->Describe() << ": " << s.stored
              << " articles, " << s.stories << " stories; " << s.replayed
              << " stored articles replayed in " << Figure("%.2f", s.replay_seconds) << " s\n"
              << "twicetold ingest: " << ThroughputLine(s.corpus, flags.corpus) << "\n"
              << "twicetold ingest: model " << StoryModelVersion(flags.ingest.story) << "\n";
  }
  return s.corpus.read;
}

// The relation a stored line names, for the static report ("update" is
// shown as the near duplicate of its previous version there).
std::optional<Relation> RelationOf(const std::string& name) {
  for (Relation r : {Relation::kIdentical, Relation::kNearDuplicate, Relation::kExcerpt,
                     Relation::kRewrite, Relation::kSameStory, Relation::kRelated,
                     Relation::kUnrelated}) {
    if (RelationName(r) == name) return r;
  }
  if (name == "update") return Relation::kNearDuplicate;
  return std::nullopt;
}

// Every stored story in order of creation, with its members in ingestion
// order (the `stories --stories` lines), and, when `rows` is not null,
// every stored article.
Result<std::vector<Story>> AllStories(Store& store, std::vector<StoredArticle>* rows) {
  std::map<uint64_t, Story> stories;
  RETURN_IF_ERROR(store.Scan(0, [&](StoredArticle&& a) {
    Story& story = stories[a.story];
    story.story = a.story;
    story.members.push_back(a.article.id);
    if (rows != nullptr) rows->push_back(std::move(a));
    return Status::Ok();
  }));
  std::vector<Story> out;
  for (auto& [number, story] : stories) {
    ASSIGN_OR_RETURN(std::optional<StoredStory> summary, store.FindStory(number));
    if (!summary) {
      return CorruptionError(store.Describe() + ": story " + std::to_string(number) +
                             " has members but no summary");
    }
    story.origin = summary->origin;
    story.title = summary->title;
    story.first_seen = summary->first_seen;
    story.last_seen = summary->last_seen;
    out.push_back(std::move(story));
  }
  return out;
}

Status WriteHtml(Store& store, const std::string& dir) {
  std::vector<StoredArticle> rows;
  ASSIGN_OR_RETURN(std::vector<Story> stories, AllStories(store, &rows));
  std::vector<Article> articles;
  std::vector<StoryAssignment> assignments;
  for (StoredArticle& row : rows) {
    StoryAssignment a;
    a.id = row.article.id;
    a.story = row.story;
    a.relation = RelationOf(row.relation);
    a.closest = row.closest;
    a.similarity = row.similarity;
    assignments.push_back(std::move(a));
    articles.push_back(std::move(row.article));
  }
  return RenderStoryReport(articles, assignments, stories, StoryReportOptions{},
                           PageFilesUnder(dir));
}

// Every version of `id`, oldest first, each with its comparison to the
// version before it.
Status WriteVersions(Store& store, const std::string& id, std::ostream& out) {
  ASSIGN_OR_RETURN(std::vector<StoredArticle> versions, store.Versions(id));
  if (versions.empty()) return NotFoundError("no stored article with id '" + id + "'");
  const AnalyzeOptions analyze;
  std::optional<AnalyzedArticle> previous;
  for (const StoredArticle& v : versions) {
    AnalyzedArticle analyzed = Analyze(v.article, analyze);
    std::string comparison;
    if (previous) {
      ASSIGN_OR_RETURN(Comparison c, Compare(*previous, analyzed, CompareOptions{}));
      comparison = ComparisonToJson(*previous, analyzed, c);
    }
    out << ArticleVersionToJson(v, comparison) << '\n';
    previous = std::move(analyzed);
  }
  return Status::Ok();
}

Result<ReadSummary> RunExport(const ExportFlags& flags) {
  const int modes = flags.stories + !flags.versions.empty() + !flags.html_dir.empty();
  if (modes > 1) {
    return InvalidArgumentError("choose one of --stories, --versions and --html");
  }
  ASSIGN_OR_RETURN(std::unique_ptr<Store> store, OpenStore(flags.db));
  if (!flags.html_dir.empty()) {
    RETURN_IF_ERROR(WriteHtml(*store, flags.html_dir));
    std::cerr << "twicetold export: report: " << flags.html_dir << "/index.html\n";
    return ReadSummary{};
  }
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (!flags.output.empty()) {
    file.open(flags.output, std::ios::binary);
    if (!file) return IOError("cannot write " + flags.output);
    out = &file;
  }
  if (!flags.versions.empty()) {
    RETURN_IF_ERROR(WriteVersions(*store, flags.versions, *out));
  } else if (flags.stories) {
    ASSIGN_OR_RETURN(std::vector<Story> stories, AllStories(*store, nullptr));
    for (const Story& story : stories) *out << StoryToJson(story) << '\n';
  } else {
    RETURN_IF_ERROR(store->Scan(0, [&](StoredArticle&& a) {
      *out << StoredArticleToJson(a) << '\n';
      return Status::Ok();
    }));
  }
  RETURN_IF_ERROR(FlushOutput(*out, flags.output.empty() ? "standard output" : flags.output));
  return ReadSummary{};
}

Result<ReadSummary> RunReindex(const ReindexFlags& flags) {
  RETURN_IF_ERROR(ValidateStoryOptions(flags.story));
  ASSIGN_OR_RETURN(std::unique_ptr<Store> store, OpenStore(flags.db));
  IngestOptions options;
  options.story = flags.story;
  ASSIGN_OR_RETURN(const IngestSummary s, Reindex(*store, options));
  if (!flags.quiet) {
    std::cerr << "twicetold reindex: " << s.stored << " articles re-clustered into "
              << s.stories << " stories in " << Figure("%.2f", s.replay_seconds) << " s\n"
              << "twicetold reindex: model " << StoryModelVersion(flags.story) << "\n";
  }
  return ReadSummary{};
}

}  // namespace

void AddStoreCommands(CLI::App& app, int* exit_code) {
  auto ingest = std::make_shared<IngestFlags>();
  CLI::App* command = app.add_subcommand(
      "ingest",
      "add articles to a persistent story store; prints one `stories` line per article "
      "added, once it is durable (already stored articles are skipped)");
  AddDbFlag(command, &ingest->db);
  AddCorpusFlags(command, &ingest->corpus);
  AddModelFlags(command, &ingest->ingest.story);
  command->add_option("--commit-every", ingest->ingest.commit_every,
                      "articles per durable transaction")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command->callback([ingest, exit_code] {
    *exit_code = FinishCommand("ingest", RunIngest(*ingest), ingest->corpus.input.strict);
  });

  auto exporter = std::make_shared<ExportFlags>();
  command = app.add_subcommand(
      "export", "print what a store holds: every article's `stories` line in ingestion order");
  AddDbFlag(command, &exporter->db);
  command->add_option("-o,--output", exporter->output,
                      "write here (default: standard output)");
  command->add_flag("--stories", exporter->stories,
                    "one line per story instead, as `stories --stories` writes");
  command->add_option("--versions", exporter->versions,
                      "every version of this id, oldest first, each compared with the one before");
  command->add_option("--html", exporter->html_dir,
                      "write the browsable stories report into this folder");
  command->callback([exporter, exit_code] {
    *exit_code = FinishCommand("export", RunExport(*exporter), false);
  });

  auto reindex = std::make_shared<ReindexFlags>();
  command = app.add_subcommand(
      "reindex",
      "re-cluster every stored article with this twicetold's model (after an upgrade, "
      "or to change --join / --window-days)");
  AddDbFlag(command, &reindex->db);
  AddModelFlags(command, &reindex->story);
  command->add_flag("-q,--quiet", reindex->quiet, "do not print the summary");
  command->add_flag("--progress,!--no-progress", reindex->progress,
                    "progress line on stderr when it is a terminal");
  command->callback([reindex, exit_code] {
    *exit_code = FinishCommand("reindex", RunReindex(*reindex), false);
  });
}

}  // namespace twicetold::cli
