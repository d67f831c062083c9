// twicetold stories INPUT...: clusters a stream of articles into stories.
// One JSON line per accepted article, in the order the articles were placed
// (published order, see StoryOptions::reorder_window); optionally one line
// per story (--stories) and a static HTML report (--html DIR); a summary on
// stderr.
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
#include "twicetold/corpus.h"
#include "twicetold/json.h"
#include "twicetold/story_report.h"

namespace twicetold::cli {
namespace {

struct StoriesFlags {
  CorpusFlags corpus;
  std::string stories_path;  // --stories
  std::string html_dir;      // --html
  StoryOptions story;
};

void PrintSummary(const StoriesFlags& flags, const CorpusSummary& s,
                  const std::vector<Story>& stories,
                  const std::map<std::string, uint64_t>& relations) {
  PrintReadSummary(s.read);
  uint64_t multi = 0;
  for (const Story& story : stories) multi += story.members.size() > 1;
  std::cerr << "twicetold stories: " << s.read.accepted << " articles, " << stories.size()
            << " stories (" << multi << " with more than one version)\n";
  std::cerr << "twicetold stories: relations:";
  for (const auto& [name, count] : relations) std::cerr << " " << name << " " << count;
  std::cerr << "\ntwicetold stories: furniture: " << s.lines_removed << " lines removed ("
            << s.furniture_lines << " distinct source lines)\n"
            << "twicetold stories: " << ThroughputLine(s, flags.corpus) << "; index peak "
            << Figure("%.1f", s.peak_index_bytes / 1e6) << " MB ("
            << Figure("%.0f", s.read.accepted ? double(s.peak_index_bytes) / s.read.accepted : 0.0)
            << " bytes/article)\n"
            << "twicetold stories: model " << StoryModelVersion(flags.story) << "\n";
}

// Writes the report pages below `dir`, creating folders as needed.
Status WriteReport(const std::vector<Article>& articles,
                   const std::vector<StoryAssignment>& assignments,
                   const std::vector<Story>& stories, const StoriesFlags& flags) {
  StoryReportOptions options;
  options.analyze = flags.story.analyze;
  options.compare = flags.story.compare;
  return RenderStoryReport(articles, assignments, stories, options,
                           PageFilesUnder(flags.html_dir));
}

// Writes one JSON line per story to the file `path`.
Status WriteStories(const std::string& path, const std::vector<Story>& stories) {
  std::ofstream out(path, std::ios::binary);
  for (const Story& story : stories) out << StoryToJson(story) << '\n';
  return FlushOutput(out, path);
}

Result<ReadSummary> Run(StoriesFlags& flags) {
  RETURN_IF_ERROR(ValidateStoryOptions(flags.story));  // usage before I/O
  RETURN_IF_ERROR(CheckInputPaths(flags.corpus.input.paths));
  std::ofstream file;
  ASSIGN_OR_RETURN(std::ostream* const out, OpenOutput(flags.corpus, &file));
  const bool keep_articles = !flags.html_dir.empty();
  ProgressBar bar(flags.corpus.progress);
  const CorpusOptions corpus = MakeCorpusOptions(flags.corpus, &bar);
  std::vector<Article> articles;            // only with --html
  std::vector<StoryAssignment> assignments; // only with --html
  std::map<std::string, uint64_t> relations;
  std::vector<Story> stories;
  const auto print = [&](const Article& article, const StoryAssignment& a) {
    ++relations[std::string(StoryRelationName(a))];
    *out << StoryAssignmentToJson(a) << '\n';
    if (keep_articles) {
      articles.push_back(article);
      assignments.push_back(a);
    }
  };
  ASSIGN_OR_RETURN(const CorpusSummary summary,
                   RunStories(flags.corpus.input.paths, corpus, flags.story, print,
                              PrintRejectedAround(&bar), &stories));
  RETURN_IF_ERROR(FlushOutput(flags.corpus, out));
  if (!flags.stories_path.empty()) {
    RETURN_IF_ERROR(WriteStories(flags.stories_path, stories));
  }
  if (keep_articles) RETURN_IF_ERROR(WriteReport(articles, assignments, stories, flags));
  if (!flags.corpus.input.quiet) {
    PrintSummary(flags, summary, stories, relations);
    if (keep_articles) {
      std::cerr << "twicetold stories: report: " << flags.html_dir << "/index.html\n";
    }
  }
  return summary.read;
}

}  // namespace

void AddStoriesCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<StoriesFlags>();
  CLI::App* command = app.add_subcommand(
      "stories", "cluster a stream of articles into stories, in published-time order");
  AddCorpusFlags(command, &flags->corpus);
  command->add_option("--stories", flags->stories_path, "write one JSON line per story here");
  command->add_option("--html", flags->html_dir,
                      "write a browsable report into this folder (keeps every article in memory)");
  command->add_option("--window-days", flags->story.window_days,
                      "a story stays active this many days after its newest member")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command->add_option("--join", flags->story.join_threshold,
                      "least score to join a story when both are dated")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  command->add_option("--join-undated", flags->story.join_threshold_undated,
                      "least score to join a story when either is undated")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  command->callback([flags, exit_code] {
    *exit_code = FinishCommand("stories", Run(*flags), flags->corpus.input.strict);
  });
}

}  // namespace twicetold::cli
