// Runs the built `twicetold` program (TWICETOLD_CLI) from tests and captures
// its stdout, stderr and exit status.
#ifndef TWICETOLD_TESTS_CLI_CLI_RUNNER_H_
#define TWICETOLD_TESTS_CLI_CLI_RUNNER_H_

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace twicetold::testing {

struct CliRun {
  std::string out;
  std::string err;
  int exit_code = -1;
};

// Runs `twicetold <args>` through the shell, in the source directory, with
// `stdin_text` as its standard input.
inline CliRun RunCli(const std::string& args, const std::string& stdin_text = "") {
  const std::filesystem::path tmp = std::filesystem::temp_directory_path();
  const std::string tag = std::to_string(::getpid());
  const std::filesystem::path err_file = tmp / ("twicetold_cli_err_" + tag);
  const std::filesystem::path in_file = tmp / ("twicetold_cli_in_" + tag);
  std::ofstream(in_file) << stdin_text;
  const std::string command = "cd '" TWICETOLD_SOURCE_DIR "' && '" TWICETOLD_CLI
                              "' " + args + " <'" + in_file.string() + "' 2>'" +
                              err_file.string() + "'";
  CliRun run;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  char buf[1 << 14];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) run.out.append(buf, n);
  const int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_file);
  std::stringstream ss;
  ss << err.rdbuf();
  run.err = ss.str();
  std::filesystem::remove(err_file);
  std::filesystem::remove(in_file);
  return run;
}

// The JSON values of the non-empty lines of `text` (JSON lines output).
inline std::vector<nlohmann::json> JsonLines(const std::string& text) {
  std::vector<nlohmann::json> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  }
  return out;
}

}  // namespace twicetold::testing

#endif  // TWICETOLD_TESTS_CLI_CLI_RUNNER_H_
