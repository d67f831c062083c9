// The story report a user browses: which pages exist, the order of the
// index, links that lead somewhere, article markup shown as text, and the
// errors for inconsistent input or a failing writer.
#include "twicetold/story_report.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace twicetold {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

const char kFerry[] =
    "The council of Granvik approved a new ferry timetable on Monday after a "
    "four-hour debate in the town hall. The plan adds fourteen crossings a "
    "week and costs 2.3 million crowns, to be paid from the harbour fund. "
    "Council leader Ilse Marr said the island could not wait another winter "
    "for a reliable crossing. Opponents argued that the harbour fund was "
    "meant for repairs to the old pier and warned of higher fees.";
const char kFerryRewrite[] =
    "Granvik's council approved a new ferry timetable on Monday after a "
    "four-hour debate in the town hall. The plan adds fourteen crossings a "
    "week and costs 2.3 million crowns, to be paid from the harbour fund. "
    "Opponents argued that the harbour fund was meant for repairs to the old "
    "pier.";
const char kMine[] =
    "A copper mine near Ostrava will close next spring, its owner said on "
    "Tuesday, ending two centuries of mining in the valley.";

Article MakeArticle(std::string id, std::string title, std::string body,
                    std::string source, std::string published) {
  Article a;
  a.id = std::move(id);
  a.title = std::move(title);
  a.body = std::move(body);
  a.source = std::move(source);
  a.published = std::move(published);
  return a;
}

// The id of the fixture's article `n` (below), or one no article has.
std::string Id(uint64_t n) {
  static const char* kIds[] = {"f1", "f2", "m1", "f3", "m2", "x1", "p1", "p2"};
  return n < 8 ? kIds[n] : "missing" + std::to_string(n);
}

StoryAssignment Assign(uint64_t article, uint64_t story,
                       std::optional<Relation> relation = {},
                       std::optional<uint64_t> closest = {},
                       double similarity = 0) {
  std::optional<std::string> closest_id;
  if (closest) closest_id = Id(*closest);
  return {Id(article), story, relation, closest_id, similarity};
}

Story MakeStory(uint64_t number, std::vector<uint64_t> members, uint64_t origin,
                std::string title, std::string first, std::string last) {
  std::vector<std::string> ids;
  for (uint64_t m : members) ids.push_back(Id(m));
  return {number,           std::move(ids),   Id(origin),
          std::move(title), std::move(first), std::move(last)};
}

// Three stories: 0 = ferry (origin 0, rewrite 1, same_story 3; 3 undated),
// 1 = mine (origin 2, near_duplicate 4), 2 = a single article (5), and
// 3 = a pair from later (6, 7 with a rewrite) that ties story 1 on size.
struct Fixture {
  std::vector<Article> articles;
  std::vector<StoryAssignment> assignments;
  std::vector<Story> stories;
};

Fixture MakeFixture() {
  Fixture f;
  f.articles = {
      MakeArticle("f1", "Ferry timetable approved", kFerry, "Island Post",
                  "2021-03-01"),
      MakeArticle("f2", "Granvik gets more ferries", kFerryRewrite, "Wire",
                  "2021-03-02"),
      MakeArticle("m1", "Copper mine to close", kMine, "Valley News",
                  "2021-02-01"),
      MakeArticle("f3", "Ferry plan: what it costs",
                  "Fourteen crossings, 2.3 million crowns.", "Blog", ""),
      MakeArticle("m2", "Copper mine to close",
                  std::string(kMine) + " Shares fell.", "Wire", "2021-02-01"),
      MakeArticle("x1", "Lone report", "Nothing else covered this.", "Gazette",
                  "2021-01-01"),
      MakeArticle("p1", "Later pair", kFerry, "Island Post", "2021-06-01"),
      MakeArticle("p2", "Later pair, rewritten", kFerryRewrite, "Wire",
                  "2021-06-02"),
  };
  f.assignments = {
      Assign(0, 0),
      Assign(1, 0, Relation::kRewrite, 0, 0.81),
      Assign(2, 1),
      Assign(3, 0, Relation::kSameStory, 1, 0.42),
      Assign(4, 1, Relation::kNearDuplicate, 2, 0.95),
      Assign(5, 2),
      Assign(6, 3),
      Assign(7, 3, Relation::kRewrite, 6, 0.8),
  };
  f.stories = {
      MakeStory(0, {0, 1, 3}, 0, "Ferry timetable approved", "2021-03-01",
                "2021-03-02"),
      MakeStory(1, {2, 4}, 2, "Copper mine to close", "2021-02-01",
                "2021-02-01"),
      MakeStory(2, {5}, 5, "Lone report", "2021-01-01", "2021-01-01"),
      MakeStory(3, {6, 7}, 6, "Later pair", "2021-06-01", "2021-06-02"),
  };
  return f;
}

using Pages = std::map<std::string, std::string>;

Status Render(const Fixture& f, const StoryReportOptions& options,
              Pages* pages) {
  return RenderStoryReport(
      f.articles, f.assignments, f.stories, options,
      [pages](std::string_view path, std::string_view content) {
        (*pages)[std::string(path)] = std::string(content);
        return Status::Ok();
      });
}

