#include "store/pg_server.h"

#include <fcntl.h>
#include <grp.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <pqxx/pqxx>
#include <sstream>

namespace twicetold {
namespace {

namespace fs = std::filesystem;

constexpr char kInstallHint[] =
    "run scripts/install-deps.sh (it installs postgresql-15 and libpqxx-dev)";

// The newest /usr/lib/postgresql/<version>/bin with initdb and pg_ctl.
Result<fs::path> FindBinDir() {
  std::optional<std::pair<int, fs::path>> best;
  std::error_code ec;
  for (const fs::directory_entry& e : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    const fs::path bin = e.path() / "bin";
    if (!fs::exists(bin / "initdb") || !fs::exists(bin / "pg_ctl")) continue;
    const int version = std::atoi(e.path().filename().c_str());
    if (!best || version > best->first) best.emplace(version, bin);
  }
  if (!best) {
    return NotFoundError(std::string("PostgreSQL server programs (initdb, pg_ctl) not "
                                     "found in /usr/lib/postgresql/*/bin: ") + kInstallHint);
  }
  return best->second;
}

std::string Tail(const fs::path& file, size_t bytes) {
  std::ifstream in(file);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string all = ss.str();
  return all.size() > bytes ? "..." + all.substr(all.size() - bytes) : all;
}

}  // namespace

int FreePort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  int port = 0;
  if (fd >= 0 && ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    port = ntohs(addr.sin_port);
  }
  if (fd >= 0) ::close(fd);
  return port;
}

Result<std::unique_ptr<PgServer>> PgServer::Start() {
  std::unique_ptr<PgServer> server(new PgServer());
  RETURN_IF_ERROR(server->Init());
  // The port may be taken between FreePort and the server's bind: retry.
  Status s;
  for (int attempt = 0; attempt < 3; ++attempt) {
    s = server->Launch(FreePort());
    if (s.ok()) return server;
  }
  return s;
}

Status PgServer::Init() {
  ASSIGN_OR_RETURN(bin_, FindBinDir());
  if (::geteuid() == 0) {
    const passwd* pw = ::getpwnam("postgres");
    if (pw == nullptr) {
      return NotFoundError(std::string("running as root and there is no postgres user "
                                       "to run the server as: ") + kInstallHint);
    }
    uid_ = pw->pw_uid;
    gid_ = pw->pw_gid;
  }
  std::string pattern = (fs::temp_directory_path() / "twicetold_pg_XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    return IOError("cannot create a temporary directory " + pattern);
  }
  dir_ = pattern;
  if (uid_ && ::chown(dir_.c_str(), *uid_, gid_) != 0) {
    return IOError("cannot give " + dir_.string() + " to the postgres user");
  }
  return Run({(bin_ / "initdb").string(), "-D", (dir_ / "data").string(), "-U", "twicetold",
              "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"},
             dir_ / "initdb.log");
}

Status PgServer::Launch(int port) {
  // fsync=off: a test server's durability does not matter, its speed does.
  const std::string options = "-c listen_addresses=127.0.0.1 -p " + std::to_string(port) +
                              " -c unix_socket_directories=" + dir_.string() +
                              " -c fsync=off";
  RETURN_IF_ERROR(Run({(bin_ / "pg_ctl").string(), "start", "-D", (dir_ / "data").string(),
                       "-w", "-t", "60", "-l", (dir_ / "server.log").string(), "-o", options},
                      dir_ / "pg_ctl.log"));
  port_ = port;
  running_ = true;
  return Status::Ok();
}

PgServer::~PgServer() {
  if (running_) {
    (void)Run({(bin_ / "pg_ctl").string(), "stop", "-D", (dir_ / "data").string(), "-m",
               "fast", "-w", "-t", "60"},
              dir_ / "pg_ctl.log");
  }
  std::error_code ec;
  if (!dir_.empty()) fs::remove_all(dir_, ec);
}

Status PgServer::Run(const std::vector<std::string>& argv, const fs::path& log) const {
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid < 0) return IOError("cannot fork to run " + argv[0]);
  if (pid == 0) {
    // The child: only system calls until exec.
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd < 0 || ::dup2(fd, 1) < 0 || ::dup2(fd, 2) < 0) ::_exit(126);
    if (::chdir(dir_.c_str()) != 0) ::_exit(126);
    if (uid_ && (::fchown(fd, *uid_, gid_) != 0 || ::setgroups(0, nullptr) != 0 ||
                 ::setgid(gid_) != 0 || ::setuid(*uid_) != 0)) {
      ::_exit(126);
    }
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return Status::Ok();
  return InternalError(argv[0] + " " + argv[1] + " failed (status " +
                       std::to_string(status) + "):\n" + Tail(log, 2000) +
                       (fs::exists(dir_ / "server.log") ? "\nserver log:\n" +
                        Tail(dir_ / "server.log", 2000) : std::string()));
}

std::string PgServer::Url(const std::string& database) const {
  return "postgresql://twicetold@127.0.0.1:" + std::to_string(port_) + "/" + database;
}

Result<std::string> PgServer::CreateDatabase(const std::string& name) {
  try {
    pqxx::connection c(Url("postgres"));
    pqxx::nontransaction n(c);
    n.exec0("CREATE DATABASE " + n.quote_name(name));
  } catch (const std::exception& e) {
    return InternalError("cannot create database " + name + ": " + e.what());
  }
  return Url(name);
}

}  // namespace twicetold
