#include "twicetold/story.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "core/iso_date.h"
#include "reference/story_reference.h"
#include "story/reorder_buffer.h"
#include "story/story_features.h"
#include "twicetold/corpus.h"

namespace twicetold {
namespace {

// Fictional words, so the background IDF treats them as rare terms.
std::string Word(int topic, int index) {
  static const char* kSyllables[] = {"ka", "lo", "mir", "ten", "vu", "sal",
                                     "dor", "pe", "qua", "zin", "rho", "bex"};
  std::string w;
  int v = topic * 97 + index * 13 + 5;
  for (int k = 0; k < 3; ++k, v /= 12) w += kSyllables[v % 12];
  return w;
}

// A body of `words` words drawn mostly from `topic`'s vocabulary.
std::string Body(std::mt19937& rng, int topic, int words, int vocabulary = 40) {
  std::uniform_int_distribution<int> pick(0, vocabulary - 1);
  std::uniform_int_distribution<int> noise(0, 9);
  std::string out;
  for (int i = 0; i < words; ++i) {
    int t = noise(rng) == 0 ? topic + 1000 + i : topic;  // some stray words
    out += Word(t, pick(rng));
    out += (i % 12 == 11) ? ".\n\n" : " ";
  }
  return out;
}

// "YYYY-MM-DD" of 2026-02-28 + `day` days.
std::string Date(int day) { return FormatIsoDate(*ParseIsoDays("2026-02-28") + day); }

Article MakeArticle(std::string id, std::string body, std::string published = "",
                    std::string title = "") {
  Article a;
  a.id = std::move(id);
  a.body = std::move(body);
  a.published = std::move(published);
  a.title = std::move(title);
  return a;
}

std::unique_ptr<StoryClusterer> NewClusterer(const StoryOptions& options = {}) {
  auto c = StoryClusterer::Create(options);
  EXPECT_TRUE(c.ok());
  return std::move(*c);
}

StoryAssignment Add(StoryClusterer& c, Article a, const StoryOptions& options = {}) {
  return c.Add(StoryClusterer::Prepare(std::move(a), options));
}

TEST(StoryClustererTest, MatchesBruteForceReferenceOnRandomStreams) {
  for (int seed = 1; seed <= 6; ++seed) {
    std::mt19937 rng(seed);
    StoryOptions options;
    options.window_days = 3 + seed % 3;
    options.max_story_age_days = 1 + seed % 4;
    std::vector<StoryFeatures> features;
    std::uniform_int_distribution<int> topic(0, 11), length(30, 160);
    int day = 1;
    for (int i = 0; i < 120; ++i) {
      if (i % 3 == 2) ++day;  // a topic recurs every few days: gaps of 0 to ~8 days
      std::string published = (seed % 2 == 0 && i % 7 == 3) ? "" : Date(day);
      // Event facts that agree or conflict: a town and a date out of a few.
      static const char* kTowns[] = {"Port Elwood", "Dunmore", "Kessly"};
      std::string facts = " It happened in " + std::string(kTowns[rng() % 3]) + " on March " +
                          std::to_string(1 + rng() % 2) + ", " +
                          std::to_string(2014 + rng() % 2) + ".";
      Article a = MakeArticle("a" + std::to_string(i),
                              Body(rng, topic(rng), length(rng)) + (i % 4 ? facts : ""),
                              published);
      features.push_back(story_internal::ComputeStoryFeatures(a, options));
    }
    auto expected = reference::ClusterStories(features, options);
    std::set<uint64_t> stories;
    for (const auto& e : expected) stories.insert(e.story);
    // The stream must exercise joins, new stories and retirements.
    ASSERT_GT(stories.size(), 12u);
    ASSERT_LT(stories.size(), 80u);
    auto clusterer = NewClusterer(options);
    for (size_t i = 0; i < features.size(); ++i) {
      StoryPlacement p = clusterer->Place(StoryFeaturesPtr(new StoryFeatures(features[i])));
      ASSERT_EQ(p.assignment.story, expected[i].story) << "seed " << seed << " article " << i;
      std::optional<std::string> closest;
      if (expected[i].closest) closest = "a" + std::to_string(*expected[i].closest);
      ASSERT_EQ(p.assignment.id, "a" + std::to_string(i));
      ASSERT_EQ(p.assignment.closest, closest) << "seed " << seed << " article " << i;
    }
  }
}

TEST(StoryClustererTest, CopiesJoinTheirOriginalAndUnrelatedTextsDoNot) {
  std::mt19937 rng(7);
  std::string body = Body(rng, 1, 200);
  auto c = NewClusterer();
  StoryAssignment first = Add(*c, MakeArticle("orig", body, "2026-03-01"));
  EXPECT_FALSE(first.relation.has_value());  // origin
  StoryAssignment copy = Add(*c, MakeArticle("copy", "  " + body + "\n", "2026-03-01"));
  EXPECT_EQ(copy.story, first.story);
  EXPECT_EQ(copy.relation, Relation::kIdentical);
  EXPECT_EQ(copy.closest, "orig");
  StoryAssignment other = Add(*c, MakeArticle("other", Body(rng, 7, 200), "2026-03-01"));
  EXPECT_NE(other.story, first.story);
  EXPECT_FALSE(other.relation.has_value());
}

// The edit keeps the first 2/3 of the original (under 3/4 of its words),
// so it may be called an excerpt: any copy relation will do.
TEST(StoryClustererTest, AnEditedCopyIsANearDuplicateExcerptOrRewrite) {
  std::mt19937 rng(8);
  std::string body = Body(rng, 2, 300);
  std::string edited = body.substr(0, body.size() * 2 / 3) + Body(rng, 2, 20);
  auto c = NewClusterer();
  Add(*c, MakeArticle("orig", body, "2026-03-01"));
  StoryAssignment e = Add(*c, MakeArticle("edit", edited, "2026-03-02"));
  EXPECT_EQ(e.story, 0u);
  ASSERT_TRUE(e.relation.has_value());
  EXPECT_TRUE(*e.relation == Relation::kNearDuplicate || *e.relation == Relation::kExcerpt ||
              *e.relation == Relation::kRewrite)
      << RelationName(*e.relation);
}

// Two fires reported in the same words but for the town, the date and the
// names: the vocabulary alone joins them; their conflicting facts keep them
// apart.
std::string FireReport(const std::string& town, const std::string& date,
                       const std::string& victim) {
  return "A fire destroyed a furniture warehouse in " + town + " on " + date +
         ", killing two night workers, fire officials said.\n\n"
         "The blaze started in a loading bay shortly after midnight and spread to the "
         "roof before crews arrived. " + victim + ", a forklift driver, was among the dead.\n\n"
         "Investigators from the " + town + " fire department said the cause was not yet "
         "known. The warehouse had passed an inspection in the spring.\n\n"
         "Neighbours said thick smoke covered the industrial park for hours. The sprinklers "
         "had been switched off for repairs, and drums of varnish and lacquer stored near the "
         "kilns fed the flames, according to the fire marshal.\n\n"
         "The warehouse owner said the company would pay for the funerals.";
}

TEST(StoryClustererTest, TwoFiresInTwoTownsStayApartOneFireInTwoWordingsJoins) {
  const std::string a = FireReport("Port Elwood", "March 4, 2014", "Tomas Riedel");
  const std::string b = FireReport("Dunmore Falls", "October 19, 2016", "Agnes Whitlow");
  // Without the event facts the shared vocabulary makes one story.
  StoryOptions plain;
  plain.event_facts = {.place_agree = 0, .place_conflict = 1, .year_agree = 0,
                       .year_conflict = 1, .when_agree = 0, .when_conflict = 1,
                       .place_and_time_conflict = 1};
  auto c0 = NewClusterer(plain);
  Add(*c0, MakeArticle("a", a), plain);
  EXPECT_EQ(Add(*c0, MakeArticle("b", b), plain).story, 0u);
  auto c = NewClusterer();
  Add(*c, MakeArticle("a", a));
  EXPECT_EQ(Add(*c, MakeArticle("b", b)).story, 1u);
  // The same fire, told in other words, joins the first report.
  const std::string retold =
      "Two night workers died when fire swept through a furniture warehouse in Port Elwood "
      "early on March 4, 2014, officials said.\n\n"
      "Tomas Riedel, who drove a forklift at the site, was one of the two victims. Flames "
      "reached the roof from a loading bay before firefighters could arrive.\n\n"
      "The cause of the blaze in the industrial park is under investigation.";
  EXPECT_EQ(Add(*c, MakeArticle("c", retold)).story, 0u);
}

TEST(StoryClustererTest, ConflictingFactsCannotSplitAnExactCopy) {
  // The same text published six days later resolves "yesterday" to another
  // day: its facts conflict with the original's, but a copy is a copy.
  const std::string body = FireReport("Port Elwood", "Tuesday", "Tomas Riedel") +
                           "\n\nThe owner said yesterday that the site would be rebuilt.";
  auto c = NewClusterer();
  Add(*c, MakeArticle("orig", body, "2026-03-05"));
  StoryAssignment copy = Add(*c, MakeArticle("copy", body, "2026-03-11"));
  EXPECT_EQ(copy.story, 0u);
  EXPECT_EQ(copy.relation, Relation::kIdentical);
}

TEST(StoryClustererTest, StoriesLeaveTheWindow) {
  std::mt19937 rng(9);
  std::string body = Body(rng, 3, 150);
  StoryOptions options;
  options.window_days = 7;
  auto c = NewClusterer(options);
  Add(*c, MakeArticle("early", body, "2026-03-01"), options);
  StoryAssignment late = Add(*c, MakeArticle("late", body + " extra", "2026-03-20"), options);
  EXPECT_EQ(late.story, 1u) << "a month later the first story is closed";
  EXPECT_EQ(c->Stories().size(), 2u);
}

TEST(StoryClustererTest, ABeatCoveredDailyDoesNotBecomeOneEndlessStory) {
  auto stories_for = [](double max_age) {
    std::mt19937 rng(13);
    StoryOptions options;
    options.max_story_age_days = max_age;
    auto c = NewClusterer(options);
    for (int day = 0; day < 40; ++day) {
      Add(*c, MakeArticle(std::to_string(day), Body(rng, 5, 150), Date(day)), options);
    }
    return c->Stories().size();
  };
  EXPECT_EQ(stories_for(1000), 1u);  // without the age limit: one story
  EXPECT_GE(stories_for(7), 3u);     // with it: a new story every week or so
}

TEST(StoryClustererTest, OriginIsTheEarliestThenTheMostComplete) {
  std::mt19937 rng(10);
  std::string body = Body(rng, 4, 200);
  auto c = NewClusterer();
  Add(*c, MakeArticle("short-later", body.substr(0, body.size() / 2), "2026-03-03", "Later"));
  Add(*c, MakeArticle("undated", body), {});
  Add(*c, MakeArticle("short-early", body.substr(0, body.size() / 3), "2026-03-02", "Early"));
  Add(*c, MakeArticle("full-early", body, "2026-03-02", "Full"));
  std::vector<Story> stories = c->Stories();
  ASSERT_EQ(stories.size(), 1u);
  EXPECT_EQ(stories[0].members.size(), 4u);
  EXPECT_EQ(stories[0].origin, "full-early");  // earliest date, most words among equals
  EXPECT_EQ(stories[0].title, "Full");
  EXPECT_EQ(stories[0].first_seen, "2026-03-02");
  EXPECT_EQ(stories[0].last_seen, "2026-03-03");
}

TEST(StoryClustererTest, UntitledStoriesAreNamedByTheirFirstWords) {
  auto c = NewClusterer();
  Add(*c, MakeArticle("x", "One two three four five six seven eight nine ten eleven twelve "
                           "thirteen fourteen."));
  EXPECT_EQ(c->Stories()[0].title,
            "One two three four five six seven eight nine ten eleven twelve");
}

TEST(StoryClustererTest, SameInputSameStories) {
  std::mt19937 rng(11);
  std::vector<Article> articles;
  for (int i = 0; i < 60; ++i) {
    articles.push_back(MakeArticle(std::to_string(i), Body(rng, i % 5, 80), Date(1 + i / 10)));
  }
  auto run = [&] {
    auto c = NewClusterer();
    std::vector<uint64_t> out;
    for (const Article& a : articles) out.push_back(Add(*c, a).story);
    return out;
  };
  EXPECT_EQ(run(), run());
}

TEST(StoryClustererTest, RejectsBadOptions) {
  StoryOptions o;
  o.window_days = 0;
  EXPECT_FALSE(StoryClusterer::Create(o).ok());
  o = {};
  o.join_threshold = 1.5;
  EXPECT_FALSE(StoryClusterer::Create(o).ok());
  o = {};
  o.max_candidates = 0;
  EXPECT_FALSE(StoryClusterer::Create(o).ok());
}

TEST(StoryClustererTest, MemoryStaysUnderOneKilobytePerArticle) {
  std::mt19937 rng(12);
  auto c = NewClusterer();
  for (int i = 0; i < 2000; ++i) {
    Add(*c, MakeArticle(std::to_string(i), Body(rng, i % 300, 400, 200), Date(1 + i / 100)));
  }
  EXPECT_LT(c->PeakMemoryBytes() / 2000.0, 1024.0);
}

TEST(ReorderBufferTest, ReleasesInPublishedOrderAndKeepsUndatedInPlace) {
  ReorderBuffer<int> buffer(3);
  std::vector<int> out;
  auto push = [&](std::optional<double> day, int item) {
    buffer.Push(day, item);
    while (auto x = buffer.Pop()) out.push_back(*x);
  };
  push(5, 0);
  push(3, 1);
  push(std::nullopt, 2);  // counts as day 5, after item 0
  push(4, 3);
  push(9, 4);
  push(1, 5);  // late, but still before everything held
  while (auto x = buffer.Pop(/*drain=*/true)) out.push_back(*x);
  EXPECT_EQ(out, (std::vector<int>{1, 3, 5, 0, 2, 4}));
}

}  // namespace
}  // namespace twicetold

