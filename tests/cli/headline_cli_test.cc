// Headline-only articles (a title and an empty body: wire alerts, headline
// feeds) as a user meets them: every subcommand accepts them, and a
// headline feed clusters into its stories without any flag.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "cli/cli_runner.h"

namespace twicetold {
namespace {

using ::testing::HasSubstr;
using ::twicetold::testing::JsonLines;
using ::twicetold::testing::RunCli;
using json = nlohmann::json;

const std::string kHeadline =
    "{\"id\":\"h1\",\"title\":\"Port strike ends after pay deal\",\"text\":\"\"}\n";

TEST(HeadlineCliTest, EverySubcommandAcceptsAHeadlineOnlyRecord) {
  for (const std::string command :
       {"clean --json -", "quotes --json -", "dedup -", "stories -"}) {
    const auto run = RunCli(command + " --strict", kHeadline);
    ASSERT_EQ(run.exit_code, 0) << command << ": " << run.err;
    EXPECT_THAT(run.err, HasSubstr("read 1 record: 1 accepted, 0 skipped, 0 rejected")) << command;
    const std::vector<json> lines = JsonLines(run.out);
    ASSERT_EQ(lines.size(), 1u) << command;
    EXPECT_EQ(lines[0]["id"], "h1") << command;
  }
  const auto clean = RunCli("clean --json -q -", kHeadline);
  EXPECT_EQ(JsonLines(clean.out)[0]["body"], "Port strike ends after pay deal");
  const auto compare = RunCli(
      "compare --json -q -",
      kHeadline + "{\"id\":\"h2\",\"title\":\"Port strike ends after pay deal\"}\n");
  ASSERT_EQ(compare.exit_code, 0) << compare.err;
  EXPECT_EQ(json::parse(compare.out)["relation"], "identical");
}

TEST(HeadlineCliTest, ARecordWithNeitherTitleNorBodyIsRejected) {
  const auto run = RunCli("clean --json -", "{\"id\":\"e\",\"title\":\"\",\"text\":\"\"}\n");
  EXPECT_THAT(run.err, HasSubstr("no title and no text (empty record)"));
  EXPECT_THAT(run.err, HasSubstr("read 1 record: 0 accepted, 0 skipped, 1 rejected"));
}

// examples/headlines.jsonl: twelve dated headlines of three events, the
// event in each line's "story" field.
TEST(HeadlineCliTest, AHeadlineFeedClustersIntoItsStories) {
  const auto run = RunCli("stories -q examples/headlines.jsonl");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::map<std::string, std::string> truth;  // id -> event
  std::ifstream in(TWICETOLD_SOURCE_DIR "/examples/headlines.jsonl");
  for (std::string line; std::getline(in, line);) {
    const json j = json::parse(line);
    truth[j["id"]] = j["story"];
  }
  std::map<std::string, std::set<int>> stories_of_event;
  std::map<int, std::set<std::string>> events_of_story;
  for (const json& a : JsonLines(run.out)) {
    stories_of_event[truth.at(a["id"])].insert(a["story"].get<int>());
    events_of_story[a["story"].get<int>()].insert(truth.at(a["id"]));
  }
  ASSERT_EQ(stories_of_event.size(), 3u);
  for (const auto& [event, stories] : stories_of_event) {
    EXPECT_EQ(stories.size(), 1u) << event << " is split";
  }
  for (const auto& [story, events] : events_of_story) {
    EXPECT_EQ(events.size(), 1u) << "story " << story << " mixes events";
  }
}

}  // namespace
}  // namespace twicetold
