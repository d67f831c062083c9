// Compare on constructed pairs (fictional fixtures written for this test)
// and on the two seed articles when they are present.
#include "twicetold/compare.h"

#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "twicetold/analyze.h"

namespace twicetold {
namespace {

AnalyzedArticle Make(const std::string& body) {
  Article a;
  a.id = "test";
  a.body = body;
  return Analyze(std::move(a), AnalyzeOptions{});
}

Comparison ComparePair(const std::string& x, const std::string& y) {
  Result<Comparison> r = Compare(Make(x), Make(y), CompareOptions{});
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? std::move(r).value() : Comparison{};
}

// An original report of a fictional event.
const char kOriginal[] =
    "The city council of Valmora voted on Tuesday to rebuild the Orlen Bridge, "
    "which collapsed during the March floods and cut the harbor district off from "
    "the rest of the city.\n\n"
    "Mayor Elena Rusk said the vote ended months of uncertainty. \"We promised the "
    "harbor families a bridge, and today we kept that promise,\" Rusk said after "
    "the session.\n\n"
    "The new bridge will cost 48 million crowns and take about two years to "
    "complete, according to the city engineering office.\n\n"
    "Opposition councillor Tomas Weir voted against the plan, arguing that the "
    "money should first go to flood barriers along the Kessel River.\n\n"
    "Construction is expected to begin in September, once the tender for the steel "
    "supports has closed and the engineers have finished their survey of the "
    "riverbed.\n\n"
    "Residents of the harbor district have relied on a temporary ferry since the "
    "collapse, and local shop owners say their sales have fallen by a third.";

// The same report with one word changed and one sentence added.
const char kNearDuplicate[] =
    "The city council of Valmora voted on Tuesday to rebuild the Orlen Bridge, "
    "which collapsed during the March floods and cut the harbor district off from "
    "the rest of the city.\n\n"
    "Mayor Elena Rusk said the vote ended months of doubt. \"We promised the "
    "harbor families a bridge, and today we kept that promise,\" Rusk said after "
    "the session.\n\n"
    "The new bridge will cost 48 million crowns and take about two years to "
    "complete, according to the city engineering office.\n\n"
    "Opposition councillor Tomas Weir voted against the plan, arguing that the "
    "money should first go to flood barriers along the Kessel River.\n\n"
    "Construction is expected to begin in September, once the tender for the steel "
    "supports has closed and the engineers have finished their survey of the "
    "riverbed.\n\n"
    "Residents of the harbor district have relied on a temporary ferry since the "
    "collapse, and local shop owners say their sales have fallen by a third. "
    "The ferry will keep running until the bridge opens.";

// A rewrite: new headline-style wording, but the facts in the same order and
// one long stretch of the original's own prose kept verbatim.
const char kRewrite[] =
    "Valmora lawmakers approve Orlen Bridge rebuild\n\n"
    "Valmora's council on Tuesday approved rebuilding the Orlen Bridge, which "
    "collapsed during the March floods and cut the harbor district off from the "
    "rest of the city.\n\n"
    "The decision ends months of uncertainty, Mayor Elena Rusk said: \"We promised "
    "the harbor families a bridge, and today we kept that promise.\"\n\n"
    "City engineers put the price at 48 million crowns, with work lasting roughly "
    "two years.\n\n"
    "Councillor Tomas Weir of the opposition opposed the project, saying flood "
    "barriers on the Kessel River should come first.\n\n"
    "Work should start in September after the steel tender closes.\n\n"
    "Since the collapse, harbor residents have depended on a stopgap ferry.";

// An independent report of the same event: its own words, the same quote.
const char kIndependent[] =
    "Valmora will get its Orlen Bridge back. Council members approved the "
    "reconstruction plan on Tuesday by a wide margin, almost eight months after "
    "floodwater swept away the old span.\n\n"
    "\"We promised the harbor families a bridge, and today we kept that promise,\" "
    "Mayor Elena Rusk told reporters outside city hall.\n\n"
    "Harbor district families, who have crossed the water by ferry since spring, "
    "welcomed the news. Fishmonger Ada Lenk said business had been slow for months.\n\n"
    "Tomas Weir, a councillor who opposed the measure, said Valmora needed flood "
    "barriers on the Kessel River before any bridge. Officials estimate the "
    "bridge will cost 48 million crowns.";

// Same actors, a different event.
const char kRelated[] =
    "Mayor Elena Rusk of Valmora opened the new public library on Friday, "
    "cutting a ribbon in front of several hundred children and their parents.\n\n"
    "The library holds 80,000 books, a music room and a reading garden on its "
    "roof. Opposition leader Tomas Weir praised the design but complained that the "
    "opening came a year later than promised.\n\n"
    "Rusk said the building would stay open until ten at night on weekdays.";

// A different topic altogether.
const char kUnrelated[] =
    "The Northgate Falcons beat the Ridgeview Owls 3-1 in the regional cup final "
    "on Sunday, with striker Ben Okafor scoring twice in the second half.\n\n"
    "Coach Lisa Marlow praised her defence, which had not conceded in four "
    "matches before the final.\n\n"
    "The Falcons will play in the national tournament next spring.";

TEST(CompareTest, IdenticalBodies) {
  Comparison c = ComparePair(kOriginal, kOriginal);
  EXPECT_EQ(c.relation, Relation::kIdentical);
  EXPECT_DOUBLE_EQ(c.scores.jaccard, 1.0);
  for (const AlignedPair& p : c.alignment) EXPECT_EQ(p.kind, MatchKind::kSame);
}

// A sentence without a weighted term (punctuation, stop words only) has no
// alignment candidates; compared with itself it must still pair with
// itself, not show as removed and added (fuzz_compare,
// fuzz/corpus/compare/regress_unweighted_sentence_self_compare).
TEST(CompareTest, UnweightedSentencesAlignWithThemselves) {
  const AnalyzedArticle a = Make(std::string(kOriginal) + "...\n\nIt was.\n\n!!\n");
  Result<Comparison> c = Compare(a, a, CompareOptions{});
  ASSERT_TRUE(c.ok());
  ASSERT_EQ(c->alignment.size(), a.segments.sentences.size());
  for (const AlignedPair& p : c->alignment) {
    EXPECT_EQ(p.kind, MatchKind::kSame) << (p.a ? *p.a : 9999);
    ASSERT_TRUE(p.a && p.b);
    EXPECT_EQ(*p.a, *p.b);
  }
}

TEST(CompareTest, NearDuplicate) {
  Comparison c = ComparePair(kOriginal, kNearDuplicate);
  EXPECT_EQ(c.relation, Relation::kNearDuplicate);
  bool saw_edited = false, saw_only_b = false;
  for (const AlignedPair& p : c.alignment) {
    saw_edited |= p.kind == MatchKind::kEdited;
    saw_only_b |= p.kind == MatchKind::kOnlyB;
  }
  EXPECT_TRUE(saw_edited);   // "uncertainty" -> "doubt"
  EXPECT_TRUE(saw_only_b);   // the added ferry sentence
}

TEST(CompareTest, RewriteWithLowShingleOverlap) {
  Comparison c = ComparePair(kOriginal, kRewrite);
  EXPECT_LT(c.scores.jaccard, 0.3);
  EXPECT_GE(c.scores.longest_run_outside_quotes, 14u);
  EXPECT_EQ(c.relation, Relation::kRewrite);
  ASSERT_FALSE(c.runs.empty());
  EXPECT_FALSE(c.runs[0].in_quote_a);
}

TEST(CompareTest, IndependentReportSharingAQuoteIsSameStory) {
  Comparison c = ComparePair(kOriginal, kIndependent);
  EXPECT_GE(c.scores.longest_run, 13u);  // the shared quotation
  EXPECT_LT(c.scores.longest_run_outside_quotes, 8u);
  EXPECT_EQ(c.relation, Relation::kSameStory)
      << "story " << c.scores.story_score << " term " << c.scores.term_similarity
      << " names " << c.scores.name_overlap;
}

TEST(CompareTest, SameActorsDifferentEventIsRelated) {
  Comparison c = ComparePair(kOriginal, kRelated);
  EXPECT_EQ(c.relation, Relation::kRelated)
      << "story " << c.scores.story_score << " term " << c.scores.term_similarity
      << " names " << c.scores.name_overlap;
}

TEST(CompareTest, DifferentTopicIsUnrelated) {
  Comparison c = ComparePair(kOriginal, kUnrelated);
  EXPECT_EQ(c.relation, Relation::kUnrelated);
  EXPECT_EQ(c.scores.jaccard, 0.0);
}

TEST(CompareTest, AlignmentCoversEverySentenceOnce) {
  AnalyzedArticle a = Make(kOriginal);
  AnalyzedArticle b = Make(kRewrite);
  Result<Comparison> r = Compare(a, b, CompareOptions{});
  ASSERT_TRUE(r.ok());
  std::vector<int> seen_a(a.segments.sentences.size()), seen_b(b.segments.sentences.size());
  for (const AlignedPair& p : r->alignment) {
    if (p.a) ++seen_a[*p.a];
    if (p.b) ++seen_b[*p.b];
    EXPECT_EQ(p.a.has_value() && p.b.has_value(),
              p.kind != MatchKind::kOnlyA && p.kind != MatchKind::kOnlyB);
    if (p.a) EXPECT_EQ(*p.a_span, a.segments.sentences[*p.a].span);
  }
  for (int n : seen_a) EXPECT_GE(n, 1);
  for (int n : seen_b) EXPECT_GE(n, 1);
  // The rewrite keeps the story's order: most aligned links are uncrossed.
  EXPECT_GE(r->scores.order_agreement, 0.8);
}

TEST(CompareTest, RejectsBadOptions) {
  CompareOptions o;
  o.shingle_size = 0;
  Result<Comparison> r = Compare(Make(kOriginal), Make(kRewrite), o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
}

TEST(SentenceSimilarityTest, OrdersParaphraseAboveUnrelated) {
  double same = SentenceSimilarity("The council approved the bridge on Tuesday.",
                                   "On Tuesday the council approved the bridge.");
  double para = SentenceSimilarity("The council approved the bridge on Tuesday.",
                                   "Councillors backed the new bridge Tuesday.");
  double other = SentenceSimilarity("The council approved the bridge on Tuesday.",
                                    "The striker scored twice in the final.");
  // The same words reordered: word order now counts a little (bigrams,
  // LCS), so this is just under 1 (it was exactly 1 with the cosine alone).
  EXPECT_GT(same, 0.9);
  EXPECT_GT(same, para);
  EXPECT_GT(para, other);
  EXPECT_LT(other, 0.2);
  EXPECT_DOUBLE_EQ(SentenceSimilarity("The council approved the bridge.",
                                      "The council approved the bridge."),
                   1.0);
}

TEST(SentenceSimilarityTest, DifferentNumbersLowerTheSimilarity) {
  const char kA[] = "Shares of the shipping firm rose 4 percent to 31 crowns on Friday.";
  double same = SentenceSimilarity(kA, "On Friday shares of the shipping firm rose 4 percent "
                                       "to 31 crowns.");
  double other = SentenceSimilarity(kA, "On Friday shares of the shipping firm rose 9 percent "
                                        "to 52 crowns.");
  EXPECT_GT(same, other + 0.05);
}

TEST(SentenceSimilarityTest, StaysInUnitInterval) {
  const char* texts[] = {"", "A.", "The council approved the bridge.",
                         "Councillors backed the new bridge Tuesday after 3 votes.",
                         "\"We will,\" said Rusk.", "12 13 14"};
  for (const char* x : texts) {
    for (const char* y : texts) {
      double s = SentenceSimilarity(x, y);
      EXPECT_GE(s, 0.0) << x << " | " << y;
      EXPECT_LE(s, 1.0) << x << " | " << y;
      EXPECT_DOUBLE_EQ(s, SentenceSimilarity(y, x)) << x << " | " << y;
    }
  }
}

// Related needs topic evidence: beat vocabulary alone (low term similarity,
// no shared rare words) is unrelated; shared rare words make it related.
TEST(ClassifyRelationTest, RelatedNeedsTopicEvidence) {
  RelationThresholds t;
  CompareScores s;
  s.term_similarity = 0.05;  // enough for "related" under the old rule
  s.story_score = 0.05;
  EXPECT_EQ(ClassifyRelation(s, t), Relation::kUnrelated);
  s.topic_similarity = t.related_topic_similarity;
  EXPECT_EQ(ClassifyRelation(s, t), Relation::kRelated);
  s.topic_similarity = 0;
  s.term_similarity = t.related_term_similarity;
  EXPECT_EQ(ClassifyRelation(s, t), Relation::kRelated);
}

std::string ReadSeed(const std::string& name) {
  std::ifstream in(std::string(TWICETOLD_SOURCE_DIR) + "/../shared/seeds/" + name);
  std::stringstream ss;
  ss << in.rdbuf();
  return in ? ss.str() : "";
}

TEST(CompareTest, SeedPairIsRewrite) {
  std::string a = ReadSeed("000_f9ef4238e9286527.txt");
  std::string b = ReadSeed("002_3a9a5a7e32f96ca7.txt");
  if (a.empty() || b.empty()) GTEST_SKIP() << "seeds not present";
  Comparison c = ComparePair(a, b);
  EXPECT_LT(c.scores.jaccard, 0.1);
  EXPECT_EQ(c.relation, Relation::kRewrite)
      << "longest run outside quotes " << c.scores.longest_run_outside_quotes
      << ", coverage " << c.scores.run_coverage_outside_quotes << ", order "
      << c.scores.order_agreement << ", term " << c.scores.term_similarity;
}

}  // namespace
}  // namespace twicetold
