// twicetold clean INPUT...: prints each article with boilerplate removed,
// its dateline as metadata and its paragraphs typed (heading, list item).
#include <iostream>
#include <string>

#include "commands.h"
#include "input.h"
#include "twicetold/analyze.h"
#include "twicetold/json.h"

namespace twicetold::cli {
namespace {

struct CleanFlags {
  InputFlags input;
  bool json = false;
};

void PrintReadable(const AnalyzedArticle& a) {
  const std::string& body = a.article.body;
  std::cout << "== " << a.article.id;
  if (!a.article.title.empty()) std::cout << ": " << a.article.title;
  std::cout << "\n";
  if (a.cleaned.dateline) {
    std::cout << "   dateline: " << a.cleaned.dateline->place;
    if (!a.cleaned.dateline->outlet.empty()) {
      std::cout << " (" << a.cleaned.dateline->outlet << ")";
    }
    std::cout << "\n";
  }
  for (const Removal& r : a.cleaned.removed) {
    std::cout << "   removed " << RemovalReasonName(r.reason) << ": "
              << (r.reason == RemovalReason::kBlankFiller ? "(whitespace only)" : r.text)
              << "\n";
  }
  std::cout << "\n";
  for (const Block& block : a.segments.blocks) {
    const std::string_view text = a.ToBody(block.span).In(body);
    switch (block.kind) {
      case BlockKind::kHeading: std::cout << "## " << text << "\n\n"; break;
      case BlockKind::kListItem: std::cout << "  • " << text << "\n"; break;
      case BlockKind::kParagraph: std::cout << text << "\n\n"; break;
    }
  }
}

// Prints each article as it is read; the read summary, or the first error.
Result<ReadSummary> Run(const CleanFlags& flags) {
  const AnalyzeOptions options;
  const auto print = [&](Article&& article) {
    const AnalyzedArticle analyzed = Analyze(std::move(article), options);
    if (flags.json) {
      std::cout << CleanedArticleToJson(analyzed) << "\n";
    } else {
      PrintReadable(analyzed);
    }
  };
  ASSIGN_OR_RETURN(const ReadSummary read, ReadArticles(flags.input, print));
  RETURN_IF_ERROR(FlushOutput(std::cout, "standard output"));
  return read;
}

}  // namespace

void AddCleanCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<CleanFlags>();
  CLI::App* command = app.add_subcommand(
      "clean", "print articles with boilerplate removed and paragraphs typed");
  AddInputFlags(command, &flags->input);
  command->add_flag("--json", flags->json,
                    "one JSON object per article; spans are code points into \"text\"");
  command->callback([flags, exit_code] {
    *exit_code = FinishCommand("clean", Run(*flags), flags->input.strict);
  });
}

}  // namespace twicetold::cli
