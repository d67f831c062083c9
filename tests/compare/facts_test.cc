// Facts: numbers, dates and names present in only one version.
#include <algorithm>
#include <random>
#include <string>
#include <unordered_set>
#include <vector>

#include <gtest/gtest.h>

#include "compare/facts.h"
#include "text/terms.h"
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

// FactsMissingFrom for numbers and names as first written: a set of every
// word of b (folded, without "'s"), then each name's words looked up in it.
std::vector<Fact> ReferenceMissingFrom(const std::vector<Fact>& facts_a,
                                       const std::vector<Fact>& facts_b,
                                       const AnalyzedArticle& b) {
  auto strip = [](std::string w) {
    if (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0) w.resize(w.size() - 2);
    return w;
  };
  std::unordered_set<std::string> words_b;
  for (const Token& t : b.segments.tokens) {
    words_b.insert(strip(text_internal::FoldWord(b.Text(t.span))));
  }
  std::vector<Fact> out;
  for (const Fact& f : facts_a) {
    bool present = false;
    if (f.kind == FactKind::kNumber) {
      for (const Fact& g : facts_b) present |= g.kind == f.kind && g.key == f.key;
    } else {
      std::vector<std::string> words;
      size_t p = 0;
      while (p <= f.key.size()) {
        size_t e = std::min(f.key.find(' ', p), f.key.size());
        words.push_back(f.key.substr(p, e - p));
        p = e + 1;
      }
      present = true;
      for (const std::string& w : words) present &= words_b.count(w) > 0;
      if (f.kind == FactKind::kPerson) present |= words_b.count(words.back()) > 0;
    }
    if (!present) out.push_back(f);
  }
  return out;
}

// Random name and number facts against random texts from one small
// vocabulary (possessives, capitals, doubled and empty name words).
TEST(FactDiffTest, MissingFromEqualsTheSetOfEveryWord) {
  std::mt19937_64 rng(31);
  const std::vector<std::string> vocab = {"Rusk",  "rusk", "Rusk's", "Port", "Elwood", "said",
                                          "the",   "12",   "Mara",   "O'Neil", "mara's", "s"};
  const FactKind kinds[] = {FactKind::kPerson, FactKind::kPlace, FactKind::kOrganization,
                            FactKind::kName, FactKind::kNumber};
  auto random_key = [&]() {
    std::string key;
    const size_t n = 1 + rng() % 3;
    for (size_t i = 0; i < n; ++i) {
      if (i > 0) key += rng() % 8 == 0 ? "  " : " ";
      key += text_internal::FoldWord(vocab[rng() % vocab.size()]);
    }
    return key;
  };
  auto random_facts = [&]() {
    std::vector<Fact> facts(rng() % 6);
    for (Fact& f : facts) {
      f.kind = kinds[rng() % 5];
      f.key = random_key();
      f.text = f.key;
    }
    return facts;
  };
  for (int iter = 0; iter < 1000; ++iter) {
    std::string body;
    const size_t n = rng() % 30;
    for (size_t i = 0; i < n; ++i) body += vocab[rng() % vocab.size()] + (rng() % 5 ? " " : ". ");
    const AnalyzedArticle b = Make(body);
    const std::vector<Fact> facts_a = random_facts(), facts_b = random_facts();
    const std::vector<Fact> got = compare_internal::FactsMissingFrom(facts_a, facts_b, b);
    const std::vector<Fact> want = ReferenceMissingFrom(facts_a, facts_b, b);
    ASSERT_EQ(got.size(), want.size()) << body;
    for (size_t i = 0; i < got.size(); ++i) {
      ASSERT_EQ(got[i].key, want[i].key) << body;
      ASSERT_EQ(got[i].kind, want[i].kind) << body;
    }
  }
}

}  // namespace
}  // namespace twicetold
