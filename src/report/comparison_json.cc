#include <nlohmann/json.hpp>

#include "report/report_util.h"
#include "twicetold/report.h"

namespace twicetold {
namespace {

using Json = nlohmann::ordered_json;
using report_internal::BodyText;

// Converts spans of one article's normalized text to code-point spans of
// its body as given.
class Spans {
 public:
  explicit Spans(const AnalyzedArticle& article)
      : article_(article), index_(article.article.body) {}
  Json Normalized(Span normalized) const { return Body(article_.ToBody(normalized)); }
  Json Body(Span body) const {
    const Span cp = index_.Convert(body);
    return Json::array({cp.begin, cp.end});
  }
  Json Optional(const std::optional<Span>& normalized) const {
    return normalized ? Normalized(*normalized) : Json(nullptr);
  }

 private:
  const AnalyzedArticle& article_;
  CodePointIndex index_;
};

Json ScoresJson(const CompareScores& s) {
  Json out = {{"jaccard", s.jaccard},
              {"containment_a_in_b", s.containment_a_in_b},
              {"containment_b_in_a", s.containment_b_in_a},
              {"words_a", s.words_a}, {"words_b", s.words_b},
              {"longest_run", s.longest_run},
              {"longest_run_outside_quotes", s.longest_run_outside_quotes},
              {"run_coverage_outside_quotes", s.run_coverage_outside_quotes},
              {"term_similarity", s.term_similarity},
              {"content_similarity", s.content_similarity},
              {"topic_similarity", s.topic_similarity},
              {"name_overlap", s.name_overlap},
              {"shared_names", s.shared_names},
              {"names_a", s.names_a}, {"names_b", s.names_b},
              {"shared_rare_names", s.shared_rare_names},
              {"shared_quotes", s.shared_quotes},
              {"quotes_a", s.quotes_a}, {"quotes_b", s.quotes_b},
              {"order_agreement", s.order_agreement},
              {"aligned_fraction_a", s.aligned_fraction_a},
              {"aligned_fraction_b", s.aligned_fraction_b},
              {"story_score", s.story_score}};
  out["days_apart"] = s.days_apart ? Json(*s.days_apart) : Json(nullptr);
  return out;
}

Json SideJson(const AnalyzedArticle& a, const Spans& spans) {
  Json removed = Json::array();
  for (const Removal& r : a.cleaned.removed) {
    removed.push_back({{"reason", RemovalReasonName(r.reason)},
                       {"span", spans.Body(r.span)}, {"text", r.text}});
  }
  Json dateline = nullptr;
  if (a.cleaned.dateline) {
    dateline = {{"place", a.cleaned.dateline->place},
                {"outlet", a.cleaned.dateline->outlet},
                {"span", spans.Body(a.cleaned.dateline->span)}};
  }
  return {{"id", a.article.id},         {"title", a.article.title},
          {"source", a.article.source}, {"published", a.article.published},
          {"removed", removed},         {"dateline", dateline}};
}

Json RunsJson(const AnalyzedArticle& a, const Comparison& c, const Spans& sa,
              const Spans& sb) {
  Json runs = Json::array();
  for (const SharedRun& r : c.runs) {
    runs.push_back({{"words", r.words},
                    {"a", sa.Normalized(r.a)}, {"b", sb.Normalized(r.b)},
                    {"in_quote_a", r.in_quote_a}, {"in_quote_b", r.in_quote_b},
                    {"text", BodyText(a, r.a)}});
  }
  return runs;
}

Json AlignmentJson(const Comparison& c, const Spans& sa, const Spans& sb) {
  Json alignment = Json::array();
  for (const AlignedPair& p : c.alignment) {
    alignment.push_back({{"a", sa.Optional(p.a_span)},
                         {"b", sb.Optional(p.b_span)},
                         {"kind", MatchKindName(p.kind)},
                         {"similarity", p.similarity}});
  }
  return alignment;
}

Json QuoteSideJson(const AnalyzedArticle& article, const std::vector<Quote>& quotes,
                   const std::optional<uint32_t>& index, const Spans& spans) {
  if (!index) return nullptr;
  const Quote& q = quotes[*index];
  return {{"text", BodyText(article, q.span)},
          {"span", spans.Normalized(q.span)},
          {"speaker", q.speaker},
          {"fragment", q.fragment}};
}

Json QuotesJson(const AnalyzedArticle& a, const AnalyzedArticle& b,
                const Comparison& c, const Spans& sa, const Spans& sb) {
  Json quotes = Json::array();
  for (const QuotePair& p : c.quote_pairs) {
    Json diff = Json::array();
    for (const WordDiff& d : p.diff) {
      static constexpr const char* kOps[] = {"equal", "delete", "insert"};
      diff.push_back({{"op", kOps[static_cast<int>(d.op)]}, {"words", d.words}});
    }
    quotes.push_back({{"speaker", p.speaker.empty() ? Json(nullptr) : Json(p.speaker)},
                      {"a", QuoteSideJson(a, c.quotes_a, p.a, sa)},
                      {"b", QuoteSideJson(b, c.quotes_b, p.b, sb)},
                      {"relation", QuoteRelationName(p.relation)},
                      {"diff", diff}});
  }
  return quotes;
}

Json FactsJson(const std::vector<Fact>& facts, const Spans& spans) {
  Json out = Json::object();
  for (const report_internal::FactGroup& group : report_internal::GroupFacts(facts)) {
    Json list = Json::array();
    for (const Fact* f : group.facts) {
      list.push_back({{"text", f->text}, {"span", spans.Normalized(f->span)}});
    }
    out[std::string(group.name)] = list;
  }
  return out;
}

}  // namespace

std::string ComparisonToJson(const AnalyzedArticle& a, const AnalyzedArticle& b,
                             const Comparison& c) {
  const Spans sa(a), sb(b);
  Json out = {{"relation", RelationName(c.relation)},
              {"scores", ScoresJson(c.scores)},
              {"model", c.model},
              {"a", SideJson(a, sa)},
              {"b", SideJson(b, sb)},
              {"runs", RunsJson(a, c, sa, sb)},
              {"alignment", AlignmentJson(c, sa, sb)},
              {"quotes", QuotesJson(a, b, c, sa, sb)},
              {"facts", {{"only_a", FactsJson(c.facts.only_a, sa)},
                         {"only_b", FactsJson(c.facts.only_b, sb)}}}};
  return out.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace twicetold