namespace twicetold {
namespace {

// A stream in published order: topics that recur over days, undated
// articles, exact copies (spacing and case changed) and edited copies.
std::vector<Article> ReplayStream(uint32_t seed, int n) {
  std::mt19937 rng(seed);
  std::vector<Article> out;
  int day = 1;
  for (int i = 0; i < n; ++i) {
    if (rng() % 3 == 0) ++day;
    std::string published = rng() % 9 == 0 ? "" : Date(day);
    std::string body;
    if (!out.empty() && rng() % 6 == 0) {
      const std::string& from = out[rng() % out.size()].body;
      body = rng() % 2 == 0 ? "  " + from + "\n" : from.substr(0, from.size() * 3 / 4);
    } else {
      body = Body(rng, static_cast<int>(rng() % 14), 30 + static_cast<int>(rng() % 150));
    }
    out.push_back(MakeArticle("id" + std::to_string(i), body, published,
                              rng() % 2 ? "" : "Title " + std::to_string(i)));
  }
  return out;
}

// One run over `articles`, then, for each split point, a new clusterer
// restored with Replay() from the first run's assignments and given the
// rest: every assignment and the stories equal the one run's.
void ExpectSplitRunsEqualOneRun(const std::vector<Article>& articles,
                                const StoryOptions& options) {
  auto one = NewClusterer(options);
  std::vector<StoryAssignment> want;
  for (const Article& a : articles) want.push_back(Add(*one, a, options));
  const std::vector<Story> want_stories = one->Stories();
  std::set<uint64_t> distinct;
  for (const StoryAssignment& a : want) distinct.insert(a.story);
  ASSERT_GT(distinct.size(), 1u);
  const size_t n = articles.size();
  for (size_t split : {size_t{0}, size_t{1}, n / 5, n / 2, n - 1, n}) {
    auto c = NewClusterer(options);
    for (size_t i = 0; i < split; ++i) {
      Status s = c->Replay(StoryClusterer::Prepare(articles[i], options), want[i]);
      ASSERT_TRUE(s.ok()) << s.ToString();
    }
    for (size_t i = split; i < n; ++i) {
      ASSERT_EQ(Add(*c, articles[i], options), want[i]) << "split " << split << " article " << i;
    }
    ASSERT_EQ(c->Stories(), want_stories) << "split " << split;
    EXPECT_EQ(c->size(), n);
  }
}

TEST(StoryReplayTest, SplitRunsEqualOneRunOnRandomStreams) {
  for (uint32_t seed = 1; seed <= 4; ++seed) {
    StoryOptions options;
    options.window_days = 2 + seed % 3;
    options.max_story_age_days = 1 + seed % 4;
    if (seed == 3) options.max_active_articles = 12;  // retirement by count
    if (seed == 4) options.max_candidates = 2;
    ExpectSplitRunsEqualOneRun(ReplayStream(seed, 150), options);
  }
}

TEST(StoryReplayTest, SplitRunsEqualOneRunOnTheExamples) {
  // The examples as RunStories places them (published order).
  std::vector<Article> articles;
  CorpusOptions corpus;
  corpus.corpus_boilerplate = false;  // so the clusterer below sees the same text
  StoryOptions options;
  std::vector<StoryAssignment> run;
  Result<CorpusSummary> summary = RunStories(
      {TWICETOLD_SOURCE_DIR "/examples/articles.jsonl"}, corpus, options,
      [&](const Article& a, const StoryAssignment& s) {
        articles.push_back(a);
        run.push_back(s);
      },
      [](Rejected&&) {}, nullptr);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  ASSERT_GT(articles.size(), 20u);
  auto one = NewClusterer(options);
  for (size_t i = 0; i < articles.size(); ++i) {
    ASSERT_EQ(Add(*one, articles[i], options), run[i]) << i;
  }
  ExpectSplitRunsEqualOneRun(articles, options);
}

TEST(StoryReplayTest, AStoreOutOfOrderIsRefused) {
  auto c = NewClusterer();
  StoryAssignment known;
  known.id = "a";
  known.story = 1;  // only story 0 could be created now
  EXPECT_EQ(c->Replay(StoryClusterer::Prepare(MakeArticle("a", "Some words here."), {}), known)
                .code(),
            StatusCode::kInvalidArgument);
  auto d = NewClusterer();
  known.story = 0;
  EXPECT_EQ(d->Replay(StoryClusterer::Prepare(MakeArticle("b", "Some words here."), {}), known)
                .code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace twicetold
