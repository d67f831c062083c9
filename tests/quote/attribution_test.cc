// Speaker attribution on small fictional articles: one test per phenomenon
// that used to pick the wrong speaker (an organisation, an outlet, a role
// word glued to the name, the subject of a reported clause).
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "twicetold/analyze.h"
#include "twicetold/quote.h"

namespace twicetold {
namespace {

struct Extracted {
  AnalyzedArticle article;
  std::vector<Quote> quotes;

  // The quote whose text starts with `prefix` (fails the test if none).
  const Quote& Starting(const std::string& prefix) const {
    for (const Quote& q : quotes) {
      if (q.text.rfind(prefix, 0) == 0) return q;
    }
    ADD_FAILURE() << "no quote starting with " << prefix;
    static const Quote kNone;
    return kNone;
  }
  std::string SpeakerText(const Quote& q) const {
    return q.speaker_span ? std::string(article.Text(*q.speaker_span)) : "";
  }
  // A mixed quotation's clause, or "" when the quotation is not mixed.
  std::string ClauseText(const Quote& q) const {
    return q.clause ? std::string(article.Text(*q.clause)) : "";
  }
};

// Every quotation, unattributed fragments and phrases inside paraphrase
// included: these tests are about who speaks, and some assert that nobody
// does.
Extracted Extract(const std::string& body) {
  Article a;
  a.id = "t";
  a.body = body;
  Extracted e{Analyze(std::move(a), AnalyzeOptions()), {}};
  QuoteOptions options;
  options.unattributed_fragments = true;
  options.embedded_phrases = true;
  e.quotes = ExtractQuotes(e.article, options);
  return e;
}

TEST(Attribution, OrganisationRoleNameIsTheName) {
  const Extracted e = Extract(
      "\"We will not sign a plan that leaves the river to die,\" Harbor "
      "Party leader Lena Voss said as she left the hall.");
  EXPECT_EQ(e.Starting("We will not sign").speaker, "Lena Voss");
  EXPECT_EQ(e.SpeakerText(e.Starting("We will not sign")), "Lena Voss");
}

TEST(Attribution, SentenceCaseWordIsNoSpeaker) {
  // "High-stakes" is capitalised only because it opens the sentence.
  const Extracted e = Extract(
      "High-stakes negotiations between the two towns aimed at ending the "
      "nearly four-year feud over the river concluded in Kessick on Tuesday "
      "without a breakthrough, as the Storting declared that \u201cno "
      "compromise\u201d had been reached.");
  EXPECT_EQ(e.Starting("no compromise").speaker, "Storting");
  // A lone capitalised word that is a name elsewhere stays a speaker.
  const Extracted f = Extract(
      "The mayor met Brandvik on Monday.\n\n"
      "Brandvik said: \u201cWe will rebuild the pier before the summer.\u201d");
  EXPECT_EQ(f.Starting("We will rebuild").speaker, "Brandvik");
}

TEST(Attribution, CapitalisedRoleWordIsNotPartOfTheName) {
  const Extracted e = Extract(
      "Coordinator Milo Brant said 300 beds were ready.\n\n"
      "\"People are calm tonight,\" Brant said.\n\n"
      "Co-author Ada Kettle warned the river would shrink.\n\n"
      "\"The extra water will be gone soon,\" Kettle told the Riverside "
      "Courier.\n\n"
      "Twelve-year-old Nina Sorel won the final.\n\n"
      "\"I was scared of the move for ten minutes,\" Sorel said.");
  EXPECT_EQ(e.Starting("People are calm").speaker, "Milo Brant");
  EXPECT_EQ(e.Starting("The extra water").speaker, "Ada Kettle");
  EXPECT_EQ(e.Starting("I was scared").speaker, "Nina Sorel");
}

TEST(Attribution, PronounSkipsAnOutletSeenOnlyAsAnObject) {
  const Extracted e = Extract(
      "Lena Voss said the talks had failed.\n\n"
      "Voss rejected that argument in an interview with Eastgate Courier on "
      "Monday. Asked whether her party could return, she said:\n\n"
      "\"Not to this table, and not to this paper.\"");
  EXPECT_EQ(e.Starting("Not to this table").speaker, "Lena Voss");
}

TEST(Attribution, RoleNounPrefersThePersonWithTheSameModifier) {
  const Extracted e = Extract(
      "Finance Minister Oskar Vell opposed the fund. Labour Minister Ina "
      "Mork backed it.\n\n"
      "The finance minister said the plan \"cannot be paid for without new "
      "taxes on families.\"");
  EXPECT_EQ(e.Starting("cannot be paid").speaker, "Oskar Vell");
}

TEST(Attribution, RoleAndNameAfterTheVerb) {
  const Extracted e = Extract(
      "\"We have had a good year, and we are sharing it,\" said the "
      "company's managing director, Aurelie Vane.\n\n"
      "\"The door is open, and it has been open since May,\" the "
      "authority's chief executive, Tom Hale, told Eastgate Courier.\n\n"
      "\"This morning, the tram runs,\" said transport commissioner Greta "
      "Lind, who rode the first service.\n\n"
      "\"We read it twice to be sure,\" said Green Path's deputy leader, "
      "Sara Holm.");
  EXPECT_EQ(e.Starting("We have had").speaker, "Aurelie Vane");
  EXPECT_EQ(e.Starting("The door is open").speaker, "Tom Hale");
  EXPECT_EQ(e.Starting("This morning").speaker, "Greta Lind");
  EXPECT_EQ(e.Starting("We read it").speaker, "Sara Holm");
}

TEST(Attribution, PersonOfOrganisationIsThePerson) {
  const Extracted e = Extract(
      "Security analyst Tamsin Reed of Blackwater Labs said the data was "
      "\"exactly what a fraudster needs to sound like your bank.\"\n\n"
      "Chief engineer Priya Cass of the Dale Water Board said sensors were "
      "fitted overnight: \"We are seeing no movement so far.\"");
  EXPECT_EQ(e.Starting("exactly what").speaker, "Tamsin Reed");
  EXPECT_EQ(e.Starting("We are seeing").speaker, "Priya Cass");
}

TEST(Attribution, PluralPossessiveIsPartOfAnOrganisation) {
  const Extracted e = Extract(
      "Mara Oda, general secretary of the Dock and Freight Workers' Union, "
      "said her members had been pushed too far.\n\n"
      "\"We did not want this strike,\" she said.");
  EXPECT_EQ(e.Starting("We did not want").speaker, "Mara Oda");
}

TEST(Attribution, ColonLeadInNamingTheSpeakerAsOwnerOrSource) {
  const Extracted e = Extract(
      "Dana Whitby apologised on Monday.\n\n"
      "The statement ended with a message from Whitby to customers:\n\n"
      "\"Please be suspicious of any call that asks for your details.\"\n\n"
      "Whitby's advice to them:\n\n"
      "\"If in doubt, hang up and call us back.\"");
  EXPECT_EQ(e.Starting("Please be suspicious").speaker, "Dana Whitby");
  EXPECT_EQ(e.Starting("If in doubt").speaker, "Dana Whitby");
}

TEST(Attribution, SubjectOfTheReportedClauseIsNotTheSpeaker) {
  const Extracted e = Extract(
      "Finance Minister Oskar Vell did not attend.\n\n"
      "One senior negotiator, who asked not to be named, said Vell had "
      "\"treated the climate fund as a hostage.\"\n\n"
      "In a statement, his office said the party was ready and called on "
      "Green Path to \"return to realism.\"");
  EXPECT_NE(e.Starting("treated the climate").speaker, "Oskar Vell");
  EXPECT_NE(e.Starting("return to realism").speaker, "Green Path");
}

TEST(Attribution, AppositiveRoleStandsForTheNameBeforeIt) {
  const Extracted e = Extract(
      "Hydrologist Jon Ekwe, a co-author, said the extra water would not "
      "last: \"Within 20 years that water will be gone.\"");
  EXPECT_EQ(e.Starting("Within 20 years").speaker, "Jon Ekwe");
}

TEST(Attribution, TheBoardIsTheOrganisationNamedBefore) {
  const Extracted e = Extract(
      "The Dale Water Board inspected the dam in 2021.\n\n"
      "At the time the board reported \"minor surface wear\" on the "
      "spillway.");
  EXPECT_EQ(e.Starting("minor surface wear").speaker, "Dale Water Board");
}

TEST(Attribution, QuoteInReportedSpeechBelongsToTheReporter) {
  const Extracted e = Extract(
      "Ann Ray says she would sit Tom Vell down and tell him \"no more "
      "nonsense from the council.\"");
  EXPECT_EQ(e.Starting("no more nonsense").speaker, "Ann Ray");
}

TEST(Attribution, SentenceWithoutSpeechVerbOpeningWithAPerson) {
  const Extracted e = Extract(
      "Labour Minister Ines Vard, who hosted the talks, put the cost at "
      "\"at least 38 million crowns a day in lost exports.\"\n\n"
      "The port was quiet and \"eerily still\" on Monday.");
  EXPECT_EQ(e.Starting("at least 38 million").speaker, "Ines Vard");
  EXPECT_EQ(e.Starting("eerily still").speaker, "");
}

TEST(Attribution, SecondPartAfterAShowTitleKeepsTheSpeaker) {
  // '"A," he said on "The Show." "B."': the show names nobody, and B is
  // still his.
  const Extracted e = Extract(
      "Senator Tom Hale spoke on Sunday.\n\n"
      "\"We will not give in,\" he said on Channel Four's \"Morning Hour.\" "
      "\"And we will win the vote next week.\"");
  EXPECT_EQ(e.Starting("And we will win").speaker, "Tom Hale");
  EXPECT_EQ(e.SpeakerText(e.Starting("And we will win")), "he");
}

TEST(Attribution, AnyVerbAfterAQuotationThatGoesOn) {
  // The sentence goes on after the marks: whoever follows speaks, even with
  // a verb that is no speech verb.
  const Extracted e = Extract(
      "\"They only came for the free food,\" Ann Ray shot back.\n\n"
      "\"This is fantastic!\" beamed Tom Hale of Dunmore.");
  EXPECT_EQ(e.Starting("They only came").speaker, "Ann Ray");
  EXPECT_EQ(e.Starting("This is fantastic").speaker, "Tom Hale");
  // Closed by a full stop, the quotation's sentence is over.
  const Extracted f = Extract("\"It was a fine match.\" Ann Ray left early.");
  EXPECT_EQ(f.Starting("It was a fine match").speaker, "");
}

TEST(Attribution, RelativeWhoIsThePersonBeforeIt) {
  const Extracted e = Extract(
      "The vote went to Senator Tom Hale, who declared in the hall: \"We "
      "have waited long enough for this bridge.\"");
  EXPECT_EQ(e.Starting("We have waited").speaker, "Tom Hale");
  EXPECT_EQ(e.SpeakerText(e.Starting("We have waited")), "who");
}

TEST(Attribution, DashSignOff) {
  // Readers' comments signed with a dash, on the line or the next; a
  // possessive after a dash is no signature.
  const Extracted e = Extract(
      "Readers wrote in.\n\n"
      "\u201cHe has no plan for the border at all.\u201d \u2015 Ann Ray\n"
      "\u201cNobody I know will vote for him.\u201d \u2014 Tom Hale.\n\n"
      "\"I went there before the crash.\"\n\n- Ann Ray\n\n"
      "\"Roads First\" - Tom Hale's old slogan - was back.");
  EXPECT_EQ(e.Starting("He has no plan").speaker, "Ann Ray");
  EXPECT_EQ(e.Starting("Nobody I know").speaker, "Tom Hale");
  EXPECT_EQ(e.Starting("I went there").speaker, "Ann Ray");
  EXPECT_EQ(e.Starting("Roads First").speaker, "");
}

TEST(Attribution, ItIsTheOrganisationBefore) {
  const Extracted e = Extract(
      "The Harbour Evening News backed the bridge on Monday.\n\n"
      "\"It is time to build, and to build well,\" it said in an editorial.");
  EXPECT_EQ(e.Starting("It is time to build").speaker, "Harbour Evening News");
  EXPECT_EQ(e.SpeakerText(e.Starting("It is time to build")), "it");
}

TEST(Attribution, DescriptionsSpeak) {
  const Extracted e = Extract(
      "\"It was a long night for everyone,\" said the 46-year-old.\n\n"
      "\"Nobody here expected this,\" one user wrote.");
  EXPECT_EQ(e.SpeakerText(e.Starting("It was a long night")),
            "the 46-year-old");
  EXPECT_EQ(e.SpeakerText(e.Starting("Nobody here expected")), "one user");
}

// Quoted words inside a reported clause: the clause is what the speaker is
// reported as saying, from after the speech verb (at its "that") through the
// last quotation of the clause; the quoted words stay the quote's text.
TEST(Attribution, MixedQuotationsKeepTheirReportedClause) {
  const Extracted e = Extract(
      "Mayor Lena Voss called the stadium plan \u201ca gift to developers.\u201d\n\n"
      "Voss said on Monday that rents in the harbour district were \u201cout "
      "of control\u201d and promised a freeze.\n\n"
      "Tom Hale said the vote was \u201creckless\u201d and \u201ca farce.\u201d\n\n"
      "Ann Ray left the hall early, saying the count had been \u201crushed.\u201d\n\n"
      "Tom Hale said on Monday he would \u201cstay out of the talks.\u201d");
  const Quote& gift = e.Starting("a gift to developers");
  EXPECT_EQ(gift.speaker, "Lena Voss");
  EXPECT_EQ(e.ClauseText(gift), "the stadium plan \"a gift to developers.\"");
  EXPECT_EQ(gift.text, "a gift to developers.");
  EXPECT_EQ(e.ClauseText(e.Starting("out of control")),
            "that rents in the harbour district were \"out of control\"");
  // Two quotations of one clause share it.
  const std::string both = "the vote was \"reckless\" and \"a farce.\"";
  EXPECT_EQ(e.ClauseText(e.Starting("reckless")), both);
  EXPECT_EQ(e.ClauseText(e.Starting("a farce")), both);
  // A participle after a comma opens the clause quoted.
  EXPECT_EQ(e.Starting("rushed").speaker, "Ann Ray");
  EXPECT_EQ(e.ClauseText(e.Starting("rushed")), "the count had been \"rushed.\"");
  // A time right after the verb is the verb's, not the speaker's words.
  EXPECT_EQ(e.ClauseText(e.Starting("stay out")), "he would \"stay out of the talks.\"");
}

TEST(Attribution, HeadlineAfterANameIsTheNamedPersonsClause) {
  const Extracted e = Extract(
      "Lena Voss: Stadium Deal Is \u2018A Gift to Developers\u2019\n\n"
      "The mayor spoke to the council on Monday.\n\n"
      "Tom Hale: \u2018We Will Appeal\u2019\n\n"
      "He left before the vote.");
  const Quote& gift = e.Starting("A Gift to Developers");
  EXPECT_EQ(gift.speaker, "Lena Voss");
  EXPECT_EQ(e.ClauseText(gift), "Stadium Deal Is 'A Gift to Developers'");
  EXPECT_EQ(e.Starting("We Will Appeal").speaker, "Tom Hale");
  EXPECT_EQ(e.ClauseText(e.Starting("We Will Appeal")), "");
}

// A quotation the speech verb introduces directly is no mixed quotation:
// after a colon or a comma, right after the verb, after "that" alone, or
// after an addressee ('told the council'); nor is one whose clause opens
// with its verb ('an offer he said was "..."').
TEST(Attribution, DirectQuotationsHaveNoClause) {
  const Extracted e = Extract(
      "Lena Voss said: \u201cWe will not sign this plan.\u201d\n\n"
      "Tom Hale told reporters, \u201cThe vote was a farce.\u201d\n\n"
      "Ann Ray said \u201cthe count was rushed.\u201d\n\n"
      "Ann Ray said that \u201cnobody checked the boxes.\u201d\n\n"
      "Tom Hale told the council \u201cwe will appeal.\u201d\n\n"
      "Lena Voss, the secretary of state, wants \u201ca recount.\u201d\n\n"
      "Tom Hale made an offer he said was \u201cnever put to a vote.\u201d");
  for (const char* quote : {"We will not sign", "The vote was a farce",
                            "the count was rushed", "nobody checked",
                            "we will appeal", "a recount", "never put to a vote"}) {
    EXPECT_EQ(e.ClauseText(e.Starting(quote)), "") << quote;
  }
  EXPECT_EQ(e.Starting("the count was rushed").speaker, "Ann Ray");
}

}  // namespace
}  // namespace twicetold
