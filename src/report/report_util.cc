#include "report/report_util.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "quote/word_diff.h"

namespace twicetold::report_internal {
namespace {

// Tokens of `article` that lie inside `span`, with lower-cased keys.
void WordsIn(const AnalyzedArticle& article, Span span,
             std::vector<MarkedWord>* words, std::vector<std::string>* keys) {
  const std::vector<Token>& tokens = article.segments.tokens;
  auto it = std::lower_bound(tokens.begin(), tokens.end(), span.begin,
                             [](const Token& t, uint32_t at) { return t.span.begin < at; });
  for (; it != tokens.end() && it->span.end <= span.end; ++it) {
    std::string key(article.Text(it->span));
    for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    words->push_back({it->span, false});
    keys->push_back(std::move(key));
  }
}

}  // namespace

std::vector<FactGroup> GroupFacts(const std::vector<Fact>& facts) {
  static constexpr std::pair<FactKind, std::string_view> kGroups[] = {
      {FactKind::kNumber, "numbers"},     {FactKind::kDate, "dates"},
      {FactKind::kPerson, "people"},      {FactKind::kPlace, "places"},
      {FactKind::kOrganization, "organizations"}, {FactKind::kName, "names"}};
  std::vector<FactGroup> groups;
  for (const auto& [kind, name] : kGroups) {
    FactGroup group{name, {}};
    for (const Fact& f : facts) {
      if (f.kind == kind) group.facts.push_back(&f);
    }
    groups.push_back(std::move(group));
  }
  return groups;
}

void MarkChangedWords(const AnalyzedArticle& a, Span a_span,
                      const AnalyzedArticle& b, Span b_span,
                      std::vector<MarkedWord>* a_words,
                      std::vector<MarkedWord>* b_words) {
  std::vector<std::string> a_keys, b_keys;
  WordsIn(a, a_span, a_words, &a_keys);
  WordsIn(b, b_span, b_words, &b_keys);
  size_t i = 0, j = 0;
  for (quote_internal::EditOp op : quote_internal::DiffWords(a_keys, b_keys)) {
    switch (op) {
      case quote_internal::EditOp::kEqual: ++i, ++j; break;
      case quote_internal::EditOp::kDelete: (*a_words)[i++].changed = true; break;
      case quote_internal::EditOp::kInsert: (*b_words)[j++].changed = true; break;
    }
  }
}

void Escape(std::string_view text, std::string* out) {
  for (char c : text) {
    switch (c) {
      case '&': *out += "&amp;"; break;
      case '<': *out += "&lt;"; break;
      case '>': *out += "&gt;"; break;
      case '"': *out += "&quot;"; break;
      case '\'': *out += "&#39;"; break;
      default: *out += c;
    }
  }
}

std::string Escaped(std::string_view text) {
  std::string out;
  Escape(text, &out);
  return out;
}

std::string Fixed(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", value);
  return buf;
}

std::vector<int> CountKinds(const Comparison& comparison) {
  std::vector<int> counts(5, 0);
  for (const AlignedPair& p : comparison.alignment) {
    ++counts[static_cast<int>(p.kind)];
  }
  return counts;
}

std::string RelationLabel(const Comparison& c) {
  std::string out(RelationName(c.relation));
  if (c.relation != Relation::kExcerpt) return out;
  // The shorter text is the excerpt (relation.h).
  bool b_part = c.scores.words_b <= c.scores.words_a;
  return out + (b_part ? " (B is part of A)" : " (A is part of B)");
}

}  // namespace twicetold::report_internal
