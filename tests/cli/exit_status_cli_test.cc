// Exit statuses (README "Exit status"): each code from the command as a user
// runs it, for every subcommand, and StatusToExitCode for every StatusCode
// (an internal error cannot be provoked from outside).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "cli/cli_runner.h"
#include "exit_status.h"

namespace twicetold {
namespace {

using ::testing::HasSubstr;
using ::twicetold::testing::RunCli;

const char* const kCommands[] = {"clean", "quotes", "compare", "dedup", "stories"};

// `command -q FLAGS INPUT`, the corpus commands without a progress bar.
std::string Args(const std::string& command, const std::string& flags,
                 const std::string& input) {
  const bool corpus = command == "dedup" || command == "stories";
  return command + " -q " + (corpus ? "--no-progress " : "") + flags + " " + input;
}

// Arguments that make each subcommand succeed on the examples.
std::string Ok(const std::string& command) {
  if (command == "compare") {
    return Args(command, "", "examples/articles/harbor-strike/original.txt "
                             "examples/articles/harbor-strike/rewrite.txt");
  }
  return Args(command, "", "examples/articles.jsonl");
}

TEST(ExitStatusCliTest, SuccessIsZero) {
  for (const std::string command : kCommands) {
    const auto run = RunCli(Ok(command));
    EXPECT_EQ(run.exit_code, 0) << command << ": " << run.err;
  }
  EXPECT_EQ(RunCli("--help").exit_code, 0);
  EXPECT_EQ(RunCli("--version").exit_code, 0);
}

TEST(ExitStatusCliTest, UsageIsTwo) {
  EXPECT_EQ(RunCli("").exit_code, 2);  // no subcommand
  for (const std::string command : kCommands) {
    const auto unknown = RunCli(command + " --no-such-flag examples/articles.jsonl");
    EXPECT_EQ(unknown.exit_code, 2) << command;
    EXPECT_EQ(RunCli(command).exit_code, 2) << command;  // INPUT is required
  }
  // A value CLI11 rejects, and one only the library's validation rejects.
  EXPECT_EQ(RunCli("dedup --threshold 2 examples/articles.jsonl").exit_code, 2);
  const auto hashes = RunCli("dedup -q --hashes 100 examples/articles.jsonl");
  EXPECT_EQ(hashes.exit_code, 2);
  EXPECT_THAT(hashes.err, HasSubstr("twicetold dedup: invalid_argument"));
  // compare needs two articles: the input is fine, the invocation is not.
  EXPECT_EQ(RunCli("compare -q examples/articles.jsonl").exit_code, 2);
  EXPECT_EQ(RunCli("compare -q examples/articles.jsonl --a nope --b nada").exit_code, 2);
}

TEST(ExitStatusCliTest, RejectedUnderStrictIsThree) {
  // Two good records and a malformed one, so that compare has its pair.
  const std::string input =
      "{\"id\":\"a\",\"text\":\"The harbor strike ended on Monday after a pay deal.\"}\n"
      "{\"id\":\"b\",\"text\":\"A pay deal ended the harbor strike on Monday.\"}\n"
      "{\"id\":\"c\",\"text\":\n";
  for (const std::string command : kCommands) {
    EXPECT_EQ(RunCli(Args(command, "", "-"), input).exit_code, 0) << command;
    const auto strict = RunCli(Args(command, "--strict", "-"), input);
    EXPECT_EQ(strict.exit_code, 3) << command << ": " << strict.err;
    EXPECT_THAT(strict.err, HasSubstr("rejected -:3")) << command;
  }
}

TEST(ExitStatusCliTest, MissingInputIsFour) {
  for (const std::string command : kCommands) {
    const auto run = RunCli(Args(command, "", "examples/no-such-file.jsonl"));
    EXPECT_EQ(run.exit_code, 4) << command;
    EXPECT_THAT(run.err, HasSubstr("twicetold " + command +
                                   ": not_found: cannot read examples/no-such-file.jsonl"));
    EXPECT_TRUE(run.out.empty()) << command;
  }
}

TEST(ExitStatusCliTest, UnwritableOutputIsFour) {
  const std::string nowhere = "/nonexistent-twicetold-dir/out";
  EXPECT_EQ(RunCli(Args("dedup", "-o " + nowhere, "examples/articles.jsonl")).exit_code, 4);
  EXPECT_EQ(RunCli(Args("stories", "-o " + nowhere, "examples/articles.jsonl")).exit_code, 4);
  const auto stories = RunCli(Args("stories", "--stories " + nowhere, "examples/articles.jsonl"));
  EXPECT_EQ(stories.exit_code, 4);
  EXPECT_THAT(stories.err, HasSubstr("twicetold stories: io_error: cannot write " + nowhere));
  EXPECT_EQ(RunCli(Ok("compare") + " --html " + nowhere).exit_code, 4);
  if (std::filesystem::exists("/dev/full")) {
    for (const std::string command : kCommands) {
      const auto run = RunCli(Ok(command) + " >/dev/full");
      EXPECT_EQ(run.exit_code, 4) << command;
      EXPECT_THAT(run.err, HasSubstr("cannot write standard output")) << command;
    }
  }
}

TEST(ExitStatusTest, EveryStatusCodeHasAnExitCode) {
  using cli::StatusToExitCode;
  EXPECT_EQ(StatusToExitCode(Status::Ok()), 0);
  EXPECT_EQ(StatusToExitCode(InvalidArgumentError("x")), 2);
  EXPECT_EQ(StatusToExitCode(NotFoundError("x")), 4);
  EXPECT_EQ(StatusToExitCode(IOError("x")), 4);
  EXPECT_EQ(StatusToExitCode(CorruptionError("x")), 4);
  EXPECT_EQ(StatusToExitCode(ResourceExhaustedError("x")), 4);
  EXPECT_EQ(StatusToExitCode(UnimplementedError("x")), 4);
  EXPECT_EQ(StatusToExitCode(FailedPreconditionError("x")), 4);
  EXPECT_EQ(StatusToExitCode(InternalError("x")), 5);
}

TEST(ExitStatusTest, FinishCommand) {
  const ReadSummary clean{3, 3, 0}, rejected{3, 2, 1};
  EXPECT_EQ(cli::FinishCommand("clean", clean, /*strict=*/true), 0);
  EXPECT_EQ(cli::FinishCommand("clean", rejected, /*strict=*/false), 0);
  EXPECT_EQ(cli::FinishCommand("clean", rejected, /*strict=*/true), 3);
  EXPECT_EQ(cli::FinishCommand("clean", InternalError("bug"), /*strict=*/true), 5);
}

}  // namespace
}  // namespace twicetold
