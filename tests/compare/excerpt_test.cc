// The excerpt relation (relation.h) on fictional fixtures written for this
// test: a long report, its first paragraphs, a light revision of three of
// its paragraphs, an independent report of the same event and a short text
// that shares only a long quotation with it.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "twicetold/analyze.h"
#include "twicetold/compare.h"

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

std::string Explain(const Comparison& c) {
  const CompareScores& s = c.scores;
  return std::string(RelationName(c.relation)) + ": words " + std::to_string(s.words_a) +
         "/" + std::to_string(s.words_b) + ", jaccard " + std::to_string(s.jaccard) +
         ", containment " + std::to_string(s.containment_a_in_b) + "/" +
         std::to_string(s.containment_b_in_a) + ", coverage " +
         std::to_string(s.run_coverage_outside_quotes) + ", prose " + std::to_string(s.prose_run_coverage) + ", longest outside quotes " +
         std::to_string(s.longest_run_outside_quotes) + ", aligned " +
         std::to_string(s.aligned_fraction_a) + "/" + std::to_string(s.aligned_fraction_b) +
         ", order " + std::to_string(s.order_agreement) + ", term " +
         std::to_string(s.term_similarity);
}

// Twelve paragraphs of a long, fictional wire report.
const std::vector<std::string> kLong = {
    "A fire broke out late on Sunday inside the Garrow Tunnel on the northern "
    "rail line of Estmark, trapping two passenger trains for several hours and "
    "forcing rescue crews to lead more than four hundred people out on foot "
    "through a service gallery.",
    "The blaze started in a cable duct near the middle of the eleven-kilometre "
    "tunnel shortly after nine in the evening, according to the national rail "
    "operator, which shut the line between Harlund and Vessby until further "
    "notice.",
    "Forty-two passengers were taken to hospitals in Harlund with smoke "
    "inhalation, and three of them remained under observation on Monday "
    "morning. Nobody was killed, and the driver of the second train was "
    "praised by passengers for keeping the carriages calm in the dark.",
    "Fire chief Ingrid Saalo told reporters at the northern portal that the "
    "ventilation system had worked as designed. \"The fans pushed the smoke "
    "away from the trains long enough for everyone to reach the gallery, and "
    "that is the only reason we are not counting the dead this morning,\" she "
    "said.",
    "Investigators from the transport safety board arrived at the tunnel on "
    "Monday and will examine the damaged duct, which carried power and "
    "signalling cables installed during a renovation that was finished two "
    "years ago.",
    "The renovation had cost the state about 310 million crowns and was meant "
    "to extend the life of the tunnel, opened in 1962, by at least forty "
    "years. Engineers had replaced the track, the lighting and most of the "
    "cabling.",
    "Transport minister Paul Edvik visited the site on Monday afternoon and "
    "promised a full account of the causes. He said he had asked the operator "
    "to check every similar duct on the network before the end of the month.",
    "Freight companies warned that a long closure would hurt the northern "
    "ports, which send timber and iron ore south along the line. Buses now "
    "replace trains between Harlund and Vessby, adding about ninety minutes "
    "to the journey.",
    "The union of train drivers said its members had complained for months "
    "about the smell of burning plastic in the tunnel and that their reports "
    "had not been answered. The operator said it was looking into those "
    "claims.",
    "Residents of Vessby, a town of eight thousand people at the southern end "
    "of the tunnel, opened their school and sports hall to passengers who "
    "could not continue their journey on Sunday night.",
    "It was the second serious incident on the northern line this year. In "
    "February a freight train derailed near Harlund after a rail cracked in "
    "severe frost, blocking traffic for four days.",
    "The operator expects to announce a date for reopening the tunnel once "
    "the investigators have released the site, which it said could take at "
    "least two weeks."};

std::string Join(size_t first, size_t count) {
  std::string out;
  for (size_t i = first; i < first + count && i < kLong.size(); ++i) {
    if (!out.empty()) out += "\n\n";
    out += kLong[i];
  }
  return out;
}

