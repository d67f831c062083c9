// The stories report opens in a real browser: headless Chromium loads the
// index, a story page and a compare page from disk and builds their DOM.
// Chromium missing is a failure (scripts/install-deps.sh installs it).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli/cli_runner.h"

namespace twicetold {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::twicetold::testing::RunCli;

// The DOM Chromium builds for `page`, or "" if it could not run. The DOM
// goes to a file, not a pipe: a Chromium helper process that outlives the
// browser would hold a pipe open and hang the test. Each call has its own
// profile, so a browser another test runs cannot take the page over, and
// `timeout` kills the whole process group after 90 s.
std::string BrowserDom(const fs::path& page, const fs::path& work) {
  const fs::path profile = work / "profile";
  const fs::path dom = work / "dom.html";
  fs::remove_all(profile);
  fs::remove(dom);
  const std::string command =
      "timeout -k 5 90 chromium --headless --no-sandbox --disable-gpu --no-first-run "
      "--user-data-dir='" + profile.string() + "' --dump-dom 'file://" + page.string() +
      "' </dev/null >'" + dom.string() + "' 2>/dev/null";
  (void)std::system(command.c_str());
  std::ifstream in(dom);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(ReportBrowserTest, ChromiumRendersTheStoriesReport) {
  // scripts/install-deps.sh installs chromium: its absence is a failure.
  ASSERT_EQ(std::system("command -v chromium >/dev/null 2>&1"), 0)
      << "chromium not installed: run scripts/install-deps.sh";
  const fs::path dir =
      fs::temp_directory_path() / ("twicetold_report_browser_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  auto run = RunCli("stories --no-progress -q examples/articles.jsonl -o /dev/null --html '" +
                    dir.string() + "'");
  ASSERT_EQ(run.exit_code, 0) << run.err;

  const fs::path work = dir.string() + "_chromium";
  fs::create_directories(work);
  const std::string index = BrowserDom(dir / "index.html", work);
  ASSERT_THAT(index, HasSubstr("<table"));
  EXPECT_THAT(index, HasSubstr("Port Alder dockworkers strike"));
  EXPECT_THAT(index, HasSubstr("href=\"story/"));

  fs::path compare;
  for (const auto& entry : fs::directory_iterator(dir / "compare")) compare = entry.path();
  ASSERT_FALSE(compare.empty());
  const std::string page = BrowserDom(compare, work);
  EXPECT_THAT(page, HasSubstr("rewrite"));
  EXPECT_THAT(page, HasSubstr("href=\"../index.html\""));
  fs::remove_all(dir);
  fs::remove_all(work);
}

}  // namespace
}  // namespace twicetold
