#include "story/event_facts.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>

#include "core/iso_date.h"
#include "story/story_features.h"
#include "twicetold/story.h"

namespace twicetold::story_internal {
namespace {

int32_t Day(const char* iso) { return static_cast<int32_t>(*ParseIsoDays(iso)); }
int32_t Month(int year, int month) { return year * 12 + month - 1; }

EventFacts Facts(const std::string& body, const std::string& published = "") {
  Article a;
  a.id = "x";
  a.body = body;
  a.published = published;
  return ExtractEventFacts(Analyze(a, {}), ParseIsoDays(published));
}

bool Has(std::span<const int32_t> v, int32_t x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

TEST(EventFactsTest, RelativeDatesResolveAgainstThePublicationDate) {
  // 2016-03-10 is a Thursday.
  EventFacts f = Facts(
      "The council met on Tuesday. Crews worked late yesterday. The plan was first "
      "drafted last March and approved on March 3. A hearing is set for December 30.",
      "2016-03-10");
  EXPECT_TRUE(Has(f.days(), Day("2016-03-08")));   // on Tuesday
  EXPECT_TRUE(Has(f.days(), Day("2016-03-09")));   // yesterday
  EXPECT_TRUE(Has(f.days(), Day("2016-03-03")));   // March 3: this year
  EXPECT_TRUE(Has(f.days(), Day("2015-12-30")));   // December 30: well after, so last year
  EXPECT_TRUE(Has(f.months(), Month(2015, 3)));    // last March: not this month
  EXPECT_TRUE(Has(f.months(), Month(2016, 3)));    // the month of the days above
  EXPECT_EQ(f.days().size(), 4u);
}

TEST(EventFactsTest, WithoutAPublicationDateOnlyFullDatesCount) {
  EventFacts f = Facts("The council met on Tuesday, a week after the vote of March 1, 2014. "
                       "Yesterday it adjourned.");
  ASSERT_EQ(f.days().size(), 1u);
  EXPECT_EQ(f.days()[0], Day("2014-03-01"));
  EXPECT_TRUE(Has(f.years(), 2014));
}

TEST(EventFactsTest, TheSameWeekdayIsTheDayItselfAndLastMeansTheWeekBefore) {
  EventFacts f = Facts("It opened on Thursday and closed last Thursday.", "2016-03-10");
  EXPECT_TRUE(Has(f.days(), Day("2016-03-10")));
  EXPECT_TRUE(Has(f.days(), Day("2016-03-03")));
}

TEST(EventFactsTest, PlacesFollowPlaceWordsAndDatesAreNotPlaces) {
  EventFacts a = Facts("A fire broke out in Port Elwood in March. Crews from Dunmore came.");
  EventFacts b = Facts("Firefighters in Port Elwood said the blaze was out.");
  EventFacts c = Facts("Firefighters in Dunmore Falls said the blaze was out.");
  EXPECT_EQ(a.places().size(), 1u);  // "in March" is a date, "from Dunmore" too loose
  EXPECT_EQ(MatchEventFacts(a, b).place, FactMatch::kAgree);
  EXPECT_EQ(MatchEventFacts(a, c).place, FactMatch::kConflict);
  EXPECT_EQ(MatchEventFacts(a, Facts("No place here.")).place, FactMatch::kUnknown);
}

TEST(EventFactsTest, DaysAgreeWithinADay) {
  EventFacts a = Facts("It happened on Tuesday.", "2016-03-10");   // 03-08
  EventFacts b = Facts("It happened yesterday.", "2016-03-10");    // 03-09
  EventFacts c = Facts("It happened on March 20, 2016.");
  EXPECT_EQ(MatchEventFacts(a, b).when, FactMatch::kAgree);
  EXPECT_EQ(MatchEventFacts(a, c).when, FactMatch::kConflict);
}

TEST(EventFactsTest, NumbersAreCountsAndModelNumbersNotYearsOrDays) {
  EventFacts a =
      Facts("The carrier will sell the Falcon 8900 from March 11, 2009, for 149 dollars.");
  EventFacts b = Facts("Pre-orders for the Falcon Q10 open on April 29, 2013 at 249 dollars.");
  EventFacts c = Facts("The Falcon 8900 goes on sale next month; 3 colours.");
  EXPECT_EQ(a.numbers().size(), 2u);  // 8900 and 149; not the day 11 or the year
  EXPECT_EQ(b.numbers().size(), 2u);  // q10 and 249
  EXPECT_EQ(MatchEventFacts(a, b).number, FactMatch::kConflict);
  EXPECT_EQ(MatchEventFacts(a, c).number, FactMatch::kAgree);
  EXPECT_EQ(MatchEventFacts(a, Facts("No number here.")).number, FactMatch::kUnknown);
}

TEST(EventFactsTest, PeopleAreTheSurnamesOfNamesNotPlacesOrOrganisations) {
  EventFacts a = Facts(
      "Constable Tim Fanning said Eric Allen Kirkpatrick, 61, opened fire in New Harlow. "
      "The Harlow Police Department said Donald J. Trump Jr. was not there.");
  EventFacts b = Facts("Police named the gunman as Eric Kirkpatrick, a former employee.");
  EventFacts c = Facts("Police named the gunman as Alan Brewster, a former employee.");
  EventFacts d = Facts("The Harlow Police Department met in New Harlow on West Street.");
  // fanning, kirkpatrick, trump: not "New Harlow" (after "in"), not the
  // department, not "Jr"; "J." does not end the name.
  EXPECT_EQ(a.people().size(), 3u);
  EXPECT_EQ(MatchEventFacts(a, b).person, FactMatch::kAgree);
  EXPECT_EQ(MatchEventFacts(b, c).person, FactMatch::kConflict);
  EXPECT_TRUE(d.people().empty());
  EXPECT_EQ(MatchEventFacts(a, d).person, FactMatch::kUnknown);
  EXPECT_EQ(MatchEventFacts(Facts("Donald J. Trump spoke."), Facts("Donald Trump spoke.")).person,
            FactMatch::kAgree);
}

TEST(EventFactsTest, OtherPeopleDoNotConflictWhenThePlaceAgrees) {
  // Two reports of one event in one town that quote different people.
  EventFacts a = Facts("A fire in Port Elwood was out by noon, Chief Alan Brewster said.");
  EventFacts b = Facts("A fire in Port Elwood was out by noon, said neighbour Mary Colter.");
  EXPECT_EQ(MatchEventFacts(a, b).place, FactMatch::kAgree);
  EXPECT_EQ(MatchEventFacts(a, b).person, FactMatch::kUnknown);
  EventFacts c = Facts("A fire was out by noon, said neighbour Mary Colter.");
  EXPECT_EQ(MatchEventFacts(a, c).person, FactMatch::kConflict);
}

TEST(EventFactsTest, VotesWeighTheShareOfAgreeingMembers) {
  EventFactWeights w;
  w.place_agree = 1;
  w.place_conflict = 0.25;
  EventFactMatches agree, conflict;
  agree.place = FactMatch::kAgree;
  conflict.place = FactMatch::kConflict;
  EventVotes none, all_agree, all_conflict, half;
  all_agree.Count(agree);
  all_conflict.Count(conflict);
  half.Count(agree);
  half.Count(conflict);
  none.Count(EventFactMatches{});
  EXPECT_DOUBLE_EQ(none.Factor(w), 1);
  EventFactMatches number_conflict;
  number_conflict.number = FactMatch::kConflict;
  EventVotes numbers;
  numbers.Count(number_conflict);
  EXPECT_DOUBLE_EQ(numbers.Factor(w), w.number_conflict);
  EXPECT_DOUBLE_EQ(all_agree.Factor(w), 2);
  EXPECT_DOUBLE_EQ(all_conflict.Factor(w), 0.25);
  EXPECT_DOUBLE_EQ(half.Factor(w), std::sqrt(2 * 0.25));
}

// Factor against the formula it implements, pow for every kind with votes,
// bit for bit: unanimous kinds skip pow, which must not change a bit.
TEST(EventFactsTest, FactorEqualsThePowFormulaExactly) {
  std::mt19937_64 rng(29);
  auto weigh = [](uint32_t agree, uint32_t conflict, double a, double c) {
    if (agree + conflict == 0) return 1.0;
    double p = static_cast<double>(agree) / (agree + conflict);
    return std::pow(1 + a, p) * std::pow(c, 1 - p);
  };
  auto random_weight = [&rng](double lo, double hi) {
    return lo + (hi - lo) * static_cast<double>(rng() % 1000003) / 1000003.0;
  };
  for (int iter = 0; iter < 20000; ++iter) {
    EventFactWeights w;
    w.place_agree = random_weight(0, 3);
    w.year_agree = random_weight(0, 3);
    w.when_agree = random_weight(0, 3);
    w.number_agree = random_weight(0, 3);
    w.person_agree = random_weight(0, 3);
    w.place_conflict = random_weight(1e-3, 1);
    w.year_conflict = random_weight(1e-3, 1);
    w.when_conflict = random_weight(1e-3, 1);
    w.number_conflict = random_weight(1e-3, 1);
    w.person_conflict = random_weight(1e-3, 1);
    w.place_and_time_conflict = random_weight(1e-3, 1);
    EventVotes votes;
    uint32_t agree[5] = {}, conflict[5] = {}, places = 0, place_and_time = 0;
    const int voters = static_cast<int>(rng() % 6);
    for (int v = 0; v < voters; ++v) {
      EventFactMatches m;
      FactMatch* kinds[5] = {&m.place, &m.year, &m.when, &m.number, &m.person};
      for (int k = 0; k < 5; ++k) {
        *kinds[k] = static_cast<FactMatch>(rng() % 3);
        agree[k] += *kinds[k] == FactMatch::kAgree;
        conflict[k] += *kinds[k] == FactMatch::kConflict;
      }
      places += m.place != FactMatch::kUnknown;
      place_and_time += m.PlaceAndTimeConflict();
      votes.Count(m);
    }
    const double want = weigh(agree[0], conflict[0], w.place_agree, w.place_conflict) *
                        weigh(agree[1], conflict[1], w.year_agree, w.year_conflict) *
                        weigh(agree[2], conflict[2], w.when_agree, w.when_conflict) *
                        weigh(agree[3], conflict[3], w.number_agree, w.number_conflict) *
                        weigh(agree[4], conflict[4], w.person_agree, w.person_conflict) *
                        weigh(places - place_and_time, place_and_time, 0,
                              w.place_and_time_conflict);
    ASSERT_EQ(votes.Factor(w), want) << iter;
  }
}

}  // namespace
}  // namespace twicetold::story_internal
