// The CLI prints exactly what the library's encoders (json.h) give: for
// clean, quotes, compare, dedup and stories on the bundled examples, every
// line of the command's output is byte-identical to the encoder's output
// computed here, in process, from the same inputs and default options.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli_runner.h"
#include "twicetold/analyze.h"
#include "twicetold/compare.h"
#include "twicetold/corpus.h"
#include "twicetold/io.h"
#include "twicetold/json.h"
#include "twicetold/quote.h"

namespace twicetold {
namespace {

using ::twicetold::testing::RunCli;

// Both input kinds, text files in folders and JSON lines, and a headline
// feed (records with a title and no body).
const std::vector<std::string> kInputs = {"examples/articles", "examples/articles.jsonl",
                                          "examples/headlines.jsonl"};

std::string Joined(const std::vector<std::string>& paths) {
  std::string out;
  for (const std::string& p : paths) out += " " + p;
  return out;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::vector<AnalyzedArticle> AnalyzeAll(const std::vector<std::string>& paths) {
  Result<ReadResult> read = ReadAll(paths, ReadOptions{});
  EXPECT_TRUE(read.ok()) << read.status().ToString();
  std::vector<AnalyzedArticle> out;
  if (!read.ok()) return out;
  for (Article& article : read->articles) {
    out.push_back(Analyze(std::move(article), AnalyzeOptions{}));
  }
  return out;
}

// The corpus commands' CorpusOptions with default flags (cli/corpus_flags.cc).
CorpusOptions DefaultCorpusOptions() {
  CorpusOptions corpus;
  corpus.read.keep_original = false;
  return corpus;
}

// Where two lines first differ, with some context ("" when equal).
std::string FirstDifference(const std::string& got, const std::string& want) {
  if (got == want) return "";
  size_t at = 0;
  while (at < got.size() && at < want.size() && got[at] == want[at]) ++at;
  const size_t from = at < 40 ? 0 : at - 40;
  return "at byte " + std::to_string(at) + ": CLI \"" + got.substr(from, 80) +
         "\" vs library \"" + want.substr(from, 80) + "\"";
}

void ExpectSameLines(const std::string& cli_out, const std::vector<std::string>& expected) {
  const std::vector<std::string> got = Lines(cli_out);
  ASSERT_EQ(got.size(), expected.size());
  ASSERT_FALSE(expected.empty());
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(FirstDifference(got[i], expected[i]), "") << "line " << i;
  }
}

// The CLI runs in the source directory (cli_runner.h); so do the library
// calls here, so that ids derived from relative paths agree.
class JsonContractCliTest : public ::testing::Test {
 protected:
  void SetUp() override { std::filesystem::current_path(TWICETOLD_SOURCE_DIR); }
};

TEST_F(JsonContractCliTest, Clean) {
  std::vector<std::string> expected;
  for (const AnalyzedArticle& a : AnalyzeAll(kInputs)) {
    expected.push_back(CleanedArticleToJson(a));
  }
  const auto run = RunCli("clean --json -q" + Joined(kInputs));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  ExpectSameLines(run.out, expected);
}

TEST_F(JsonContractCliTest, Quotes) {
  std::vector<std::string> expected;
  for (const AnalyzedArticle& a : AnalyzeAll(kInputs)) {
    expected.push_back(QuotesToJson(a, ExtractQuotes(a, QuoteOptions{})));
  }
  const auto run = RunCli("quotes --json -q" + Joined(kInputs));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  ExpectSameLines(run.out, expected);
}

TEST_F(JsonContractCliTest, Compare) {
  // Each story's original against each of its other versions, and against
  // an unrelated article.
  for (const std::string story :
       {"coalition-talks", "dam-spillway", "glacier-study", "harbor-strike", "telecom-breach"}) {
    for (const std::string other :
         {"exact_copy.txt", "light_edit.txt", "rewrite.txt", "independent.txt",
          "../unrelated/tram-line.txt"}) {
      const std::vector<std::string> pair = {"examples/articles/" + story + "/original.txt",
                                             "examples/articles/" + story + "/" + other};
      const std::vector<AnalyzedArticle> ab = AnalyzeAll(pair);
      ASSERT_EQ(ab.size(), 2u);
      const Result<Comparison> c = Compare(ab[0], ab[1], CompareOptions{});
      ASSERT_TRUE(c.ok()) << c.status().ToString();
      const auto run = RunCli("compare --json -q" + Joined(pair));
      ASSERT_EQ(run.exit_code, 0) << run.err;
      ExpectSameLines(run.out, {ComparisonToJson(ab[0], ab[1], *c)});
    }
  }
}

TEST_F(JsonContractCliTest, Dedup) {
  std::vector<std::string> expected;
  const Result<CorpusSummary> summary = RunDedup(
      kInputs, DefaultCorpusOptions(), DedupOptions{},
      [&](const Article& article, const DedupDecision& d) {
        expected.push_back(DedupDecisionToJson(article, d));
      },
      [](Rejected&&) {});
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  const auto run = RunCli("dedup -q --no-progress" + Joined(kInputs));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  ExpectSameLines(run.out, expected);
}

TEST_F(JsonContractCliTest, Stories) {
  std::vector<std::string> expected, expected_stories;
  std::vector<Story> stories;
  const Result<CorpusSummary> summary = RunStories(
      kInputs, DefaultCorpusOptions(), StoryOptions{},
      [&](const Article&, const StoryAssignment& a) {
        expected.push_back(StoryAssignmentToJson(a));
      },
      [](Rejected&&) {}, &stories);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  for (const Story& story : stories) expected_stories.push_back(StoryToJson(story));

  const std::filesystem::path stories_file =
      std::filesystem::temp_directory_path() /
      ("twicetold_json_contract_" + std::to_string(::getpid()) + ".jsonl");
  const auto run = RunCli("stories -q --no-progress --stories " + stories_file.string() +
                          Joined(kInputs));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  ExpectSameLines(run.out, expected);
  std::ifstream in(stories_file, std::ios::binary);
  std::stringstream written;
  written << in.rdbuf();
  ExpectSameLines(written.str(), expected_stories);
  std::filesystem::remove(stories_file);
}

}  // namespace
}  // namespace twicetold
