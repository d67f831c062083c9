// CleanedArticleToJson and QuotesToJson (include/twicetold/json.h).
#include "report/json_util.h"
#include "twicetold/json.h"

namespace twicetold {
namespace report_internal {

Json RemovedJson(const AnalyzedArticle& a, const BodySpans& spans) {
  Json removed = Json::array();
  for (const Removal& r : a.cleaned.removed) {
    removed.push_back({{"reason", RemovalReasonName(r.reason)},
                       {"span", spans.Body(r.span)},
                       {"text", r.text}});
  }
  return removed;
}

Json DatelineJson(const AnalyzedArticle& a, const BodySpans& spans) {
  if (!a.cleaned.dateline) return nullptr;
  const Dateline& d = *a.cleaned.dateline;
  return {{"place", d.place}, {"outlet", d.outlet}, {"span", spans.Body(d.span)}};
}

}  // namespace report_internal

namespace {

using report_internal::BodySpans;
using report_internal::Json;

Json ParagraphsJson(const AnalyzedArticle& a, const BodySpans& spans) {
  Json paragraphs = Json::array();
  for (const Block& block : a.segments.blocks) {
    paragraphs.push_back({{"kind", BlockKindName(block.kind)},
                          {"span", spans.Normalized(block.span)},
                          {"text", a.ToBody(block.span).In(a.article.body)}});
  }
  return paragraphs;
}

Json SentencesJson(const AnalyzedArticle& a, const BodySpans& spans) {
  Json sentences = Json::array();
  for (const Sentence& sentence : a.segments.sentences) {
    sentences.push_back({{"paragraph", sentence.block},
                         {"span", spans.Normalized(sentence.span)}});
  }
  return sentences;
}

}  // namespace

std::string CleanedArticleToJson(const AnalyzedArticle& a) {
  const BodySpans spans(a);
  const Article& article = a.article;
  const Json out = {{"id", article.id},
                    {"title", article.title},
                    {"source", article.source},
                    {"url", article.url},
                    {"published", article.published},
                    {"text", article.body},
                    {"authors", article.authors},
                    {"site", article.site},
                    {"language", article.language},
                    {"dateline", report_internal::DatelineJson(a, spans)},
                    {"body", a.cleaned.text.text},
                    {"paragraphs", ParagraphsJson(a, spans)},
                    {"sentences", SentencesJson(a, spans)},
                    {"removed", report_internal::RemovedJson(a, spans)}};
  return report_internal::JsonLine(out);
}

Json report_internal::QuoteListJson(const AnalyzedArticle& a,
                                    const std::vector<Quote>& quotes) {
  const BodySpans spans(a);
  Json list = Json::array();
  for (const Quote& q : quotes) {
    // A mixed quotation is reported as its clause; "quoted" keeps the
    // quoted words of every quotation.
    const Span statement = q.clause ? *q.clause : q.span;
    list.push_back({{"text", q.clause ? std::string(a.Text(*q.clause)) : q.text},
                    {"span", spans.Normalized(statement)},
                    {"quoted", spans.Normalized(q.span)},
                    {"quoted_text", q.text},
                    {"mixed", q.clause.has_value()},
                    {"speaker", q.speaker},
                    {"speaker_span", spans.Optional(q.speaker_span)},
                    {"fragment", q.fragment},
                    {"in_heading", q.in_heading},
                    {"title", q.title}});
  }
  return list;
}

std::string QuotesToJson(const AnalyzedArticle& a, const std::vector<Quote>& quotes) {
  const Json out = {{"id", a.article.id}, {"quotes", report_internal::QuoteListJson(a, quotes)}};
  return report_internal::JsonLine(out);
}

}  // namespace twicetold
