// ComparisonToJson (include/twicetold/json.h).
#include "report/json_util.h"
#include "report/report_util.h"
#include "twicetold/json.h"

namespace twicetold {
namespace {

using report_internal::BodySpans;
using report_internal::BodyText;
using report_internal::Json;

Json ScoresJson(const CompareScores& s) {
  Json out = {{"jaccard", s.jaccard},
              {"containment_a_in_b", s.containment_a_in_b},
              {"containment_b_in_a", s.containment_b_in_a},
              {"words_a", s.words_a}, {"words_b", s.words_b},
              {"sentences_a", s.sentences_a}, {"sentences_b", s.sentences_b},
              {"longest_run", s.longest_run},
              {"longest_run_outside_quotes", s.longest_run_outside_quotes},
              {"run_coverage_outside_quotes", s.run_coverage_outside_quotes},
              {"prose_run_coverage", s.prose_run_coverage},
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

Json SideJson(const AnalyzedArticle& a, const BodySpans& spans) {
  return {{"id", a.article.id},
          {"title", a.article.title},
          {"source", a.article.source},
          {"published", a.article.published},
          {"removed", report_internal::RemovedJson(a, spans)},
          {"dateline", report_internal::DatelineJson(a, spans)}};
}

Json RunsJson(const AnalyzedArticle& a, const Comparison& c, const BodySpans& sa,
              const BodySpans& sb) {
  Json runs = Json::array();
  for (const SharedRun& r : c.runs) {
    runs.push_back({{"words", r.words},
                    {"a", sa.Normalized(r.a)}, {"b", sb.Normalized(r.b)},
                    {"in_quote_a", r.in_quote_a}, {"in_quote_b", r.in_quote_b},
                    {"text", BodyText(a, r.a)}});
  }
  return runs;
}

Json AlignmentJson(const Comparison& c, const BodySpans& sa, const BodySpans& sb) {
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
                   const std::optional<uint32_t>& index, const BodySpans& spans) {
  if (!index) return nullptr;
  const Quote& q = quotes[*index];
  return {{"text", BodyText(article, q.span)},
          {"span", spans.Normalized(q.span)},
          {"speaker", q.speaker},
          {"fragment", q.fragment}};
}

Json QuotesJson(const AnalyzedArticle& a, const AnalyzedArticle& b,
                const Comparison& c, const BodySpans& sa, const BodySpans& sb) {
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

Json FactsJson(const std::vector<Fact>& facts, const BodySpans& spans) {
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
  const BodySpans sa(a), sb(b);
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
  return report_internal::JsonLine(out);
}

}  // namespace twicetold
