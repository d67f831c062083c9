// Fuzzes the comparison of two texts (include/twicetold/compare.h) and its
// renderings: Analyze both, Compare(a, b), Compare(b, a), RelationOf(a, b),
// Compare(a, a), then ComparisonToJson, ComparisonToText and
// ComparisonToHtml.
//
// Input: byte 0 picks the options (bit 0: no alignment, bit 1: no quotes,
// bit 2: no facts, bit 3: a title for A, bits 4-5: shingle_size - 2 ... so
// 2-5, bits 6-7: min_run_words 1, 3, 6 or 9); the rest is A's body and B's
// body separated by the first NUL byte. Inputs with a body that is empty
// or not valid UTF-8 are skipped (the readers reject such articles).
//
// Asserts: Compare succeeds; Compare(b, a) gives the relation of
// Compare(a, b); so does RelationOf(a, b) (compare/relation_of.h: the
// story clusterer's shortcut, which skips the alignment and the facts
// when cheaper scores decide); runs are non-empty, in range, on
// character boundaries, at most max_runs, at least min_run_words; every
// alignment entry has the sentences its kind promises, in range, with
// spans that are the sentences'; every sentence of A and of B is in the
// alignment; quote pairs index the quotes; comparing A with itself gives
// kIdentical (when A has words) with every sentence aligned to itself as
// same; the JSON is one line of valid UTF-8 that parses; the text and HTML
// renderings are valid UTF-8.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compare/relation_of.h"
#include "fuzz_check.h"
#include "twicetold/analyze.h"
#include "twicetold/compare.h"
#include "twicetold/identical.h"
#include "twicetold/json.h"
#include "twicetold/report.h"

