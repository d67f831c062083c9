// `twicetold stories` as a user runs it: on the bundled examples (whose
// truth file says which story each version belongs to and what it was
// derived from), with the seed articles mixed in, and on broken input.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli_runner.h"

namespace twicetold {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::twicetold::testing::JsonLines;
using ::twicetold::testing::RunCli;
using json = nlohmann::json;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

fs::path TempDir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / (name + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// Example ids are "<story>/<version>"; the truth's story for the rest.
std::string GoldStory(const std::string& id) { return id.substr(0, id.find('/')); }

TEST(StoriesCliTest, ExamplesClusterIntoTheirStoriesWithTheRightRelations) {
  auto run = RunCli("stories --no-progress examples/articles.jsonl");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::vector<json> lines = JsonLines(run.out);
  ASSERT_EQ(lines.size(), 33u);
  std::map<std::string, std::set<int>> gold_to_pred;
  std::map<int, std::set<std::string>> pred_to_gold;
  std::map<std::string, std::string> relation;
  for (const json& j : lines) {
    const std::string id = j["id"];
    // "unrelated/*" and "*/related" articles are each an event of their own.
    bool own = GoldStory(id) == "unrelated" || id.ends_with("/related");
    gold_to_pred[own ? id : GoldStory(id)].insert(j["story"].get<int>());
    pred_to_gold[j["story"].get<int>()].insert(own ? id : GoldStory(id));
    relation[id] = j["relation"];
  }
  // Each story's original, copies, edit, rewrite and independent report
  // share one story; a "related" article (another event) has its own.
  for (const std::string story :
       {"harbor-strike", "telecom-breach", "dam-spillway", "coalition-talks", "glacier-study"}) {
    EXPECT_EQ(gold_to_pred[story].size(), 1u) << story;
  }
  for (const auto& [pred, golds] : pred_to_gold) {
    EXPECT_EQ(golds.size(), 1u) << "story " << pred << " mixes events";
  }
  // In published order the original comes first and is the origin.
  EXPECT_EQ(relation["harbor-strike/original"], "origin");
  EXPECT_EQ(relation["harbor-strike/exact_copy"], "identical");
  EXPECT_EQ(relation["harbor-strike/light_edit"], "near_duplicate");
  EXPECT_EQ(relation["harbor-strike/rewrite"], "rewrite");
  EXPECT_EQ(relation["harbor-strike/independent"], "same_story");
}

TEST(StoriesCliTest, TheSeedRewriteJoinsItsOriginalAmongTheExamples) {
  const fs::path seeds = fs::path(TWICETOLD_SOURCE_DIR) / ".." / "shared" / "seeds";
  if (!fs::exists(seeds / "000_f9ef4238e9286527.txt")) GTEST_SKIP() << "no seeds";
  auto run = RunCli("stories --no-progress examples/articles.jsonl '" + seeds.string() + "'");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  json original, rewrite;
  for (const json& j : JsonLines(run.out)) {
    if (j["id"] == "000_f9ef4238e9286527.txt") original = j;
    if (j["id"] == "002_3a9a5a7e32f96ca7.txt") rewrite = j;
  }
  ASSERT_FALSE(original.is_null());
  ASSERT_FALSE(rewrite.is_null());
  EXPECT_EQ(original["story"], rewrite["story"]);
  EXPECT_EQ(original["relation"], "origin");
  EXPECT_EQ(rewrite["relation"], "rewrite");
  EXPECT_EQ(rewrite["duplicate_of"], "000_f9ef4238e9286527.txt");
}

TEST(StoriesCliTest, WritesStoriesFileAndAReportWhoseLinksResolve) {
  const fs::path dir = TempDir("twicetold_stories_cli_");
  auto run = RunCli("stories --no-progress examples/articles.jsonl -o '" +
                    (dir / "articles.jsonl").string() + "' --stories '" +
                    (dir / "stories.jsonl").string() + "' --html '" + (dir / "html").string() + "'");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.err, HasSubstr("33 articles"));
  std::vector<json> stories = JsonLines(ReadFile(dir / "stories.jsonl"));
  size_t members = 0;
  for (const json& s : stories) {
    members += s["members"].size();
    EXPECT_EQ(s["size"], s["members"].size());
    for (const char* key : {"story", "origin", "title", "first_seen", "last_seen"}) {
      EXPECT_TRUE(s.contains(key)) << key;
    }
  }
  EXPECT_EQ(members, 33u);  // every article in exactly one story
  const std::string index = ReadFile(dir / "html" / "index.html");
  EXPECT_THAT(index, HasSubstr("<html"));
  // Every relative link of the index and of the story pages exists.
  std::vector<fs::path> pages = {dir / "html" / "index.html"};
  for (const auto& entry : fs::directory_iterator(dir / "html" / "story")) pages.push_back(entry);
  size_t links = 0;
  for (const fs::path& page : pages) {
    const std::string html = ReadFile(page);
    for (size_t at = html.find("href=\""); at != std::string::npos;
         at = html.find("href=\"", at + 1)) {
      std::string href = html.substr(at + 6, html.find('"', at + 6) - at - 6);
      href = href.substr(0, href.find('#'));
      if (href.empty()) continue;
      ++links;
      EXPECT_TRUE(fs::exists(page.parent_path() / href)) << page << " -> " << href;
    }
  }
  EXPECT_GT(links, 10u);
  EXPECT_TRUE(fs::exists(dir / "html" / "compare")) << "rewrites get compare pages";
  fs::remove_all(dir);
}

TEST(StoriesCliTest, EveryRecordIsPlacedOrRejected) {
  const fs::path dir = TempDir("twicetold_stories_bad_");
  {
    std::ofstream f(dir / "in.jsonl");
    f << R"({"id":"a","text":"The river rose overnight and flooded the lower town."})" << "\n";
    f << "{not json\n";
    f << R"({"id":"b","text":""})" << "\n";
    f << R"({"id":"c","text":"A new library opened in the old station building."})" << "\n";
  }
  auto run = RunCli("stories --no-progress '" + (dir / "in.jsonl").string() + "'");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(JsonLines(run.out).size(), 2u);
  EXPECT_THAT(run.err, HasSubstr("read 4 records: 2 accepted, 0 skipped, 2 rejected"));
  auto strict = RunCli("stories --no-progress --strict '" + (dir / "in.jsonl").string() + "'");
  EXPECT_EQ(strict.exit_code, 3);
  fs::remove_all(dir);
}

TEST(StoriesCliTest, ThreadCountDoesNotChangeTheResult) {
  auto one = RunCli("stories --no-progress --threads 1 examples/articles.jsonl");
  auto two = RunCli("stories --no-progress --threads 2 examples/articles.jsonl");
  ASSERT_EQ(one.exit_code, 0);
  EXPECT_EQ(one.out, two.out);
}

}  // namespace
}  // namespace twicetold