std::set<std::string> Keys(const Pages& pages) {
  std::set<std::string> keys;
  for (const auto& [path, content] : pages) keys.insert(path);
  return keys;
}

TEST(StoryReportTest, WritesIndexStoryPagesAndComparePagesForRewritesOnly) {
  StoryReportOptions options;
  options.min_story_size = 2;
  Pages pages;
  ASSERT_TRUE(Render(MakeFixture(), options, &pages).ok());
  EXPECT_EQ(Keys(pages),
            (std::set<std::string>{"index.html", "story/0.html", "story/1.html",
                                   "story/3.html", "compare/0-1.html",
                                   "compare/6-7.html"}));
  // The single-article story is listed but not linked.
  EXPECT_THAT(pages["index.html"], HasSubstr("Lone report"));
  EXPECT_THAT(pages["index.html"], Not(HasSubstr("story/2.html")));
}

TEST(StoryReportTest, MinStorySizeOneGivesEveryStoryAPage) {
  Pages pages;
  ASSERT_TRUE(Render(MakeFixture(), StoryReportOptions{}, &pages).ok());
  EXPECT_EQ(pages.count("story/2.html"), 1u);
  EXPECT_EQ(pages.size(), 7u);
}

TEST(StoryReportTest, IndexListsLargestFirstThenNewest) {
  Pages pages;
  ASSERT_TRUE(Render(MakeFixture(), StoryReportOptions{}, &pages).ok());
  const std::string& index = pages["index.html"];
  const size_t ferry = index.find("story/0.html");
  const size_t later = index.find("story/3.html");
  const size_t mine = index.find("story/1.html");
  const size_t lone = index.find("story/2.html");
  ASSERT_NE(lone, std::string::npos);
  EXPECT_LT(ferry, later);  // 3 members before 2
  EXPECT_LT(later, mine);   // 2 members each: last seen June before February
  EXPECT_LT(mine, lone);
  EXPECT_THAT(index, HasSubstr("8 articles"));
  EXPECT_THAT(index, HasSubstr("4 stories"));
  EXPECT_THAT(index, HasSubstr("3 with more than one version"));
  EXPECT_THAT(
      index,
      HasSubstr("4 origin &middot; 1 near_duplicate &middot; 2 rewrite"));
}

TEST(StoryReportTest, StoryPageShowsTimelineWithUndatedLast) {
  Pages pages;
  ASSERT_TRUE(Render(MakeFixture(), StoryReportOptions{}, &pages).ok());
  const std::string& page = pages["story/0.html"];
  std::vector<std::string> order;
  std::regex member("id=\"a([0-9]+)\"");
  for (auto it = std::sregex_iterator(page.begin(), page.end(), member);
       it != std::sregex_iterator(); ++it) {
    order.push_back((*it)[1]);
  }
  EXPECT_THAT(order, ElementsAre("0", "1", "3"));
  EXPECT_THAT(page, HasSubstr("undated"));
  EXPECT_THAT(
      page,
      HasSubstr("r-rewrite\">rewrite</span> of <a href=\"#a0\">f1</a> "
                "(similarity 0.81) &middot; <a href=\"../compare/0-1.html\">"));
  EXPECT_THAT(page, HasSubstr("same_story</span> of <a href=\"#a1\">f2</a>"));
  // A body excerpt, cut near 300 characters.
  EXPECT_THAT(page, HasSubstr("The council of Granvik approved"));
  EXPECT_THAT(page, Not(HasSubstr("higher fees")));
  EXPECT_THAT(page, HasSubstr("&hellip;"));
}

TEST(StoryReportTest, ComparePageIsTheComparisonWithABackLink) {
  Pages pages;
  ASSERT_TRUE(Render(MakeFixture(), StoryReportOptions{}, &pages).ok());
  const std::string& page = pages["compare/0-1.html"];
  EXPECT_THAT(page, HasSubstr("How two versions of a story compare"));
  EXPECT_THAT(page, HasSubstr("<body>\n<nav><a href=\"../index.html\">"));
  EXPECT_THAT(page, HasSubstr("<a href=\"../story/0.html\">"));
  // A is the closest earlier member, B the rewrite.
  EXPECT_LT(page.find("Ferry timetable approved"),
            page.find("Granvik gets more ferries"));
}

