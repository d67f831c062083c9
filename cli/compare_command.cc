// twicetold compare A B: how two versions of a story relate, passage by
// passage and quote by quote.
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "commands.h"
#include "input.h"
#include "twicetold/analyze.h"
#include "twicetold/compare.h"
#include "twicetold/json.h"
#include "twicetold/report.h"

namespace twicetold::cli {
namespace {

struct CompareFlags {
  InputFlags input;
  std::string a_id;   // pick A by id when the inputs hold more than two
  std::string b_id;
  bool json = false;
  std::string html_path;
  CompareOptions compare;
};

// The two articles to compare: the ones named by --a/--b, else the only
// two. InvalidArgument when the flags do not name two articles.
Status PickPair(const CompareFlags& flags, std::vector<Article>& articles,
                Article* a, Article* b) {
  if (!flags.a_id.empty() || !flags.b_id.empty()) {
    for (Article& article : articles) {
      if (article.id == flags.a_id && a->id.empty()) *a = std::move(article);
      else if (article.id == flags.b_id && b->id.empty()) *b = std::move(article);
    }
    if (a->body.empty() || b->body.empty()) {
      return InvalidArgumentError("no article with id '" +
                                  (a->body.empty() ? flags.a_id : flags.b_id) + "'");
    }
    return Status::Ok();
  }
  if (articles.size() != 2) {
    return InvalidArgumentError("needs exactly two articles, got " +
                                std::to_string(articles.size()) +
                                " (use --a ID --b ID to choose)");
  }
  *a = std::move(articles[0]);
  *b = std::move(articles[1]);
  return Status::Ok();
}

// Writes `content` to the file `path`; IOError when it cannot.
Status WriteFile(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
  return FlushOutput(out, path);
}

Result<ReadSummary> Run(const CompareFlags& flags) {
  std::vector<Article> articles;
  const auto keep = [&](Article&& article) { articles.push_back(std::move(article)); };
  ASSIGN_OR_RETURN(const ReadSummary read, ReadArticles(flags.input, keep));
  Article a, b;
  RETURN_IF_ERROR(PickPair(flags, articles, &a, &b));
  const AnalyzeOptions analyze;
  const AnalyzedArticle analyzed_a = Analyze(std::move(a), analyze);
  const AnalyzedArticle analyzed_b = Analyze(std::move(b), analyze);
  ASSIGN_OR_RETURN(const Comparison comparison,
                   Compare(analyzed_a, analyzed_b, flags.compare));
  if (!flags.html_path.empty()) {
    RETURN_IF_ERROR(
        WriteFile(flags.html_path, ComparisonToHtml(analyzed_a, analyzed_b, comparison)));
  }
  if (flags.json) {
    std::cout << ComparisonToJson(analyzed_a, analyzed_b, comparison) << "\n";
  } else {
    std::cout << ComparisonToText(analyzed_a, analyzed_b, comparison);
    if (!flags.html_path.empty()) std::cout << "page: " << flags.html_path << "\n";
  }
  RETURN_IF_ERROR(FlushOutput(std::cout, "standard output"));
  return read;
}

}  // namespace

void AddCompareCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<CompareFlags>();
  CLI::App* command = app.add_subcommand(
      "compare", "how two versions of a story relate, passage by passage and quote by quote");
  command->footer(
      "Relations, from most to least overlap: identical, near_duplicate, excerpt (the\n"
      "shorter version is mostly made of part of the longer), rewrite, same_story,\n"
      "related, unrelated (include/twicetold/relation.h).");
  AddInputFlags(command, &flags->input);
  command->add_option("--a", flags->a_id, "id of version A when the inputs hold more");
  command->add_option("--b", flags->b_id, "id of version B when the inputs hold more");
  command->add_flag("--json", flags->json,
                    "one JSON object; spans are code points into each body as given");
  command->add_option("--html", flags->html_path,
                      "also write a self-contained side-by-side HTML page to this file");
  command->add_flag("--apostrophe-quotes", flags->compare.quote.apostrophe_pairs,
                    "read two apostrophes ('') as a double quotation mark, as ASCII "
                    "archives set quotations");
  command->callback([flags, exit_code] {
    *exit_code = FinishCommand("compare", Run(*flags), flags->input.strict);
  });
}

}  // namespace twicetold::cli
