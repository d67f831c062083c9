// `twicetold dedup` as a user runs it, on fixtures written at test time.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
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

const char kOriginal[] =
    "The city council voted on Tuesday to approve a new budget for the "
    "coming year after a long debate about road repairs and school funding.\n\n"
    "Members argued for hours over how much money should go to the bridge "
    "over the river, which engineers have called unsafe since the spring "
    "floods damaged its supports.\n\n"
    "The mayor said she would sign the plan on Friday and promised that work "
    "on the bridge would begin before the winter storms arrive in the "
    "northern districts of the city.";

const char kUnrelated[] =
    "A small museum in the hills reopened its doors this weekend after a "
    "renovation that took three years and cost far more than planned.\n\n"
    "Visitors lined up early to see the restored paintings, many of which "
    "had not been shown to the public for decades.";

std::string Record(const std::string& id, const std::string& text) {
  return json{{"id", id}, {"source", "Example"}, {"text", text}}.dump() + "\n";
}

// The original, a copy differing in whitespace and case, a lightly edited
// copy, an unrelated article and (optionally) one bad record.
fs::path WriteFixture(bool with_bad) {
  const fs::path dir = fs::temp_directory_path() /
                       ("twicetold_dedup_cli_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string copy = kOriginal;
  for (char& c : copy) c = static_cast<char>(std::toupper(c));
  copy = "  " + copy;
  copy.replace(copy.find(' ', 10), 1, "   ");
  std::string edited = kOriginal;
  edited.replace(edited.find("Friday"), 6, "Monday");
  const fs::path file = dir / "articles.jsonl";
  std::ofstream out(file, std::ios::binary);
  out << Record("orig", kOriginal) << Record("copy", copy);
  if (with_bad) out << "{\"id\": \"broken\"\n";
  out << Record("edit", edited) << Record("other", kUnrelated);
  return file;
}

TEST(DedupCliTest, RelationsOfCopiesEditsAndUnrelatedArticles) {
  const fs::path file = WriteFixture(false);
  const auto run = RunCli("dedup --threads 2 '" + file.string() + "'");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::vector<json> lines = JsonLines(run.out);
  ASSERT_EQ(lines.size(), 4u) << run.out;
  std::map<std::string, json> by_id;
  for (const json& j : lines) by_id[j["id"]] = j;
  EXPECT_EQ(lines[0]["id"], "orig");
  EXPECT_EQ(by_id["orig"]["relation"], "origin");
  EXPECT_TRUE(by_id["orig"]["duplicate_of"].is_null());
  EXPECT_EQ(by_id["orig"]["cluster"], "orig");
  EXPECT_EQ(by_id["copy"]["relation"], "identical");
  EXPECT_EQ(by_id["copy"]["duplicate_of"], "orig");
  EXPECT_EQ(by_id["copy"]["similarity"], 1.0);
  EXPECT_EQ(by_id["edit"]["relation"], "near_duplicate");
  EXPECT_EQ(by_id["edit"]["duplicate_of"], "orig");
  EXPECT_EQ(by_id["edit"]["cluster"], "orig");
  EXPECT_GE(by_id["edit"]["similarity"].get<double>(), 0.7);
  EXPECT_EQ(by_id["other"]["relation"], "origin");
  EXPECT_EQ(by_id["other"]["cluster"], "other");
  EXPECT_THAT(run.err, HasSubstr("read 4 records: 4 accepted, 0 skipped, 0 rejected"));
  EXPECT_THAT(run.err, HasSubstr("4 articles, 2 clusters, 1 identical, 1 near_duplicate"));
  EXPECT_THAT(run.err, HasSubstr("fp-v1"));
  fs::remove_all(file.parent_path());
}

TEST(DedupCliTest, EveryRecordIsAnOutputLineOrARejection) {
  const fs::path file = WriteFixture(true);
  const fs::path out = file.parent_path() / "out.jsonl";
  const auto run = RunCli("dedup --no-progress -o '" + out.string() + "' '" +
                          file.string() + "'");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(run.out.empty());
  std::ifstream in(out);
  std::stringstream ss;
  ss << in.rdbuf();
  EXPECT_EQ(JsonLines(ss.str()).size(), 4u);
  EXPECT_THAT(run.err, HasSubstr("rejected " + file.string() + ":3"));
  EXPECT_THAT(run.err, HasSubstr("read 5 records: 4 accepted, 0 skipped, 1 rejected"));
  fs::remove_all(file.parent_path());
}

TEST(DedupCliTest, StrictExitsThreeOnABadRecord) {
  const fs::path file = WriteFixture(true);
  const auto run = RunCli("dedup --strict '" + file.string() + "'");
  EXPECT_EQ(run.exit_code, 3) << run.err;
  EXPECT_EQ(JsonLines(run.out).size(), 4u);
  fs::remove_all(file.parent_path());
}

TEST(DedupCliTest, ReadsStandardInputAndTakesSimHash) {
  const fs::path file = WriteFixture(false);
  std::ifstream in(file);
  std::stringstream ss;
  ss << in.rdbuf();
  const auto run = RunCli("dedup --method simhash -", ss.str());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::vector<json> lines = JsonLines(run.out);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[1]["relation"], "identical");
  EXPECT_EQ(lines[3]["relation"], "origin");
  fs::remove_all(file.parent_path());
}

TEST(DedupCliTest, BadOptionsAreUsageErrors) {
  // Options are checked before the (missing) input: usage, not I/O.
  EXPECT_EQ(RunCli("dedup --method nope x").exit_code, 2);
  EXPECT_EQ(RunCli("dedup --hashes 100 --bands 7 x").exit_code, 2);
}

}  // namespace
}  // namespace twicetold