// Paragraphs 5-7 of kLong, lightly revised: a few words changed in each
// sentence.
const char kRevisedMiddle[] =
    "Investigators from the national transport safety board reached the tunnel "
    "on Monday and will inspect the burned duct, which carried power and "
    "signalling lines installed during a renovation that was completed two "
    "years ago.\n\n"
    "That renovation had cost the state roughly 310 million crowns and was "
    "supposed to extend the life of the tunnel, first opened in 1962, by at "
    "least forty years. Workers had replaced the track, the lights and most of "
    "the cabling.\n\n"
    "Transport minister Paul Edvik went to the site on Monday afternoon and "
    "promised a complete account of the causes. He said he had told the "
    "operator to inspect every similar duct on the network by the end of the "
    "month.";

// The same event, reported independently: same names and facts, other words.
const char kIndependent[] =
    "Hundreds of rail passengers spent Sunday night walking through a narrow "
    "escape corridor after flames filled part of the Garrow Tunnel in northern "
    "Estmark.\n\n"
    "Two trains stopped inside the tunnel when the power failed. Emergency "
    "workers guided the travellers to safety over about three hours, and "
    "forty-two of them needed hospital care for breathing in smoke.\n\n"
    "Fire chief Ingrid Saalo credited the tunnel fans with saving lives. "
    "Officials believe burning cables were to blame, and rail traffic from "
    "Harlund to Vessby will stay suspended while the safety board investigates.\n\n"
    "Paul Edvik, the transport minister, ordered checks across the network.";

// A short text that shares only the fire chief's long quotation.
const char kSharesQuote[] =
    "Emergency services across the north are reviewing their tunnel drills "
    "after Sunday's fire in Estmark, officials said on Tuesday.\n\n"
    "\"The fans pushed the smoke away from the trains long enough for everyone "
    "to reach the gallery, and that is the only reason we are not counting the "
    "dead this morning,\" fire chief Ingrid Saalo said.\n\n"
    "Several regional services said they would hold joint exercises with rail "
    "staff before the winter, when traffic on the northern lines is heaviest. "
    "The review will also cover the signs that show travellers the way to "
    "emergency exits.";

TEST(ExcerptTest, LeadOfALongArticleIsAnExcerpt) {
  std::string whole = Join(0, kLong.size());
  std::string lead = Join(0, 3);
  Comparison c = ComparePair(whole, lead);
  EXPECT_EQ(c.relation, Relation::kExcerpt) << Explain(c);
  EXPECT_EQ(c.scores.sentences_a, 19u);
  EXPECT_EQ(c.scores.sentences_b, 4u);
  // Either order: the shorter text is the excerpt.
  EXPECT_EQ(ComparePair(lead, whole).relation, Relation::kExcerpt);
}

TEST(ExcerptTest, MiddleParagraphsAreAnExcerpt) {
  Comparison c = ComparePair(Join(0, kLong.size()), Join(5, 3));
  EXPECT_EQ(c.relation, Relation::kExcerpt) << Explain(c);
}

TEST(ExcerptTest, LightRevisionOfThreeParagraphsIsAnExcerpt) {
  Comparison c = ComparePair(Join(0, kLong.size()), kRevisedMiddle);
  EXPECT_EQ(c.relation, Relation::kExcerpt) << Explain(c);
  // Not by containment alone: the edits break many shingles.
  EXPECT_LT(c.scores.containment_b_in_a, 0.5) << Explain(c);
}

TEST(ExcerptTest, IndependentReportIsNotAnExcerpt) {
  Comparison c = ComparePair(Join(0, kLong.size()), kIndependent);
  EXPECT_TRUE(c.relation == Relation::kSameStory || c.relation == Relation::kRelated)
      << Explain(c);
}

TEST(ExcerptTest, SharedQuotationAloneIsNotAnExcerpt) {
  Comparison c = ComparePair(Join(0, kLong.size()), kSharesQuote);
  EXPECT_NE(c.relation, Relation::kExcerpt) << Explain(c);
  EXPECT_NE(c.relation, Relation::kRewrite) << Explain(c);
  EXPECT_GE(c.scores.longest_run, 25u);  // the quotation
}

// Dropping one paragraph of twelve is not an excerpt: the shorter text is
// more than 3/4 of the longer (a copy, near_duplicate or rewrite).
TEST(ExcerptTest, MostOfTheArticleIsNotAnExcerpt) {
  std::string whole = Join(0, kLong.size());
  Comparison c = ComparePair(whole, Join(0, 11));
  EXPECT_EQ(c.relation, Relation::kNearDuplicate) << Explain(c);
  EXPECT_EQ(ComparePair(whole, whole).relation, Relation::kIdentical);
}

