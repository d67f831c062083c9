#include <cstdio>
#include <string>

#include "report/report_util.h"
#include "twicetold/report.h"

namespace twicetold {
namespace {

using report_internal::BodyText;
using report_internal::Escape;
using report_internal::Escaped;
using report_internal::Fixed;
using report_internal::MarkedWord;

constexpr const char* kStyle = R"css(
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:1em 2em;color:#222}
h1{font-size:1.4em;margin-bottom:.2em} h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ddd}
.relation{display:inline-block;padding:.2em .7em;border-radius:1em;background:#234;color:#fff;font-weight:600}
table{border-collapse:collapse;width:100%} td,th{vertical-align:top;padding:.35em .5em;border-bottom:1px solid #eee;text-align:left}
th{font-size:.85em;color:#555} td.kind{white-space:nowrap;font-size:.8em;color:#555;text-align:center}
.align td.side{width:45%}
tr.same td.side{color:#555} tr.only_a td.a,tr.only_b td.b{background:#fff6d6}
del{background:#ffd6d6;text-decoration:line-through} ins{background:#d6f5d6;text-decoration:none}
.q-identical{color:#176} .q-altered{color:#a40} .q-extended,.q-trimmed{color:#646} .q-only_a,.q-only_b{color:#777}
.evidence{color:#444;font-size:.9em} .facts ul{margin:.2em 0 .8em} footer{margin-top:3em;color:#888;font-size:.8em}
)css";

// The sentence `sentence` of `article` as given, with each run of changed
// words wrapped in one `tag` (del or ins).
std::string MarkedSentence(const AnalyzedArticle& article, Span sentence,
                           const std::vector<MarkedWord>& words, const char* tag) {
  const std::string_view body = article.article.body;
  const Span whole = article.ToBody(sentence);
  const std::string open = std::string("<") + tag + ">";
  const std::string close = std::string("</") + tag + ">";
  std::string out;
  uint32_t pos = whole.begin;
  bool in_run = false;
  for (size_t i = 0; i < words.size(); ++i) {
    const Span word = article.ToBody(words[i].span);
    if (word.begin < pos) continue;
    if (in_run && !words[i].changed) {
      out += close;
      in_run = false;
    }
    Escape(body.substr(pos, word.begin - pos), &out);
    if (!in_run && words[i].changed) {
      out += open;
      in_run = true;
    }
    Escape(word.In(body), &out);
    pos = word.end;
  }
  if (in_run) out += close;
  if (pos < whole.end) Escape(body.substr(pos, whole.end - pos), &out);
  return out;
}

void Overview(const AnalyzedArticle& a, const AnalyzedArticle& b, const Comparison& c,
              std::string* out) {
  const CompareScores& s = c.scores;
  *out += "<h1>How two versions of a story compare</h1>\n<p><span class=\"relation\">" +
          Escaped(report_internal::RelationLabel(c)) + "</span></p>\n<table class=\"meta\">"
          "<tr><th></th><th>A</th><th>B</th></tr>\n";
  const auto row = [&](const char* label, const std::string& x, const std::string& y) {
    if (x.empty() && y.empty()) return;
    *out += std::string("<tr><th>") + label + "</th><td>" + Escaped(x) + "</td><td>" +
            Escaped(y) + "</td></tr>\n";
  };
  row("id", a.article.id, b.article.id);
  row("title", a.article.title, b.article.title);
  row("source", a.article.source, b.article.source);
  row("published", a.article.published, b.article.published);
  row("words", std::to_string(s.words_a), std::to_string(s.words_b));
  row("sentences", std::to_string(s.sentences_a), std::to_string(s.sentences_b));
  *out += "</table>\n<p class=\"evidence\">word 5-gram Jaccard " + Fixed(s.jaccard) +
          " &middot; containment A in B " + Fixed(s.containment_a_in_b) + ", B in A " +
          Fixed(s.containment_b_in_a) + " &middot; longest shared run " +
          std::to_string(s.longest_run) + " words (" +
          std::to_string(s.longest_run_outside_quotes) +
          " outside quotations) &middot; term similarity " + Fixed(s.term_similarity) +
          " &middot; shared quotes " + std::to_string(s.shared_quotes) + "</p>\n";
}

std::string QuoteDiffHtml(const QuotePair& p) {
  std::string out;
  for (const WordDiff& d : p.diff) {
    if (!out.empty()) out += ' ';
    switch (d.op) {
      case WordDiff::Op::kEqual: Escape(d.words, &out); break;
      case WordDiff::Op::kDelete: out += "<del>" + Escaped(d.words) + "</del>"; break;
      case WordDiff::Op::kInsert: out += "<ins>" + Escaped(d.words) + "</ins>"; break;
    }
  }
  return out;
}

void QuoteTable(const AnalyzedArticle& a, const AnalyzedArticle& b, const Comparison& c,
                std::string* out) {
  *out += "<h2>Quotes</h2>\n";
  if (c.quote_pairs.empty()) {
    *out += "<p>No direct quotations in either version.</p>\n";
    return;
  }
  *out += "<table class=\"quotes\"><tr><th>relation</th><th>speaker</th><th>A</th>"
          "<th>B</th><th>change</th></tr>\n";
  for (const QuotePair& p : c.quote_pairs) {
    const std::string relation(QuoteRelationName(p.relation));
    *out += "<tr class=\"q-" + relation + "\"><td>" + relation + "</td><td>" +
            Escaped(p.speaker) + "</td><td>" +
            (p.a ? Escaped(BodyText(a, c.quotes_a[*p.a].span)) : std::string()) +
            "</td><td>" +
            (p.b ? Escaped(BodyText(b, c.quotes_b[*p.b].span)) : std::string()) +
            "</td><td>" + QuoteDiffHtml(p) + "</td></tr>\n";
  }
  *out += "</table>\n";
}

void AlignmentTable(const AnalyzedArticle& a, const AnalyzedArticle& b,
                    const Comparison& c, std::string* out) {
  *out += "<h2>Passages</h2>\n<table class=\"align\"><tr><th>A</th><th>match</th>"
          "<th>B</th></tr>\n";
  for (const AlignedPair& p : c.alignment) {
    std::vector<MarkedWord> a_words, b_words;
    if (p.a_span && p.b_span && p.kind != MatchKind::kSame) {
      report_internal::MarkChangedWords(a, *p.a_span, b, *p.b_span, &a_words, &b_words);
    }
    const std::string kind(MatchKindName(p.kind));
    *out += "<tr class=\"" + kind + "\"><td class=\"side a\">" +
            (p.a_span ? MarkedSentence(a, *p.a_span, a_words, "del") : std::string()) +
            "</td><td class=\"kind\">" + kind +
            (p.a_span && p.b_span ? "<br>" + Fixed(p.similarity) : std::string()) +
            "</td><td class=\"side b\">" +
            (p.b_span ? MarkedSentence(b, *p.b_span, b_words, "ins") : std::string()) +
            "</td></tr>\n";
  }
  *out += "</table>\n";
}

std::string FactList(const std::vector<Fact>& facts) {
  std::string out;
  for (const report_internal::FactGroup& group : report_internal::GroupFacts(facts)) {
    if (group.facts.empty()) continue;
    out += "<b>" + std::string(group.name) + "</b><ul>";
    for (const Fact* f : group.facts) out += "<li>" + Escaped(f->text) + "</li>";
    out += "</ul>";
  }
  return out.empty() ? "none" : out;
}

std::string RemovedList(const AnalyzedArticle& article) {
  std::string out;
  if (article.cleaned.dateline) {
    out += "<li>dateline: " + Escaped(article.cleaned.dateline->span.In(article.article.body)) +
           "</li>";
  }
  for (const Removal& r : article.cleaned.removed) {
    out += "<li>" + std::string(RemovalReasonName(r.reason)) + ": " + Escaped(r.text) + "</li>";
  }
  return out.empty() ? "nothing" : "<ul>" + out + "</ul>";
}

}  // namespace

std::string ComparisonToHtml(const AnalyzedArticle& a, const AnalyzedArticle& b,
                             const Comparison& c) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>twicetold: " +
      Escaped(a.article.title.empty() ? a.article.id : a.article.title) +
      "</title>\n<style>" + kStyle + "</style></head><body>\n";
  Overview(a, b, c, &out);
  QuoteTable(a, b, c, &out);
  AlignmentTable(a, b, c, &out);
  out += "<h2>Facts in one version only</h2>\n<table class=\"facts\"><tr><th>only in A</th>"
         "<th>only in B</th></tr><tr><td>" + FactList(c.facts.only_a) + "</td><td>" +
         FactList(c.facts.only_b) + "</td></tr></table>\n";
  out += "<h2>Removed before comparing</h2>\n<table><tr><th>A</th><th>B</th></tr><tr><td>" +
         RemovedList(a) + "</td><td>" + RemovedList(b) + "</td></tr></table>\n";
  out += "<footer>twicetold &middot; " + Escaped(c.model) + "</footer>\n</body></html>\n";
  return out;
}

}  // namespace twicetold
