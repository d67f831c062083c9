// twicetold quotes INPUT...: lists each article's direct quotations with
// their speakers.
#include <iostream>
#include <string>

#include "commands.h"
#include "input.h"
#include "json_output.h"
#include "twicetold/analyze.h"
#include "twicetold/quote.h"

namespace twicetold::cli {
namespace {

struct QuotesFlags {
  InputFlags input;
  bool json = false;
  QuoteOptions quote;
};

Json QuotesJson(const AnalyzedArticle& a,
                          const std::vector<Quote>& quotes) {
  const CodePointIndex index(a.article.body);
  Json list = Json::array();
  for (const Quote& q : quotes) {
    Json speaker_span = nullptr;
    if (q.speaker_span) speaker_span = SpanJson(index, a.ToBody(*q.speaker_span));
    list.push_back({{"text", q.text},
                    {"span", SpanJson(index, a.ToBody(q.span))},
                    {"speaker", q.speaker},
                    {"speaker_span", speaker_span},
                    {"fragment", q.fragment},
                    {"in_heading", q.in_heading}, {"title", q.title}});
  }
  return {{"id", a.article.id}, {"quotes", list}};
}

void PrintReadable(const AnalyzedArticle& a, const std::vector<Quote>& quotes) {
  std::cout << "== " << a.article.id;
  if (!a.article.title.empty()) std::cout << ": " << a.article.title;
  std::cout << " (" << quotes.size() << " quotes)\n";
  for (const Quote& q : quotes) {
    std::string speaker = q.speaker;
    if (speaker.empty() && q.speaker_span) speaker = a.Text(*q.speaker_span);
    if (speaker.empty()) speaker = "?";
    std::cout << "  " << speaker;
    if (q.fragment) std::cout << " [fragment]";
    if (q.in_heading) std::cout << " [heading]";
    std::cout << ": \"" << q.text << "\"\n";
  }
  std::cout << "\n";
}

}  // namespace

void AddQuotesCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<QuotesFlags>();
  CLI::App* command = app.add_subcommand(
      "quotes", "list each article's direct quotations and their speakers");
  AddInputFlags(command, &flags->input);
  command->add_flag("--json", flags->json,
                    "one JSON object per article; spans are code points into "
                    "the article body as given");
  command->add_option("--max-fragment-words", flags->quote.max_fragment_words,
                      "quotations this short without a clause are fragments");
  command->callback([flags, exit_code] {
    const AnalyzeOptions options;
    *exit_code = ReadArticles(flags->input, [&](Article&& article) {
      const AnalyzedArticle analyzed = Analyze(std::move(article), options);
      const std::vector<Quote> quotes = ExtractQuotes(analyzed, flags->quote);
      if (flags->json) {
        std::cout << JsonLine(QuotesJson(analyzed, quotes)) << "\n";
      } else {
        PrintReadable(analyzed, quotes);
      }
    });
  });
}

}  // namespace twicetold::cli
