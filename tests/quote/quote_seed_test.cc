// The two seed articles (read at test time; skipped when absent): the quotes
// a reader would check are found and compared as the issue describes.
#include <filesystem>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "twicetold/analyze.h"
#include "twicetold/io.h"
#include "twicetold/quote.h"

namespace twicetold {
namespace {

const char kSeedDir[] = TWICETOLD_SOURCE_DIR "/../shared/seeds";

struct Version {
  AnalyzedArticle article;
  std::vector<Quote> quotes;
};

Version Load(const std::string& name) {
  auto read = ReadAll({std::string(kSeedDir) + "/" + name}, ReadOptions());
  EXPECT_TRUE(read.ok());
  EXPECT_EQ(read->articles.size(), 1u);
  Version v{Analyze(std::move(read->articles.at(0)), AnalyzeOptions()), {}};
  v.quotes = ExtractQuotes(v.article, QuoteOptions());
  return v;
}

class SeedQuotes : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kSeedDir)) GTEST_SKIP() << "no seeds";
    a_ = Load("000_f9ef4238e9286527.txt");
    b_ = Load("002_3a9a5a7e32f96ca7.txt");
    pairs_ = CompareQuotes(a_.quotes, b_.quotes, QuoteCompareOptions());
  }

  // The pair whose A (or, if none, B) quote contains `words`.
  const QuotePair* Find(const std::string& words) const {
    for (const QuotePair& p : pairs_) {
      if (p.a && a_.quotes[*p.a].text.find(words) != std::string::npos) return &p;
      if (p.b && b_.quotes[*p.b].text.find(words) != std::string::npos) return &p;
    }
    return nullptr;
  }

  Version a_, b_;
  std::vector<QuotePair> pairs_;
};

TEST_F(SeedQuotes, PutinQuoteFoundInBothAndIdentical) {
  const std::string putin =
      "We are not planning to go to war with Europe, but if Europe wants to "
      "and starts, we are ready right now.";
  const QuotePair* p = Find("We are not planning to go to war");
  ASSERT_NE(p, nullptr);
  ASSERT_TRUE(p->a && p->b);
  EXPECT_EQ(a_.quotes[*p->a].text, putin);
  EXPECT_EQ(b_.quotes[*p->b].text, putin);
  EXPECT_EQ(p->relation, QuoteRelation::kIdentical);
}

TEST_F(SeedQuotes, ChangedQuotesArePairedNotOnlyInOne) {
  const QuotePair* ushakov = Find("haven't found a compromise");
  ASSERT_NE(ushakov, nullptr);
  EXPECT_EQ(ushakov->relation, QuoteRelation::kExtended);
  const QuotePair* trump = Find("What a mess");
  ASSERT_NE(trump, nullptr);
  EXPECT_EQ(trump->relation, QuoteRelation::kAltered);
  const QuotePair* zelensky = Find("decided without Ukraine");
  ASSERT_NE(zelensky, nullptr);
  EXPECT_EQ(zelensky->relation, QuoteRelation::kAltered);
}

TEST_F(SeedQuotes, HeadingRepeatingPartOfAQuoteIsTrimmed) {
  // B's heading repeats the start of a quotation that A gives in full.
  const QuotePair* heading = nullptr;
  for (const QuotePair& p : pairs_) {
    if (p.b && b_.quotes[*p.b].in_heading && b_.quotes[*p.b].text.size() < 30) {
      heading = &p;
    }
  }
  ASSERT_NE(heading, nullptr);
  EXPECT_EQ(heading->relation, QuoteRelation::kTrimmed);
  ASSERT_TRUE(heading->a.has_value());
  EXPECT_GT(a_.quotes[*heading->a].text.size(),
            b_.quotes[*heading->b].text.size());
}

TEST_F(SeedQuotes, UnnamedSentenceKeepsItsSpeaker) {
  const QuotePair* only_b = Find("Some formulations cannot work for us");
  ASSERT_NE(only_b, nullptr);
  EXPECT_EQ(only_b->relation, QuoteRelation::kOnlyB);
  EXPECT_EQ(only_b->speaker, "Yuri Ushakov");
  const QuotePair* only_a = Find("some American solutions can be discussed");
  ASSERT_NE(only_a, nullptr);
  EXPECT_EQ(only_a->relation, QuoteRelation::kOnlyA);
  EXPECT_EQ(only_a->speaker, "Yuri Ushakov");
}

}  // namespace
}  // namespace twicetold
