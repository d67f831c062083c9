// Facts: numbers, dates and names present in only one version.
#include <algorithm>
#include <string>

#include <gtest/gtest.h>

#include "twicetold/analyze.h"
#include "twicetold/compare.h"

namespace twicetold {
namespace {

AnalyzedArticle Make(const std::string& body) {
  Article a;
  a.id = "t";
  a.body = body;
  return Analyze(std::move(a), AnalyzeOptions{});
}

bool Has(const std::vector<Fact>& facts, FactKind kind, const std::string& text) {
  return std::any_of(facts.begin(), facts.end(), [&](const Fact& f) {
    return f.kind == kind && f.text == text;
  });
}

TEST(ExtractFactsTest, NumbersDatesAndNames) {
  AnalyzedArticle a = Make(
      "Governor Mara Quill said on Monday that 1,200 homes in Brellin lost power. "
      "The Harbor Authority expects repairs by Dec. 4, 2026.");
  std::vector<Fact> f = ExtractFacts(a);
  EXPECT_TRUE(Has(f, FactKind::kPerson, "Mara Quill"));
  EXPECT_TRUE(Has(f, FactKind::kDate, "Monday"));
  EXPECT_TRUE(Has(f, FactKind::kNumber, "1,200"));
  EXPECT_TRUE(Has(f, FactKind::kPlace, "Brellin"));
  EXPECT_TRUE(Has(f, FactKind::kOrganization, "Harbor Authority"));
  EXPECT_TRUE(Has(f, FactKind::kDate, "Dec. 4, 2026"));
  // Sentence-initial "The" is not a name; the date's parts are not numbers.
  EXPECT_FALSE(Has(f, FactKind::kNumber, "4"));
  for (const Fact& x : f) {
    EXPECT_EQ(a.Text(x.span), x.text);
    EXPECT_NE(x.text.rfind("The ", 0), 0u);
  }
}

TEST(ExtractFactsTest, AdjectiveOfOriginIsNoName) {
  AnalyzedArticle a = Make(
      "The council in Brellin wants relief from Western sanctions, and "
      "Nordic ministers met in Kessick.");
  std::vector<Fact> f = ExtractFacts(a);
  EXPECT_TRUE(Has(f, FactKind::kPlace, "Brellin"));
  EXPECT_TRUE(Has(f, FactKind::kPlace, "Kessick"));
  for (const Fact& x : f) {
    EXPECT_NE(x.text, "Western");
    EXPECT_NE(x.text, "Nordic");
  }
}

TEST(FactDiffTest, ReportsFactsInOnlyOneVersion) {
  AnalyzedArticle a = Make(
      "Governor Mara Quill said 1,200 homes lost power on Monday. "
      "Pol Varga, an engineer, warned of more storms.");
  AnalyzedArticle b = Make(
      "Quill said 1,500 homes lost power on Monday. "
      "The Harbor Authority is investigating.");
  Result<Comparison> r = Compare(a, b, CompareOptions{});
  ASSERT_TRUE(r.ok());
  const FactDiff& d = r->facts;
  EXPECT_TRUE(Has(d.only_a, FactKind::kNumber, "1,200"));
  EXPECT_TRUE(Has(d.only_b, FactKind::kNumber, "1,500"));
  EXPECT_TRUE(Has(d.only_a, FactKind::kPerson, "Pol Varga"));
  EXPECT_TRUE(Has(d.only_b, FactKind::kOrganization, "Harbor Authority"));
  // "Quill" alone in B is the same person as "Mara Quill" in A.
  EXPECT_FALSE(Has(d.only_a, FactKind::kPerson, "Mara Quill"));
  EXPECT_FALSE(Has(d.only_a, FactKind::kDate, "Monday"));
}

}  // namespace
}  // namespace twicetold
