// `twicetold ingest`, `export` and `reindex` as a media monitor runs them:
// a corpus ingested in several runs equals one `stories` run; an ingest
// killed with SIGKILL and run again stores every article exactly once; an
// id that comes again with another text is a new version; stores of other
// versions and damaged files are refused with a clear message.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
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

const fs::path kBasil =
    fs::path(TWICETOLD_SOURCE_DIR) / ".." / "shared" / "data" / "stories" / "basil.jsonl";

class IngestCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("twicetold_ingest_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Db() const { return (dir_ / "store.db").string(); }

  // Writes lines [begin, end) of `lines` to a file in the test folder.
  std::string Part(const std::vector<std::string>& lines, size_t begin, size_t end,
                   const std::string& name) const {
    const fs::path path = dir_ / name;
    std::ofstream out(path);
    for (size_t i = begin; i < end && i < lines.size(); ++i) out << lines[i] << "\n";
    return path.string();
  }

  fs::path dir_;
};

std::vector<std::string> ReadLines(const fs::path& path) {
  std::vector<std::string> lines;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

std::string Quote(const std::string& s) { return "'" + s + "'"; }

// Every file below `root`: its path relative to root -> its content.
std::map<std::string, std::string> PagesBelow(const fs::path& root) {
  std::map<std::string, std::string> pages;
  if (!fs::exists(root)) return pages;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    pages[fs::relative(entry.path(), root).string()] = content.str();
  }
  return pages;
}

TEST_F(IngestCliTest, BasilIngestedInThreeRunsEqualsOneStoriesRun) {
  if (!fs::exists(kBasil)) GTEST_SKIP() << kBasil << " not present";
  const std::vector<std::string> lines = ReadLines(kBasil);
  ASSERT_EQ(lines.size(), 300u);
  const auto oneshot = RunCli("stories --no-progress -q " + Quote(kBasil.string()) +
                              " --stories " + Quote((dir_ / "stories.jsonl").string()) +
                              " --html " + Quote((dir_ / "html").string()));
  ASSERT_EQ(oneshot.exit_code, 0) << oneshot.err;
  std::string ingested;
  for (auto [begin, end] : {std::pair<size_t, size_t>{0, 97}, {97, 210}, {210, 300}}) {
    const auto run = RunCli("ingest --no-progress --db " + Quote(Db()) + " " +
                            Quote(Part(lines, begin, end, "part" + std::to_string(begin) + ".jsonl")));
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_THAT(run.err, HasSubstr(std::to_string(end - begin) + " added"));
    ingested += run.out;
  }
  EXPECT_EQ(ingested, oneshot.out);
  const auto exported = RunCli("export --db " + Quote(Db()));
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_EQ(exported.out, oneshot.out);
  const auto stories = RunCli("export --stories --db " + Quote(Db()));
  ASSERT_EQ(stories.exit_code, 0) << stories.err;
  std::ifstream oneshot_stories(dir_ / "stories.jsonl");
  std::stringstream expected;
  expected << oneshot_stories.rdbuf();
  EXPECT_EQ(stories.out, expected.str());
  // The store's report is the one-shot run's, page for page.
  const auto report = RunCli("export --db " + Quote(Db()) + " --html " +
                             Quote((dir_ / "store_html").string()));
  ASSERT_EQ(report.exit_code, 0) << report.err;
  EXPECT_EQ(PagesBelow(dir_ / "store_html"), PagesBelow(dir_ / "html"));
  EXPECT_GT(PagesBelow(dir_ / "html").count("index.html"), 0u);
  // Ingesting everything again stores nothing twice.
  const auto again = RunCli("ingest --no-progress --db " + Quote(Db()) + " " +
                            Quote(kBasil.string()));
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out, "");
  EXPECT_THAT(again.err, HasSubstr("300 skipped"));
}