// A headline is too short to be an excerpt, however much of it is copied.
TEST(ExcerptTest, ShortTextIsNotAnExcerpt) {
  Comparison c = ComparePair(Join(0, kLong.size()),
                             "Fire in the Garrow Tunnel traps two trains in Estmark.");
  EXPECT_NE(c.relation, Relation::kExcerpt) << Explain(c);
  EXPECT_NE(c.relation, Relation::kRewrite) << Explain(c);
}

// The rule on scores alone: which evidence makes an excerpt, and that the
// identical/near-duplicate decisions come first and are unchanged.
TEST(ClassifyExcerptTest, Rules) {
  RelationThresholds t;
  CompareScores s;
  s.words_a = 1000;
  s.words_b = 200;
  s.sentences_a = 40;
  s.sentences_b = 8;
  // Containment alone may be one long shared quotation.
  s.containment_b_in_a = 0.9;
  EXPECT_EQ(ClassifyRelation(s, t), Relation::kRewrite);
  s.prose_run_coverage = 0.3;
  EXPECT_EQ(ClassifyRelation(s, t), Relation::kExcerpt);
  s.containment_b_in_a = 0.2;
  s.prose_run_coverage = 0.5;
  EXPECT_EQ(ClassifyRelation(s, t), Relation::kExcerpt);
  s.prose_run_coverage = 0.3;
  EXPECT_NE(ClassifyRelation(s, t), Relation::kExcerpt);
  s.aligned_fraction_b = 0.6;
  EXPECT_EQ(ClassifyRelation(s, t), Relation::kExcerpt);
  s.order_agreement = 0.5;
  EXPECT_NE(ClassifyRelation(s, t), Relation::kExcerpt);
  s.order_agreement = 1;
  // The same evidence on A's side (A the longer) is not B's excerpt.
  s.aligned_fraction_b = 0;
  s.aligned_fraction_a = 0.9;
  EXPECT_NE(ClassifyRelation(s, t), Relation::kExcerpt);
  // Length: too short, or too close to the longer's length.
  s.aligned_fraction_b = 0.9;
  s.words_b = 29;
  EXPECT_NE(ClassifyRelation(s, t), Relation::kExcerpt);
  s.words_b = 760;
  EXPECT_NE(ClassifyRelation(s, t), Relation::kExcerpt);
  s.words_b = 750;
  EXPECT_EQ(ClassifyRelation(s, t), Relation::kExcerpt);
  // Near duplicates stay near duplicates.
  s.jaccard = t.near_duplicate_jaccard;
  EXPECT_EQ(ClassifyRelation(s, t), Relation::kNearDuplicate);
}

TEST(ClassifyExcerptTest, LongProseRunIsAtLeastRewrite) {
  RelationThresholds t;
  CompareScores s;
  s.words_a = 800;
  s.words_b = 700;
  s.sentences_a = s.sentences_b = 30;
  s.story_score = 0.9;  // would be same_story
  s.order_agreement = 0;  // and fails the ordered-prose rule
  s.longest_run_outside_quotes = t.rewrite_floor_run - 1;
  EXPECT_EQ(ClassifyRelation(s, t), Relation::kSameStory);
  s.longest_run_outside_quotes = t.rewrite_floor_run;
  EXPECT_EQ(ClassifyRelation(s, t), Relation::kRewrite);
  // Inside quotations it does not count.
  s.longest_run_outside_quotes = 0;
  s.longest_run = 60;
  EXPECT_EQ(ClassifyRelation(s, t), Relation::kSameStory);
}

TEST(ClassifyExcerptTest, ParaphraseRewriteNeedsSentences) {
  RelationThresholds t;
  CompareScores s;
  s.words_a = 500;
  s.words_b = 12;
  s.sentences_a = 20;
  s.sentences_b = 1;
  s.term_similarity = 0.8;
  s.aligned_fraction_b = 1;
  s.story_score = 0.5;
  EXPECT_EQ(ClassifyRelation(s, t), Relation::kSameStory);
  s.sentences_b = t.rewrite_paraphrase_min_sentences;
  EXPECT_EQ(ClassifyRelation(s, t), Relation::kRewrite);
}

TEST(ClassifyExcerptTest, Name) {
  EXPECT_EQ(RelationName(Relation::kExcerpt), "excerpt");
}

}  // namespace
}  // namespace twicetold
