// Interrupting a run: SIGINT and SIGTERM end every command as they end any
// Unix program (the default action), although the work runs on a thread of
// its own (cli/allocator.h) and the main thread waits with both blocked.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>

namespace twicetold {
namespace {

// Starts `twicetold <command> --no-progress -` reading a pipe that stays
// open (so the run waits for more input), sends `signal` after `delay_ms`
// and returns the child's wait status, or -1 if it has not ended 10 s
// later (it is then killed).
int StatusAfterSignal(const char* command, int signal, int delay_ms) {
  int in[2];
  if (::pipe(in) != 0) return -1;
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(in[0], 0);
    ::close(in[0]);
    ::close(in[1]);
    // A shell or CTest may start us with SIGINT ignored; a user's terminal
    // does not.
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGTERM, SIG_DFL);
    ::execl(TWICETOLD_CLI, TWICETOLD_CLI, command, "--no-progress", "-", "-o", "/dev/null",
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(in[0]);
  const std::string line = R"({"id": "a", "text": "A line of text to read."})" "\n";
  (void)!::write(in[1], line.data(), line.size());
  std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
  ::kill(pid, signal);
  int status = 0;
  for (int i = 0; i < 100; ++i) {
    if (::waitpid(pid, &status, WNOHANG) == pid) {
      ::close(in[1]);
      return status;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ::kill(pid, SIGKILL);
  ::waitpid(pid, &status, 0);
  ::close(in[1]);
  return -1;
}

TEST(SignalCliTest, SigintAndSigtermEndACorpusRunWaitingForInput) {
  for (const char* command : {"dedup", "stories"}) {
    for (int signal : {SIGINT, SIGTERM}) {
      SCOPED_TRACE(std::string(command) + " " + strsignal(signal));
      const int status = StatusAfterSignal(command, signal, 300);
      ASSERT_NE(status, -1) << "still running 10 s after the signal";
      ASSERT_TRUE(WIFSIGNALED(status)) << "exit status " << WEXITSTATUS(status);
      EXPECT_EQ(WTERMSIG(status), signal);
    }
  }
}

// The same signal very early, while the program is still starting up.
TEST(SignalCliTest, ASignalDuringStartUpEndsTheProgram) {
  const int status = StatusAfterSignal("dedup", SIGTERM, 1);
  ASSERT_NE(status, -1) << "still running 10 s after the signal";
  ASSERT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(WTERMSIG(status), SIGTERM);
}

}  // namespace
}  // namespace twicetold