// Every href names a written page (relative to the page's folder) and every
// #fragment an id on that page.
TEST(StoryReportTest, EveryLinkResolves) {
  Pages pages;
  ASSERT_TRUE(Render(MakeFixture(), StoryReportOptions{}, &pages).ok());
  std::regex href("href=\"([^\"]*)\"");
  int links = 0;
  for (const auto& [path, content] : pages) {
    const std::string dir = path.find('/') == std::string::npos
                                ? ""
                                : path.substr(0, path.find('/'));
    for (auto it = std::sregex_iterator(content.begin(), content.end(), href);
         it != std::sregex_iterator(); ++it, ++links) {
      std::string target = (*it)[1];
      std::string fragment;
      if (const size_t hash = target.find('#'); hash != std::string::npos) {
        fragment = target.substr(hash + 1);
        target = target.substr(0, hash);
      }
      if (target.empty()) {
        target = path;
      } else if (target.rfind("../", 0) == 0) {
        target = target.substr(3);
      } else if (!dir.empty()) {
        target = dir + "/" + target;
      }
      ASSERT_EQ(pages.count(target), 1u) << path << " links to " << (*it)[1];
      if (!fragment.empty()) {
        EXPECT_THAT(pages[target], HasSubstr("id=\"" + fragment + "\""))
            << path;
      }
    }
  }
  EXPECT_GT(links, 15);
}

TEST(StoryReportTest, ArticleMarkupIsShownAsText) {
  Fixture f = MakeFixture();
  f.articles[0].title = "<script>alert('t')</script>";
  f.articles[0].source = "<b>Post</b>";
  f.articles[1].body += " <script>alert('b')</script>";
  f.articles[1].title = "Ferries & <i>more</i>";
  f.stories[0].title = f.articles[0].title;
  Pages pages;
  ASSERT_TRUE(Render(f, StoryReportOptions{}, &pages).ok());
  for (const auto& [path, content] : pages) {
    EXPECT_THAT(content, Not(HasSubstr("<script"))) << path;
    EXPECT_THAT(content, Not(HasSubstr("<b>Post"))) << path;
    EXPECT_THAT(content, Not(HasSubstr("<i>more"))) << path;
  }
  EXPECT_THAT(pages["index.html"],
              HasSubstr("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;"));
  EXPECT_THAT(pages["story/0.html"],
              HasSubstr("Ferries &amp; &lt;i&gt;more&lt;/i&gt;"));
}

TEST(StoryReportTest, ComparePagesAreCappedLargestStoryFirst) {
  StoryReportOptions options;
  options.max_compare_pages = 1;
  Pages pages;
  ASSERT_TRUE(Render(MakeFixture(), options, &pages).ok());
  EXPECT_EQ(pages.count("compare/0-1.html"), 1u);
  EXPECT_EQ(pages.count("compare/6-7.html"), 0u);
  EXPECT_THAT(pages["story/3.html"], Not(HasSubstr("compare/")));
}

TEST(StoryReportTest, InconsistentInputIsInvalidArgument) {
  const auto expect_invalid = [](const Fixture& f, const char* what) {
    Pages pages;
    const Status status = Render(f, StoryReportOptions{}, &pages);
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << what;
    EXPECT_TRUE(pages.empty()) << what;
  };
  Fixture f = MakeFixture();
  f.assignments.pop_back();
  expect_invalid(f, "fewer assignments than articles");
  f = MakeFixture();
  f.stories[1].members.push_back(Id(99));
  expect_invalid(f, "member out of range");
  f = MakeFixture();
  f.assignments[5].story = 9;
  expect_invalid(f, "assignment to a story that does not exist");
  f = MakeFixture();
  f.assignments[4].story = 0;
  expect_invalid(f, "member assigned to another story");
  f = MakeFixture();
  f.assignments[3].id = Id(2);
  expect_invalid(f, "assignment numbered out of order");
  f = MakeFixture();
  f.stories[2].origin = Id(8);
  expect_invalid(f, "origin out of range");
}

TEST(StoryReportTest, WriteErrorStopsTheReport) {
  int calls = 0;
  const Fixture f = MakeFixture();
  const Status status = RenderStoryReport(
      f.articles, f.assignments, f.stories, StoryReportOptions{},
      [&calls](std::string_view, std::string_view) {
        return ++calls == 2 ? IOError("disk full") : Status::Ok();
      });
  EXPECT_EQ(status.code(), StatusCode::kIOError);
  EXPECT_EQ(status.message(), "disk full");
  EXPECT_EQ(calls, 2);
}

TEST(StoryReportTest, EmptyInputWritesAnEmptyIndex) {
  Pages pages;
  ASSERT_TRUE(RenderStoryReport(
                  {}, {}, {}, StoryReportOptions{},
                  [&pages](std::string_view path, std::string_view content) {
                    pages[std::string(path)] = std::string(content);
                    return Status::Ok();
                  })
                  .ok());
  EXPECT_EQ(Keys(pages), std::set<std::string>{"index.html"});
  EXPECT_THAT(pages["index.html"], HasSubstr("0 articles"));
}

}  // namespace
}  // namespace twicetold

namespace twicetold {
namespace {

TEST(StoryReportTest, ExcerptsLeaveOutBoilerplate) {
  Fixture f = MakeFixture();
  f.articles[5].body = "Advertisement\n\nNothing else covered this.";
  Pages pages;
  ASSERT_TRUE(Render(f, StoryReportOptions{}, &pages).ok());
  const std::string& page = pages.at("story/2.html");
  EXPECT_NE(page.find("Nothing else covered this."), std::string::npos);
  EXPECT_EQ(page.find("Advertisement"), std::string::npos);
}

}  // namespace
}  // namespace twicetold