// Starts `twicetold args...` with stdout on a pipe, reads until `lines`
// lines arrived, then kills it with SIGKILL. Returns the lines read.
std::string RunAndKill(const std::vector<std::string>& args, size_t lines) {
  int out[2];
  if (pipe(out) != 0) return "";
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    close(out[1]);
    std::vector<char*> argv;
    std::string cli = TWICETOLD_CLI;
    argv.push_back(cli.data());
    std::vector<std::string> copy = args;
    for (std::string& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(TWICETOLD_CLI, argv.data());
    _exit(127);
  }
  close(out[1]);
  std::string got;
  char buf[4096];
  size_t seen = 0;
  while (seen < lines) {
    const ssize_t n = read(out[0], buf, sizeof buf);
    if (n <= 0) break;
    got.append(buf, static_cast<size_t>(n));
    seen = static_cast<size_t>(std::count(got.begin(), got.end(), '\n'));
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  close(out[0]);
  return got;
}

TEST_F(IngestCliTest, AnIngestKilledMidwayAndRunAgainStoresEveryArticleOnce) {
  if (!fs::exists(kBasil)) GTEST_SKIP() << kBasil << " not present";
  const auto oneshot = RunCli("stories --no-progress -q " + Quote(kBasil.string()));
  ASSERT_EQ(oneshot.exit_code, 0) << oneshot.err;
  const std::string before_kill =
      RunAndKill({"ingest", "--no-progress", "-q", "--commit-every", "8", "--db", Db(),
                  kBasil.string()},
                 40);
  const size_t reported = JsonLines(before_kill.substr(0, before_kill.rfind('\n') + 1)).size();
  ASSERT_GE(reported, 40u) << "the ingest ended before it could be killed";
  // What was reported before the kill is stored: every reported line is
  // in the store, in the same order.
  const auto partial = RunCli("export --db " + Quote(Db()));
  ASSERT_EQ(partial.exit_code, 0) << partial.err;
  EXPECT_EQ(partial.out.substr(0, before_kill.rfind('\n') + 1),
            before_kill.substr(0, before_kill.rfind('\n') + 1));
  EXPECT_LT(JsonLines(partial.out).size(), 300u) << "killed too late to test anything";
  const auto rerun = RunCli("ingest --no-progress --db " + Quote(Db()) + " " +
                            Quote(kBasil.string()));
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  const auto exported = RunCli("export --db " + Quote(Db()));
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_EQ(exported.out, oneshot.out);
  std::set<std::string> ids;
  for (const json& j : JsonLines(exported.out)) EXPECT_TRUE(ids.insert(j["id"]).second);
  EXPECT_EQ(ids.size(), 300u);
}

TEST_F(IngestCliTest, AnIdThatComesAgainWithAnotherTextIsAnUpdate) {
  const auto first = RunCli("ingest --no-progress --db " + Quote(Db()) +
                            " examples/articles.jsonl");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_THAT(first.err, HasSubstr("33 added"));
  const std::string id = "harbor-strike/original";
  json original;
  for (const std::string& line :
       ReadLines(fs::path(TWICETOLD_SOURCE_DIR) / "examples" / "articles.jsonl")) {
    json j = json::parse(line);
    if (j["id"] == id) original = j;
  }
  ASSERT_FALSE(original.is_null());
  json revised = original;
  revised["text"] = original["text"].get<std::string>() +
                    "\n\nThis article was updated with a statement from the port authority.";
  revised["published"] = "2026-12-31T00:00:00Z";
  json corrected = revised;
  corrected["text"] = revised["text"].get<std::string>() + " A spelling was corrected.";
  corrected["published"] = "2026-12-31T01:00:00Z";
  // The stored text again is skipped; two new texts are two new versions.
  const auto update = RunCli("ingest --no-progress --db " + Quote(Db()) + " -",
                             original.dump() + "\n" + revised.dump() + "\n" +
                                 corrected.dump() + "\n");
  ASSERT_EQ(update.exit_code, 0) << update.err;
  EXPECT_THAT(update.err, HasSubstr("2 updates"));
  EXPECT_THAT(update.err, HasSubstr("1 skipped"));
  const std::vector<json> lines = JsonLines(update.out);
  ASSERT_EQ(lines.size(), 2u);
  for (const json& line : lines) {
    EXPECT_EQ(line["id"], id);
    EXPECT_EQ(line["relation"], "update");
    EXPECT_EQ(line["duplicate_of"], id);
  }
  const auto versions = RunCli("export --versions " + Quote(id) + " --db " + Quote(Db()));
  ASSERT_EQ(versions.exit_code, 0) << versions.err;
  const std::vector<json> chain = JsonLines(versions.out);
  ASSERT_EQ(chain.size(), 3u);
  EXPECT_EQ(chain[0]["version"], 1);
  EXPECT_EQ(chain[2]["version"], 3);
  EXPECT_EQ(chain[1]["previous_seq"], chain[0]["seq"]);
  EXPECT_EQ(chain[1]["comparison"]["relation"], "near_duplicate");
}

TEST_F(IngestCliTest, DamagedAndForeignStoresAreRefusedClearly) {
  {
    std::ofstream(Db()) << "this is not a database, just text\n";
  }
  const auto run = RunCli("ingest --no-progress --db " + Quote(Db()) + " examples/articles.jsonl");
  EXPECT_NE(run.exit_code, 0);
  EXPECT_THAT(run.err, HasSubstr("store.db"));
  EXPECT_THAT(run.err, ::testing::AnyOf(HasSubstr("not a database"), HasSubstr("damaged")));
  EXPECT_EQ(run.out, "");
  const auto exported = RunCli("export --db " + Quote(Db()));
  EXPECT_NE(exported.exit_code, 0);
  const auto missing = RunCli("export --db " + Quote((dir_ / "no" / "such.db").string()));
  EXPECT_NE(missing.exit_code, 0);
  EXPECT_THAT(missing.err, HasSubstr("such.db"));
}

TEST_F(IngestCliTest, AStoreOfAnotherModelIsRefusedUntilReindexed) {
  const auto first = RunCli("ingest --no-progress -q --db " + Quote(Db()) +
                            " examples/articles.jsonl");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  // Another join threshold is another model.
  const auto other = RunCli("ingest --no-progress --join 0.5 --db " + Quote(Db()) +
                            " examples/headlines.jsonl");
  EXPECT_NE(other.exit_code, 0);
  EXPECT_THAT(other.err, HasSubstr("reindex"));
  const auto reindex = RunCli("reindex --no-progress --join 0.5 --db " + Quote(Db()));
  ASSERT_EQ(reindex.exit_code, 0) << reindex.err;
  const auto after = RunCli("ingest --no-progress --join 0.5 --db " + Quote(Db()) +
                            " examples/headlines.jsonl");
  EXPECT_EQ(after.exit_code, 0) << after.err;
  // Reindexing with the model a one-shot run uses gives its assignments.
  const auto oneshot = RunCli("stories -q --no-progress --join 0.5 examples/articles.jsonl");
  const auto exported = RunCli("export --db " + Quote(Db()));
  EXPECT_EQ(exported.out.substr(0, oneshot.out.size()), oneshot.out);
}

}  // namespace
}  // namespace twicetold
