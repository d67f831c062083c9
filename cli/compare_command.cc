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
#include "twicetold/report.h"

namespace twicetold::cli {
namespace {

struct CompareFlags {
  InputFlags input;
  std::string a_id;   // pick A by id when the inputs hold more than two
  std::string b_id;
  bool json = false;
  std::string html_path;
};

// The two articles to compare: the ones named by --a/--b, else the only two.
int PickPair(const CompareFlags& flags, std::vector<Article>& articles,
             Article* a, Article* b) {
  if (!flags.a_id.empty() || !flags.b_id.empty()) {
    for (Article& article : articles) {
      if (article.id == flags.a_id && a->id.empty()) *a = std::move(article);
      else if (article.id == flags.b_id && b->id.empty()) *b = std::move(article);
    }
    if (a->body.empty() || b->body.empty()) {
      std::cerr << "twicetold compare: no article with id '"
                << (a->body.empty() ? flags.a_id : flags.b_id) << "'\n";
      return kExitError;
    }
    return kExitOk;
  }
  if (articles.size() != 2) {
    std::cerr << "twicetold compare: needs exactly two articles, got "
              << articles.size() << " (use --a ID --b ID to choose)\n";
    return kExitError;
  }
  *a = std::move(articles[0]);
  *b = std::move(articles[1]);
  return kExitOk;
}

int Run(const CompareFlags& flags) {
  std::vector<Article> articles;
  const int read_code = ReadArticles(flags.input, [&](Article&& article) {
    articles.push_back(std::move(article));
  });
  if (read_code == kExitError) return read_code;
  Article a, b;
  if (const int code = PickPair(flags, articles, &a, &b); code != kExitOk) return code;
  const AnalyzeOptions analyze;
  const AnalyzedArticle analyzed_a = Analyze(std::move(a), analyze);
  const AnalyzedArticle analyzed_b = Analyze(std::move(b), analyze);
  const Result<Comparison> comparison = Compare(analyzed_a, analyzed_b, CompareOptions{});
  if (!comparison.ok()) {
    std::cerr << "twicetold compare: " << comparison.status().ToString() << "\n";
    return kExitError;
  }
  if (!flags.html_path.empty()) {
    std::ofstream html(flags.html_path, std::ios::binary);
    html << ComparisonToHtml(analyzed_a, analyzed_b, *comparison);
    if (!html.good()) {
      std::cerr << "twicetold compare: cannot write " << flags.html_path << "\n";
      return kExitError;
    }
  }
  if (flags.json) {
    std::cout << ComparisonToJson(analyzed_a, analyzed_b, *comparison) << "\n";
  } else {
    std::cout << ComparisonToText(analyzed_a, analyzed_b, *comparison);
    if (!flags.html_path.empty()) std::cout << "page: " << flags.html_path << "\n";
  }
  return read_code;
}

}  // namespace

void AddCompareCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<CompareFlags>();
  CLI::App* command = app.add_subcommand(
      "compare", "how two versions of a story relate, passage by passage and quote by quote");
  AddInputFlags(command, &flags->input);
  command->add_option("--a", flags->a_id, "id of version A when the inputs hold more");
  command->add_option("--b", flags->b_id, "id of version B when the inputs hold more");
  command->add_flag("--json", flags->json,
                    "one JSON object; spans are code points into each body as given");
  command->add_option("--html", flags->html_path,
                      "also write a self-contained side-by-side HTML page to this file");
  command->callback([flags, exit_code] { *exit_code = Run(*flags); });
}

}  // namespace twicetold::cli
