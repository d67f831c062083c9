// A throwaway PostgreSQL server for tests: `initdb` in a new temporary
// directory, `pg_ctl start` listening on 127.0.0.1 at a free port with its
// unix socket in that directory; the destructor stops it (`pg_ctl stop -m
// fast`) and removes the directory. initdb refuses to run as root, so under
// root (CI) the server programs run as the `postgres` system user that
// Debian's postgresql package creates. Not thread-safe.
#ifndef TWICETOLD_TESTS_STORE_PG_SERVER_H_
#define TWICETOLD_TESTS_STORE_PG_SERVER_H_

#include <sys/types.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "twicetold/status.h"

namespace twicetold {

class PgServer {
 public:
  // Starts a server. Errors say what failed, with the end of its log; when
  // the PostgreSQL programs are missing, that scripts/install-deps.sh
  // installs them.
  static Result<std::unique_ptr<PgServer>> Start();

  PgServer(const PgServer&) = delete;
  PgServer& operator=(const PgServer&) = delete;
  ~PgServer();

  // Creates an empty database and returns its URL.
  Result<std::string> CreateDatabase(const std::string& name);
  // "postgresql://twicetold@127.0.0.1:<port>/<database>" (trust login).
  std::string Url(const std::string& database) const;

 private:
  PgServer() = default;
  Status Init();
  Status Launch(int port);
  // Runs `argv` (as the postgres user under root), output appended to
  // `log`; an error names the program and quotes the end of the log.
  Status Run(const std::vector<std::string>& argv, const std::filesystem::path& log) const;

  std::filesystem::path bin_;  // directory holding initdb and pg_ctl
  std::filesystem::path dir_;  // the temporary directory; data in dir_/data
  std::optional<uid_t> uid_;   // set when running as root
  gid_t gid_ = 0;
  int port_ = 0;
  bool running_ = false;
};

// A TCP port on 127.0.0.1 that was free a moment ago (nothing listens).
int FreePort();

}  // namespace twicetold

#endif  // TWICETOLD_TESTS_STORE_PG_SERVER_H_