namespace {

namespace fz = twicetold::fuzz;
using twicetold::AlignedPair;
using twicetold::AnalyzedArticle;
using twicetold::Comparison;
using twicetold::MatchKind;
using twicetold::Span;

void CheckNormalizedSpan(Span span, const AnalyzedArticle& a) {
  fz::CheckSpan(span, a.normalized.text.size());
  FUZZ_CHECK(fz::IsCharBoundary(a.normalized.text, span.begin));
  FUZZ_CHECK(fz::IsCharBoundary(a.normalized.text, span.end));
}

// Each entry has the sentences its kind promises, in range, and every
// sentence of A and of B appears.
void CheckAlignment(const AnalyzedArticle& a, const AnalyzedArticle& b,
                    const std::vector<AlignedPair>& alignment) {
  std::vector<int> seen_a(a.segments.sentences.size(), 0);
  std::vector<int> seen_b(b.segments.sentences.size(), 0);
  for (const AlignedPair& p : alignment) {
    switch (p.kind) {
      case MatchKind::kOnlyA:
        FUZZ_CHECK(p.a && !p.b);
        break;
      case MatchKind::kOnlyB:
        FUZZ_CHECK(!p.a && p.b);
        break;
      default:
        FUZZ_CHECK(p.a && p.b);
    }
    FUZZ_CHECK(p.a.has_value() == p.a_span.has_value());
    FUZZ_CHECK(p.b.has_value() == p.b_span.has_value());
    if (p.a) {
      FUZZ_CHECK(*p.a < seen_a.size());
      ++seen_a[*p.a];
      CheckNormalizedSpan(*p.a_span, a);
    }
    if (p.b) {
      FUZZ_CHECK(*p.b < seen_b.size());
      ++seen_b[*p.b];
      CheckNormalizedSpan(*p.b_span, b);
    }
    FUZZ_CHECK(p.similarity >= 0 && p.similarity <= 1.0000001);
  }
  for (int n : seen_a) FUZZ_CHECK(n > 0);
  for (int n : seen_b) FUZZ_CHECK(n > 0);
}

void CheckComparison(const AnalyzedArticle& a, const AnalyzedArticle& b,
                     const Comparison& c, const twicetold::CompareOptions& o) {
  FUZZ_CHECK(c.runs.size() <= o.max_runs);
  for (const twicetold::SharedRun& run : c.runs) {
    CheckNormalizedSpan(run.a, a);
    CheckNormalizedSpan(run.b, b);
    FUZZ_CHECK(run.a.begin < run.a.end && run.b.begin < run.b.end);
    FUZZ_CHECK(run.words >= o.min_run_words);
  }
  if (o.align) {
    CheckAlignment(a, b, c.alignment);
  } else {
    FUZZ_CHECK(c.alignment.empty());
  }
  for (const twicetold::QuotePair& p : c.quote_pairs) {
    FUZZ_CHECK(p.a || p.b);
    if (p.a) FUZZ_CHECK(*p.a < c.quotes_a.size());
    if (p.b) FUZZ_CHECK(*p.b < c.quotes_b.size());
  }
  FUZZ_CHECK(!c.model.empty());

  const std::string json = twicetold::ComparisonToJson(a, b, c);
  FUZZ_CHECK(fz::IsValidUtf8(json));
  FUZZ_CHECK(json.find('\n') == std::string::npos);
  FUZZ_CHECK(nlohmann::json::accept(json));
  FUZZ_CHECK(fz::IsValidUtf8(twicetold::ComparisonToText(a, b, c)));
  FUZZ_CHECK(fz::IsValidUtf8(twicetold::ComparisonToHtml(a, b, c)));
}

AnalyzedArticle Make(const char* id, std::string title, std::string_view body) {
  twicetold::Article article;
  article.id = id;
  article.title = std::move(title);
  article.body = std::string(body);
  return twicetold::Analyze(std::move(article), twicetold::AnalyzeOptions{});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  const uint8_t flags = data[0];
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  const size_t nul = rest.find('\0');
  const std::string_view body_a = rest.substr(0, nul);
  const std::string_view body_b =
      nul == std::string_view::npos ? std::string_view() : rest.substr(nul + 1);
  if (body_a.empty() || body_b.empty() || !fz::IsValidUtf8(body_a) ||
      !fz::IsValidUtf8(body_b)) {
    return 0;
  }
  twicetold::CompareOptions options;
  options.align = !(flags & 1);
  options.quotes = !(flags & 2);
  options.facts = !(flags & 4);
  options.shingle_size = 2 + ((flags >> 4) & 3);
  static constexpr uint32_t kRunWords[] = {1, 3, 6, 9};
  options.min_run_words = kRunWords[flags >> 6];

  // A's title, when asked for, is its first line (as a headline would be).
  const std::string title =
      (flags & 8) ? std::string(body_a.substr(0, body_a.find('\n'))) : std::string();
  const AnalyzedArticle a = Make("a", title, body_a);
  const AnalyzedArticle b = Make("b", "", body_b);

  const twicetold::Result<Comparison> ab = twicetold::Compare(a, b, options);
  FUZZ_CHECK(ab.ok());
  CheckComparison(a, b, *ab, options);
  // The relation of two versions does not depend on which is given first.
  const twicetold::Result<Comparison> ba = twicetold::Compare(b, a, options);
  FUZZ_CHECK(ba.ok());
  FUZZ_CHECK(ba->relation == ab->relation);
  // The shortcut decides as the full comparison does.
  const twicetold::Result<twicetold::Relation> shortcut =
      twicetold::compare_internal::RelationOf(a, b, options);
  FUZZ_CHECK(shortcut.ok() && *shortcut == ab->relation);

  const twicetold::Result<Comparison> aa = twicetold::Compare(a, a, options);
  FUZZ_CHECK(aa.ok());
  CheckComparison(a, a, *aa, options);
  // A text without words is identical to nothing, not even to itself
  // (identical.h).
  const bool has_words =
      twicetold::ComputeIdenticalKey(a.normalized.text, a.segments.tokens).words > 0;
  FUZZ_CHECK(aa->relation == twicetold::Relation::kIdentical || !has_words);
  if (options.align) {
    for (const AlignedPair& p : aa->alignment) {
      FUZZ_CHECK(p.kind == MatchKind::kSame);
      FUZZ_CHECK(p.a && p.b && *p.a == *p.b);
    }
  }
  return 0;
}
