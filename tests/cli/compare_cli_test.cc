// `twicetold compare` as a user runs it: the seed pair that every dedup tool
// calls unrelated is a rewrite with its changed quotes named; the HTML page
// is written; bad usage says what to do.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "cli/cli_runner.h"

namespace twicetold {
namespace {

using ::testing::HasSubstr;
using ::twicetold::testing::RunCli;
using json = nlohmann::json;

std::string SeedPair() {
  const std::filesystem::path seeds =
      std::filesystem::path(TWICETOLD_SOURCE_DIR) / ".." / "shared" / "seeds";
  if (!std::filesystem::exists(seeds / "000_f9ef4238e9286527.txt")) return "";
  return "'" + (seeds / "000_f9ef4238e9286527.txt").string() + "' '" +
         (seeds / "002_3a9a5a7e32f96ca7.txt").string() + "'";
}

// Relation of each quote pair, keyed by the first words of A's (or B's) text.
std::multimap<std::string, std::string> QuoteRelations(const json& j) {
  std::multimap<std::string, std::string> out;
  for (const json& q : j["quotes"]) {
    const json& side = q["a"].is_null() ? q["b"] : q["a"];
    out.emplace(std::string(side["text"]).substr(0, 20), q["relation"]);
  }
  return out;
}

TEST(CompareCliTest, SeedRewriteWithChangedQuotes) {
  const std::string pair = SeedPair();
  if (pair.empty()) GTEST_SKIP() << "seeds not present";
  const auto run = RunCli("compare --json -q " + pair);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json j = json::parse(run.out);
  EXPECT_EQ(j["relation"], "rewrite");
  EXPECT_LT(j["scores"]["jaccard"].get<double>(), 0.1);  // dedup tools see nothing
  const auto relations = QuoteRelations(j);
  const auto relation_of = [&](const std::string& start) {
    auto it = relations.find(start.substr(0, 20));
    return it == relations.end() ? std::string("missing") : it->second;
  };
  EXPECT_EQ(relation_of("We are not planning to go"), "identical");
  EXPECT_EQ(relation_of("So far we haven't found"), "extended");
  EXPECT_EQ(relation_of("Not an easy situation, let"), "altered");
  EXPECT_EQ(relation_of("What matters is that everything"), "altered");
  // The 22-word quote is the longest shared run, and it lies in a quotation.
  EXPECT_EQ(j["runs"][0]["words"], 22);
  EXPECT_TRUE(j["runs"][0]["in_quote_a"]);
}

TEST(CompareCliTest, ExampleRewriteWritesThePage) {
  const std::filesystem::path page =
      std::filesystem::temp_directory_path() / "twicetold_compare_test.html";
  std::filesystem::remove(page);
  const auto run = RunCli(
      "compare examples/articles/harbor-strike/original.txt "
      "examples/articles/harbor-strike/rewrite.txt --html '" + page.string() + "'");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("relation: rewrite"));
  EXPECT_THAT(run.out, HasSubstr("extended"));
  EXPECT_THAT(run.out, HasSubstr("trimmed"));
  std::ifstream in(page);
  std::stringstream html;
  html << in.rdbuf();
  EXPECT_THAT(html.str(), HasSubstr("class=\"relation\">rewrite<"));
  EXPECT_THAT(html.str(), HasSubstr("<del>"));
  std::filesystem::remove(page);
}

TEST(CompareCliTest, NeedsExactlyTwoArticlesOrChosenIds) {
  const auto three = RunCli("compare -q examples/articles/harbor-strike");
  EXPECT_EQ(three.exit_code, 2);  // usage
  EXPECT_THAT(three.err, HasSubstr("needs exactly two articles"));
  const auto chosen = RunCli(
      "compare --json -q examples/articles.jsonl "
      "--a dam-spillway/original --b dam-spillway/exact_copy");
  ASSERT_EQ(chosen.exit_code, 0) << chosen.err;
  const json j = json::parse(chosen.out);
  EXPECT_THAT(std::string(j["relation"]), ::testing::AnyOf("identical", "near_duplicate"));
  const auto missing = RunCli("compare -q examples/articles.jsonl --a nope --b nada");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, HasSubstr("no article with id 'nope'"));
}

}  // namespace
}  // namespace twicetold
