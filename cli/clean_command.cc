// twicetold clean INPUT...: prints each article with boilerplate removed,
// its dateline as metadata and its paragraphs typed (heading, list item).
#include <iostream>
#include <string>

#include "commands.h"
#include "input.h"
#include "json_output.h"
#include "twicetold/analyze.h"

namespace twicetold::cli {
namespace {

struct CleanFlags {
  InputFlags input;
  bool json = false;
};

Json ArticleJson(const AnalyzedArticle& a) {
  const std::string& body = a.article.body;
  const CodePointIndex index(body);
  Json out = {{"id", a.article.id},       {"title", a.article.title},
                        {"source", a.article.source}, {"url", a.article.url},
                        {"published", a.article.published}, {"text", body}};
  out["dateline"] = nullptr;
  if (a.cleaned.dateline) {
    const Dateline& d = *a.cleaned.dateline;
    out["dateline"] = {{"place", d.place}, {"outlet", d.outlet},
                       {"span", SpanJson(index, d.span)}};
  }
  out["body"] = a.cleaned.text.text;
  Json& paragraphs = out["paragraphs"] = Json::array();
  for (const Block& block : a.segments.blocks) {
    const Span span = a.ToBody(block.span);
    paragraphs.push_back({{"kind", BlockKindName(block.kind)},
                          {"span", SpanJson(index, span)},
                          {"text", span.In(body)}});
  }
  Json& sentences = out["sentences"] = Json::array();
  for (const Sentence& sentence : a.segments.sentences) {
    sentences.push_back({{"paragraph", sentence.block},
                         {"span", SpanJson(index, a.ToBody(sentence.span))}});
  }
  Json& removed = out["removed"] = Json::array();
  for (const Removal& r : a.cleaned.removed) {
    removed.push_back({{"reason", RemovalReasonName(r.reason)},
                       {"span", SpanJson(index, r.span)},
                       {"text", r.text}});
  }
  return out;
}

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

}  // namespace

void AddCleanCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<CleanFlags>();
  CLI::App* command = app.add_subcommand(
      "clean", "print articles with boilerplate removed and paragraphs typed");
  AddInputFlags(command, &flags->input);
  command->add_flag("--json", flags->json,
                    "one JSON object per article; spans are code points into \"text\"");
  command->callback([flags, exit_code] {
    const AnalyzeOptions options;
    *exit_code = ReadArticles(flags->input, [&](Article&& article) {
      const AnalyzedArticle analyzed = Analyze(std::move(article), options);
      if (flags->json) {
        std::cout << JsonLine(ArticleJson(analyzed)) << "\n";
      } else {
        PrintReadable(analyzed);
      }
    });
  });
}

}  // namespace twicetold::cli
