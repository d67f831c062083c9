// ExtractQuotes on small fictional articles: one per quotation form and per
// attribution form.
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "quote/quote_marks.h"
#include "twicetold/analyze.h"
#include "twicetold/quote.h"

namespace twicetold {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

struct Extracted {
  AnalyzedArticle article;
  std::vector<Quote> quotes;

  std::string SpeakerText(size_t i) const {
    const auto& s = quotes.at(i).speaker_span;
    return s ? std::string(article.Text(*s)) : "";
  }
  // The quote's span mapped back to the body as given.
  std::string BodyText(size_t i) const {
    return std::string(article.ToBody(quotes.at(i).span).In(article.article.body));
  }
};

Extracted Extract(const std::string& body,
                  const QuoteOptions& options = QuoteOptions()) {
  Article a;
  a.id = "t";
  a.body = body;
  Extracted e{Analyze(std::move(a), AnalyzeOptions()), {}};
  e.quotes = ExtractQuotes(e.article, options);
  return e;
}

QuoteOptions EveryQuotation() {
  QuoteOptions options;
  options.unattributed_fragments = true;
  options.embedded_phrases = true;
  return options;
}

QuoteOptions WithEmbeddedPhrases() {
  QuoteOptions options;
  options.embedded_phrases = true;
  return options;
}

std::vector<std::string> Texts(const Extracted& e) {
  std::vector<std::string> out;
  for (const Quote& q : e.quotes) out.push_back(q.text);
  return out;
}

TEST(ExtractQuotes, SpeakerAfterQuote) {
  const Extracted e = Extract(
      "\"We will win this fight,\" Maria Lopez said on Tuesday in the city.");
  ASSERT_EQ(e.quotes.size(), 1u);
  EXPECT_EQ(e.quotes[0].text, "We will win this fight");
  EXPECT_EQ(e.quotes[0].speaker, "Maria Lopez");
  EXPECT_EQ(e.SpeakerText(0), "Maria Lopez");
  EXPECT_FALSE(e.quotes[0].fragment);
}

TEST(ExtractQuotes, SaidBeforeSpeaker) {
  const Extracted e = Extract(
      "\"The budget is balanced,\" said Tom Becker, the city treasurer.");
  ASSERT_EQ(e.quotes.size(), 1u);
  EXPECT_EQ(e.quotes[0].speaker, "Tom Becker");
}

TEST(ExtractQuotes, ToldOutlet) {
  const Extracted e = Extract(
      "\"Nobody expected this outcome,\" Ann Walsh told Channel Nine News.");
  ASSERT_EQ(e.quotes.size(), 1u);
  EXPECT_EQ(e.quotes[0].speaker, "Ann Walsh");
}

TEST(ExtractQuotes, AccordingTo) {
  const Extracted e = Extract(
      "According to Peter Olsen, \"the bridge will reopen in May after the "
      "repairs.\"");
  ASSERT_EQ(e.quotes.size(), 1u);
  EXPECT_EQ(e.quotes[0].speaker, "Peter Olsen");
}

TEST(ExtractQuotes, CurlyMarksAreQuotesToo) {
  const Extracted e = Extract(
      "\u201cCurly marks work the same way,\u201d said Nina Park, who runs the "
      "press office.");
  ASSERT_EQ(e.quotes.size(), 1u);
  EXPECT_EQ(e.quotes[0].text, "Curly marks work the same way");
  EXPECT_EQ(e.BodyText(0), "Curly marks work the same way");
  EXPECT_EQ(e.quotes[0].speaker, "Nina Park");
}

TEST(ExtractQuotes, TwoApostrophesServeAsDoubleMarksWhenAsked) {
  const std::string body =
      "''We will rebuild the pier,'' said Ivo Petrov, who don't give up.";
  QuoteOptions archive;
  archive.apostrophe_pairs = true;
  const Extracted e = Extract(body, archive);
  ASSERT_EQ(e.quotes.size(), 1u);
  EXPECT_EQ(e.quotes[0].text, "We will rebuild the pier");
  EXPECT_EQ(e.quotes[0].speaker, "Ivo Petrov");
  // By default '' is no quotation mark, neither double nor two singles.
  EXPECT_THAT(Texts(Extract(body, EveryQuotation())), IsEmpty());
  EXPECT_THAT(Texts(Extract("A 6''2'' guard and the ''Wiki'' style.", EveryQuotation())),
              IsEmpty());
}

TEST(ExtractQuotes, LeadInParagraphEndingInColon) {
  const Extracted e = Extract(
      "Mayor Carla Jones addressed the council on Monday evening:\n\n"
      "\"We have to act before winter comes.\"\n");
  ASSERT_EQ(e.quotes.size(), 1u);
  EXPECT_EQ(e.quotes[0].speaker, "Carla Jones");
}

TEST(ExtractQuotes, UnattributedQuoteContinuesPreviousSpeaker) {
  const Extracted e = Extract(
      "Maria Lopez spoke to supporters in the square on Friday night.\n\n"
      "\"The first part is done,\" Lopez said. \"The second part starts "
      "tomorrow morning.\"\n\n"
      "\"And there is a third part as well.\"\n");
  ASSERT_EQ(e.quotes.size(), 3u);
  for (const Quote& q : e.quotes) EXPECT_EQ(q.speaker, "Maria Lopez");
}

TEST(ExtractQuotes, PronounResolvesToNearestPerson) {
  const Extracted e = Extract(
      "Maria Lopez, the party chair, spoke after the vote in the capital. "
      "\"It was a long night for all of us,\" she said.");
  ASSERT_EQ(e.quotes.size(), 1u);
  EXPECT_EQ(e.quotes[0].speaker, "Maria Lopez");
  EXPECT_EQ(e.SpeakerText(0), "she");
}

TEST(ExtractQuotes, RoleNounPrefersPersonIntroducedWithThatRole) {
  const Extracted e = Extract(
      "Finance minister Hugo Brandt met the banker Lisa Grant on Friday. "
      "\"Numbers do not lie to anyone,\" the minister said.");
  ASSERT_EQ(e.quotes.size(), 1u);
  EXPECT_EQ(e.quotes[0].speaker, "Hugo Brandt");
  EXPECT_EQ(e.SpeakerText(0), "the minister");
}

TEST(ExtractQuotes, SurnameMapsToFullName) {
  const Extracted e = Extract(
      "Yara Kovac announced her plan for the harbour on Monday.\n\n"
      "Later, Kovac said \"we are ready to begin the work this year.\"\n");
  ASSERT_EQ(e.quotes.size(), 1u);
  EXPECT_EQ(e.quotes[0].speaker, "Yara Kovac");
  EXPECT_EQ(e.SpeakerText(0), "Kovac");
}

TEST(ExtractQuotes, TitleIsSplitFromName) {
  const Extracted e = Extract(
      "US Secretary of State Lena Moor later stated that \"some progress\" "
      "had been made in the talks.",
      WithEmbeddedPhrases());
  ASSERT_EQ(e.quotes.size(), 1u);
  EXPECT_EQ(e.quotes[0].speaker, "Lena Moor");
  EXPECT_TRUE(e.quotes[0].fragment);
}

TEST(ExtractQuotes, QuotationOverSeveralParagraphs) {
  const Extracted e = Extract(
      "Dan Reyes described the night of the flood:\n\n"
      "\"It started at midnight.\n\n"
      "\"By morning the river had risen over the road.\n\n"
      "\"Nobody slept at all,\" he said.\n");
  ASSERT_EQ(e.quotes.size(), 1u);
  EXPECT_EQ(e.quotes[0].text,
            "It started at midnight. By morning the river had risen over the "
            "road. Nobody slept at all");
  EXPECT_THAT(e.BodyText(0), HasSubstr("\n\n\"By morning"));
  EXPECT_EQ(e.quotes[0].speaker, "Dan Reyes");
}

TEST(ExtractQuotes, AStrayClosingMarkOpensNothing) {
  // The first mark can only close (after a word, before a space): without
  // it counted, the quotation after it is paired as written.
  const Extracted e = Extract(
      "The review covered his systems\" including the heart. \"We found no problem,\" "
      "said Nora Quinn, the hospital's director.");
  EXPECT_THAT(Texts(e), ElementsAre("We found no problem"));
  EXPECT_EQ(e.quotes[0].speaker, "Nora Quinn");
}

TEST(ExtractQuotes, AQuotationWithoutItsClosingMarkEndsWhereTheNextOpens) {
  const Extracted e = Extract(
      "\"The bridge will reopen in May, the engineer said. Later, Ana Ruiz added: "
      "\"We will be ready long before then,\" and left.");
  ASSERT_EQ(e.quotes.size(), 2u);
  EXPECT_EQ(e.quotes[1].text, "We will be ready long before then");
}

TEST(ExtractQuotes, AHeightsInchMarkIsNoQuotationMark) {
  const Extracted e = Extract(
      "The player is 6'3\" tall and weighs 210 pounds. \"I am ready,\" Leo Park said.");
  EXPECT_THAT(Texts(e), ElementsAre("I am ready"));
  EXPECT_EQ(e.quotes[0].speaker, "Leo Park");
}

TEST(ExtractQuotes, NestedSingleQuotesStayInside) {
  const Extracted e = Extract(
      "\"He told me 'never again' and walked away,\" said Omar Haddad.");
  ASSERT_EQ(e.quotes.size(), 1u);
  EXPECT_EQ(e.quotes[0].text, "He told me 'never again' and walked away");
  EXPECT_EQ(e.quotes[0].speaker, "Omar Haddad");
}

TEST(ExtractQuotes, ApostrophesAreNotQuotes) {
  const Extracted e = Extract(
      "Residents don't trust the Smiths' house rules from the '90s, and the "
      "town's mayor agrees with them.");
  EXPECT_THAT(e.quotes, IsEmpty());
}

TEST(ExtractQuotes, SingleQuotesAmongApostrophes) {
  const Extracted e = Extract(
      "Critics called the Smiths' plan 'a disaster' and said it won't pass "
      "before the '90s rules expire.");
  EXPECT_THAT(Texts(e), ElementsAre("a disaster"));
  EXPECT_TRUE(e.quotes[0].fragment);
}

TEST(ApostropheTest, Classification) {
  using quote_internal::IsApostrophe;
  const std::string text = "don't 'quote' the '90s";
  EXPECT_TRUE(IsApostrophe(text, 3));    // don't
  EXPECT_FALSE(IsApostrophe(text, 6));   // opening mark
  EXPECT_FALSE(IsApostrophe(text, 12));  // closing mark
  EXPECT_TRUE(IsApostrophe(text, 18));   // '90s
}

TEST(ExtractQuotes, ScareQuotesAreFragments) {
  const Extracted e = Extract(
      "The company called the plan \"fair\" and \"balanced\" in a statement, "
      "and its chief Ruth Adler said: \"We stand by every word of it.\"",
      EveryQuotation());
  ASSERT_EQ(e.quotes.size(), 3u);
  EXPECT_TRUE(e.quotes[0].fragment);
  EXPECT_TRUE(e.quotes[1].fragment);
  EXPECT_FALSE(e.quotes[2].fragment);
  EXPECT_EQ(e.quotes[2].speaker, "Ruth Adler");
}

TEST(ExtractQuotes, ShortFullSentenceIsNotAFragment) {
  const Extracted e = Extract("\"What a day.\" Ruth Adler said after the match.");
  ASSERT_EQ(e.quotes.size(), 1u);
  EXPECT_FALSE(e.quotes[0].fragment);
  EXPECT_EQ(e.quotes[0].speaker, "Ruth Adler");
}

TEST(ExtractQuotes, QuoteInHeading) {
  const Extracted e = Extract(
      "Lopez: \"We Will Win\"\n\n"
      "Maria Lopez spoke on Tuesday in the capital after the vote was "
      "counted.\n");
  ASSERT_EQ(e.quotes.size(), 1u);
  EXPECT_TRUE(e.quotes[0].in_heading);
  EXPECT_EQ(e.quotes[0].speaker, "Maria Lopez");
}

TEST(ExtractQuotes, TitlesQuoteNobody) {
  const std::string body =
      "Ruth Adler said on the show \"Good Morning Riverside\" that she would "
      "run again.";
  const Extracted e = Extract(body, EveryQuotation());
  ASSERT_EQ(e.quotes.size(), 1u);
  EXPECT_TRUE(e.quotes[0].title);
  EXPECT_TRUE(e.quotes[0].fragment);
  EXPECT_EQ(e.quotes[0].speaker_span, std::nullopt);
  // By default a title is no quotation at all.
  EXPECT_THAT(Extract(body).quotes, IsEmpty());
}

TEST(ExtractQuotes, UnattributedFragmentsAreNotQuotations) {
  // A so-called term and a nickname: quotation marks, but nobody's words.
  const Extracted e = Extract(
      "The \"undercard\" debate drew fewer viewers than the main event.\n\n"
      "Fans of the striker, known as \"the Hammer,\" filled the stands.\n\n"
      "Coach Mira Held called the result \"a disgrace.\"");
  EXPECT_THAT(Texts(e), ElementsAre("a disgrace."));
  EXPECT_TRUE(e.quotes[0].fragment);
  EXPECT_EQ(e.quotes[0].speaker, "Mira Held");
}

TEST(ExtractQuotes, TitleCaseHeadlineQuoteIsNoTitle) {
  // In a line set in title case, a title-case quotation is the headline's
  // quote, not the name of a work.
  const Extracted e = Extract(
      "Mayor Slams Harbour Plan As \u2018A Total Disgrace\u2019\n\n"
      "Mayor Ilse Brand criticised the plan on Monday.",
      EveryQuotation());
  ASSERT_EQ(e.quotes.size(), 1u);
  EXPECT_FALSE(e.quotes[0].title);
  // One of several sentences is speech, whatever its case.
  const Extracted f = Extract(
      "\"Like Dunmore. Or Kessick,\" the minister said, naming two towns.",
      EveryQuotation());
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_FALSE(f.quotes[0].title);
}

TEST(ExtractQuotes, ApostrophesAreNoSingleMarks) {
  // rock 'n' roll, the '90s and a plural possessive, then a real quote in
  // single marks.
  const Extracted e = Extract(
      "The band played rock \u2019n\u2019 roll all night, a sound of the "
      "\u201990s that the students\u2019 parents loved. Mayor Ann Ray called "
      "the show \u2018a triumph for the whole town\u2019 on Monday.",
      EveryQuotation());
  EXPECT_THAT(Texts(e), ElementsAre("a triumph for the whole town"));
  EXPECT_EQ(e.quotes[0].speaker, "Ann Ray");
}

TEST(ExtractQuotes, ScareQuoteInIndirectSpeechIsTheReportersFragment) {
  const Extracted e = Extract(
      "Senator Tom Hale spoke on Monday. He called the ruling "
      "\u201cunprecedented\u201d and said it would be appealed.");
  ASSERT_EQ(e.quotes.size(), 1u);
  EXPECT_EQ(e.quotes[0].text, "unprecedented");
  EXPECT_TRUE(e.quotes[0].fragment);
  EXPECT_EQ(e.quotes[0].speaker, "Tom Hale");
  EXPECT_EQ(e.SpeakerText(0), "He");
}

TEST(ExtractQuotes, PhrasesInsideAParaphraseAreNotStatements) {
  // The quoted words end the reported words (sentence end, "and", "when and
  // where it was said") or sit inside them (the sentence goes on).
  const std::string body =
      "Mayor Ann Ray said there had been \"hundreds of complaints\" in the district. "
      "Ray called the plan \"a disgrace\" and left. She said the vote was \"a farce.\" "
      "Ray called the levy \"a gift to developers\" in a statement. "
      "She said the delay was \"deliberate\" on Monday. "
      "Ray said it would be \"improper\" to comment.";
  EXPECT_THAT(Texts(Extract(body)), ElementsAre("a disgrace", "a farce.", "a gift to developers",
                                                "deliberate"));
  const Extracted all = Extract(body, WithEmbeddedPhrases());
  EXPECT_THAT(Texts(all), ElementsAre("hundreds of complaints", "a disgrace", "a farce.",
                                      "a gift to developers", "deliberate", "improper"));
  for (const Quote& q : all.quotes) EXPECT_EQ(q.speaker, "Ann Ray") << q.text;
}

TEST(ExtractQuotes, HeadlineQuotesInSingleMarks) {
  // "X on Y: 'Word'" and "X: Y's 'Words'": the name before the colon speaks.
  const Extracted e = Extract(
      "Hale on Ray: \u2018Reckless\u2019\n\n"
      "Senator Tom Hale attacked Mayor Ann Ray on Monday.");
  ASSERT_EQ(e.quotes.size(), 1u);
  EXPECT_EQ(e.quotes[0].text, "Reckless");
  EXPECT_TRUE(e.quotes[0].fragment);
  EXPECT_EQ(e.quotes[0].speaker, "Tom Hale");
  const Extracted f = Extract(
      "Hale: Mayor\u2019s Plan \u2018Will Never Work in This Town\u2019\n\n"
      "Senator Tom Hale attacked Mayor Ann Ray on Monday.");
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_FALSE(f.quotes[0].title);
  EXPECT_EQ(f.quotes[0].speaker, "Tom Hale");
  // A headline verb is no part of a name.
  const Extracted g = Extract(
      "Tom Hale Calls Harbour Plan \u2018A Disgrace\u2019\n\n"
      "Senator Tom Hale attacked Mayor Ann Ray on Monday.");
  ASSERT_EQ(g.quotes.size(), 1u);
  EXPECT_EQ(g.quotes[0].speaker, "Tom Hale");
}

TEST(ExtractQuotes, PronounAgreesWithTitles) {
  // The nearest person is a "Mr."; "she" is the mayor named before him.
  const Extracted e = Extract(
      "Mayor Ann Ray met Mr. Tom Hale on Monday. She said the plan was "
      "\u201ca complete waste of everyone\u2019s time and money.\u201d");
  ASSERT_EQ(e.quotes.size(), 1u);
  EXPECT_EQ(e.quotes[0].speaker, "Ann Ray");
  EXPECT_EQ(e.SpeakerText(0), "She");
  const Extracted f = Extract(
      "Ms. Ann Ray met Tom Hale, a spokesman for the port, on Monday. He "
      "said the plan was \u201ca complete waste of everyone\u2019s "
      "time.\u201d");
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_EQ(f.quotes[0].speaker, "Tom Hale");
}

TEST(ExtractQuotes, OrganisationsSpeak) {
  const Extracted e = Extract(
      "The Harbour Workers Union opposed the plan on Monday.\n\n"
      "\u201cWe will strike if we have to,\u201d the union said in a "
      "statement.\n\n"
      "The Harbour Authority said: \u201cTalks will continue this week with "
      "every party.\u201d");
  ASSERT_EQ(e.quotes.size(), 2u);
  EXPECT_EQ(e.quotes[0].speaker, "Harbour Workers Union");
  EXPECT_EQ(e.quotes[1].speaker, "Harbour Authority");
}

TEST(ExtractQuotes, StatementWithoutSpeechVerbIsTheSubjects) {
  // No speech verb: a full statement is its sentence's subject's; a
  // fragment needs more than that.
  const Extracted e = Extract(
      "At the rally the protesters chanted \u201cNo more tolls on our "
      "bridges!\u201d\n\n"
      "The mayor wore a \u201clucky\u201d scarf.",
      EveryQuotation());
  ASSERT_EQ(e.quotes.size(), 2u);
  EXPECT_EQ(e.SpeakerText(0), "the protesters");
  EXPECT_EQ(e.quotes[1].speaker, "");
}

TEST(ExtractQuotes, NoMarksNoQuotes) {
  EXPECT_THAT(Extract("Nothing is quoted in this sentence at all.").quotes, IsEmpty());
}

}  // namespace
}  // namespace twicetold
