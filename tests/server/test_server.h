// Starts the built `twicetold serve` (TWICETOLD_CLI) on 127.0.0.1 with a
// free port, for tests, and stops it with SIGTERM.
#ifndef TWICETOLD_TESTS_SERVER_TEST_SERVER_H_
#define TWICETOLD_TESTS_SERVER_TEST_SERVER_H_

#include <httplib.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace twicetold::testing {

class TestServer {
 public:
  TestServer() = default;
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;
  ~TestServer() {
    if (pid_ > 0) Stop();
  }

  // Runs `twicetold serve --db DB --port 0 ARGS...` with `env` added to
  // its environment; true once it printed the port it listens on.
  bool Start(const std::string& db, const std::vector<std::string>& args = {},
             const std::vector<std::string>& env = {}) {
    int out[2];
    if (::pipe(out) != 0) return false;
    pid_ = ::fork();
    if (pid_ == 0) {
      // A server must never outlive its test: an orphan would hold the
      // test's output open and hang CTest.
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);
      ::dup2(out[1], 1);
      ::close(out[0]);
      ::close(out[1]);
      for (const std::string& e : env) ::putenv(const_cast<char*>(e.c_str()));
      std::vector<std::string> argv_s = {TWICETOLD_CLI, "serve", "--db", db, "--bind",
                                         "127.0.0.1", "--port", "0"};
      argv_s.insert(argv_s.end(), args.begin(), args.end());
      std::vector<char*> argv;
      for (std::string& a : argv_s) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(TWICETOLD_CLI, argv.data());
      ::_exit(127);
    }
    ::close(out[1]);
    out_fd_ = out[0];
    const std::string line = ReadLine(60000);
    const std::string marker = "127.0.0.1:";
    const size_t at = line.find(marker);
    if (at == std::string::npos) return false;
    port_ = std::atoi(line.c_str() + at + marker.size());
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
    client_->set_read_timeout(300, 0);
    client_->set_write_timeout(60, 0);
    return port_ > 0;
  }

  // Sends SIGTERM and waits up to 60 s: the exit code, -1 if a signal
  // ended it, -2 if it did not stop (it is then killed).
  int Stop() {
    if (pid_ <= 0) return -1;
    ::kill(pid_, SIGTERM);
    int status = 0;
    bool stopped = false;
    for (int i = 0; i < 600 && !stopped; ++i) {
      stopped = ::waitpid(pid_, &status, WNOHANG) == pid_;
      if (!stopped) ::usleep(100 * 1000);
    }
    if (!stopped) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, &status, 0);
    }
    pid_ = -1;
    last_output_ = ReadLine(1000);
    if (out_fd_ >= 0) ::close(out_fd_);
    out_fd_ = -1;
    client_.reset();
    if (!stopped) return -2;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  httplib::Client& client() { return *client_; }
  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  const std::string& last_output() const { return last_output_; }

 private:
  // The next line of the server's stdout, waiting at most `ms`.
  std::string ReadLine(int ms) {
    std::string line;
    pollfd p{out_fd_, POLLIN, 0};
    while (::poll(&p, 1, ms) > 0) {
      char c;
      if (::read(out_fd_, &c, 1) != 1 || c == '\n') break;
      line += c;
    }
    return line;
  }

  pid_t pid_ = -1;
  int out_fd_ = -1;
  int port_ = 0;
  std::string last_output_;
  std::unique_ptr<httplib::Client> client_;
};

// A fresh temporary folder, removed with the object.
class TempDir {
 public:
  explicit TempDir(const std::string& tag)
      : path_(std::filesystem::temp_directory_path() /
              ("twicetold_" + tag + "_" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace twicetold::testing

#endif  // TWICETOLD_TESTS_SERVER_TEST_SERVER_H_
