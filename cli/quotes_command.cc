// twicetold quotes INPUT...: lists each article's direct quotations with
// their speakers.
#include <iostream>
#include <string>

#include "commands.h"
#include "input.h"
#include "twicetold/analyze.h"
#include "twicetold/json.h"
#include "twicetold/quote.h"

namespace twicetold::cli {
namespace {

struct QuotesFlags {
  InputFlags input;
  bool json = false;
  QuoteOptions quote;
};

void PrintReadable(const AnalyzedArticle& a, const std::vector<Quote>& quotes) {
  std::cout << "== " << a.article.id;
  if (!a.article.title.empty()) std::cout << ": " << a.article.title;
  std::cout << " (" << quotes.size() << (quotes.size() == 1 ? " quote)\n" : " quotes)\n");
  for (const Quote& q : quotes) {
    std::string speaker = q.speaker;
    if (speaker.empty() && q.speaker_span) speaker = a.Text(*q.speaker_span);
    if (speaker.empty()) speaker = "?";
    std::cout << "  " << speaker;
    if (q.fragment) std::cout << " [fragment]";
    if (q.in_heading) std::cout << " [heading]";
    if (q.clause) {
      // A mixed quotation: the reported clause, its quoted words marked.
      std::cout << " [mixed]: " << a.Text(*q.clause) << "\n";
    } else {
      std::cout << ": \"" << q.text << "\"\n";
    }
  }
  std::cout << "\n";
}

// Prints each article's quotes as it is read; the read summary, or the
// first error.
Result<ReadSummary> Run(const QuotesFlags& flags) {
  const AnalyzeOptions options;
  const auto print = [&](Article&& article) {
    const AnalyzedArticle analyzed = Analyze(std::move(article), options);
    const std::vector<Quote> quotes = ExtractQuotes(analyzed, flags.quote);
    if (flags.json) {
      std::cout << QuotesToJson(analyzed, quotes) << "\n";
    } else {
      PrintReadable(analyzed, quotes);
    }
  };
  ASSIGN_OR_RETURN(const ReadSummary read, ReadArticles(flags.input, print));
  RETURN_IF_ERROR(FlushOutput(std::cout, "standard output"));
  return read;
}

}  // namespace

void AddQuotesCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<QuotesFlags>();
  CLI::App* command = app.add_subcommand(
      "quotes", "list each article's direct quotations and their speakers");
  AddInputFlags(command, &flags->input);
  command->footer(
      "Quoted words inside a clause of reported speech (Ray called the plan "
      "\"a gift to developers.\") are a mixed quotation: listed as the clause "
      "([mixed]; in JSON \"mixed\": true, \"text\"/\"span\" the clause, "
      "\"quoted_text\"/\"quoted\" the quoted words).");
  command->add_flag("--json", flags->json,
                    "one JSON object per article; spans are code points into "
                    "the article body as given");
  command->add_option("--max-fragment-words", flags->quote.max_fragment_words,
                      "quotations this short without a clause are fragments");
  command->add_flag("--unattributed-fragments",
                    flags->quote.unattributed_fragments,
                    "also list fragments nobody is quoted as saying (titles, "
                    "nicknames, so-called terms)");
  command->add_flag("--embedded-phrases", flags->quote.embedded_phrases,
                    "also list words quoted inside a paraphrase, where the "
                    "sentence goes on after the closing mark (said there were "
                    "\"thousands of shootings\" in the city)");
  command->add_flag("--apostrophe-quotes", flags->quote.apostrophe_pairs,
                    "read two apostrophes ('') as a double quotation mark, as "
                    "ASCII archives set quotations (''We will,'' she said)");
  command->callback([flags, exit_code] {
    *exit_code = FinishCommand("quotes", Run(*flags), flags->input.strict);
  });
}

}  // namespace twicetold::cli
