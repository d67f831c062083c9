// The stories report opens in a real browser: headless Chromium loads the
// index, a story page and a compare page from disk and builds their DOM.
// Skipped when Chromium is not installed (scripts/install-deps.sh installs
// it).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>

#include "cli/cli_runner.h"

namespace twicetold {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::twicetold::testing::RunCli;

// The DOM Chromium builds for `page`, or "" if it could not run.
std::string BrowserDom(const fs::path& page) {
  const std::string command =
      "timeout 90 chromium --headless --no-sandbox --disable-gpu --dump-dom 'file://" +
      page.string() + "' 2>/dev/null";
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  std::array<char, 4096> buf;
  for (size_t n; (n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0;) out.append(buf.data(), n);
  ::pclose(pipe);
  return out;
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

  const std::string index = BrowserDom(dir / "index.html");
  ASSERT_THAT(index, HasSubstr("<table"));
  EXPECT_THAT(index, HasSubstr("Port Alder dockworkers strike"));
  EXPECT_THAT(index, HasSubstr("href=\"story/"));

  fs::path compare;
  for (const auto& entry : fs::directory_iterator(dir / "compare")) compare = entry.path();
  ASSERT_FALSE(compare.empty());
  const std::string page = BrowserDom(compare);
  EXPECT_THAT(page, HasSubstr("rewrite"));
  EXPECT_THAT(page, HasSubstr("href=\"../index.html\""));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace twicetold
