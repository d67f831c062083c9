#include <cstdio>
#include <string>

#include "report/report_util.h"
#include "twicetold/report.h"

namespace twicetold {
namespace {

using report_internal::BodyText;

std::string Fixed(double value, int digits = 2) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, value);
  return buf;
}

std::string Shorten(std::string_view text, size_t max_bytes = 90) {
  if (text.size() <= max_bytes) return std::string(text);
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "...";
}

void Header(const AnalyzedArticle& article, char side, std::string* out) {
  *out += std::string(1, side) + ": " + article.article.id;
  if (!article.article.title.empty()) *out += "  \"" + Shorten(article.article.title, 70) + "\"";
  *out += "\n";
}

void Evidence(const CompareScores& s, std::string* out) {
  *out += "  word 5-gram jaccard " + Fixed(s.jaccard) + ", containment A in B " +
          Fixed(s.containment_a_in_b) + ", B in A " + Fixed(s.containment_b_in_a) + "\n";
  *out += "  longest shared run " + std::to_string(s.longest_run) + " words (" +
          std::to_string(s.longest_run_outside_quotes) + " outside quotations)\n";
  *out += "  term similarity " + Fixed(s.term_similarity) + ", shared names " +
          std::to_string(s.shared_names) + " of " +
          std::to_string(s.names_a + s.names_b - s.shared_names) + ", shared quotes " +
          std::to_string(s.shared_quotes) + " (A has " + std::to_string(s.quotes_a) +
          ", B has " + std::to_string(s.quotes_b) + ")\n";
}

void Passages(const Comparison& c, std::string* out) {
  const std::vector<int> n = report_internal::CountKinds(c);
  *out += "passages: " + std::to_string(n[0]) + " same, " + std::to_string(n[1]) +
          " edited, " + std::to_string(n[2]) + " paraphrased, " + std::to_string(n[3]) +
          " only in A, " + std::to_string(n[4]) + " only in B\n";
}

std::string DiffText(const QuotePair& p) {
  std::string text;
  for (const WordDiff& d : p.diff) {
    if (!text.empty()) text += " ";
    switch (d.op) {
      case WordDiff::Op::kEqual: text += d.words; break;
      case WordDiff::Op::kDelete: text += "[-" + d.words + "-]"; break;
      case WordDiff::Op::kInsert: text += "{+" + d.words + "+}"; break;
    }
  }
  return text;
}

void Quotes(const AnalyzedArticle& a, const AnalyzedArticle& b, const Comparison& c,
            std::string* out) {
  if (c.quote_pairs.empty()) return;
  *out += "quotes:\n";
  for (const QuotePair& p : c.quote_pairs) {
    std::string relation(QuoteRelationName(p.relation));
    relation.resize(10, ' ');
    const std::string speaker = p.speaker.empty() ? "(unattributed)" : p.speaker;
    std::string text;
    if (!p.diff.empty()) {
      text = DiffText(p);
    } else if (p.a) {
      text = BodyText(a, c.quotes_a[*p.a].span);
    } else {
      text = BodyText(b, c.quotes_b[*p.b].span);
    }
    *out += "  " + relation + " " + speaker + ": \"" + Shorten(text, 160) + "\"\n";
  }
}

void Facts(const std::vector<Fact>& facts, const char* label, std::string* out) {
  if (facts.empty()) return;
  *out += std::string("facts only in ") + label + ":\n";
  for (const report_internal::FactGroup& group : report_internal::GroupFacts(facts)) {
    if (group.facts.empty()) continue;
    std::string line = "  " + std::string(group.name) + ": ";
    for (size_t i = 0; i < group.facts.size(); ++i) {
      if (i > 0) line += ", ";
      line += group.facts[i]->text;
    }
    *out += Shorten(line, 200) + "\n";
  }
}

}  // namespace

std::string ComparisonToText(const AnalyzedArticle& a, const AnalyzedArticle& b,
                             const Comparison& c) {
  std::string out;
  Header(a, 'A', &out);
  Header(b, 'B', &out);
  out += "relation: " + report_internal::RelationLabel(c) + "\n";
  Evidence(c.scores, &out);
  Passages(c, &out);
  Quotes(a, b, c, &out);
  Facts(c.facts.only_a, "A", &out);
  Facts(c.facts.only_b, "B", &out);
  return out;
}

}  // namespace twicetold
