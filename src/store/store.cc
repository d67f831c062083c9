#include "twicetold/store.h"

#include <memory>
#include <string>
#include <string_view>

#include "store/postgres_loader.h"
#include "store/postgres_url.h"
#include "store/sqlite_store.h"

namespace twicetold {
namespace {

// PostgreSQL lives in a module (postgres_module.h), loaded when the first
// postgres:// store is opened; programs that never open one never load
// libpq. A failure to load it is the answer for the rest of the process.
Result<std::unique_ptr<Store>> OpenPostgresStore(std::string_view url) {
  static const Result<store::PostgresModuleOpenFn> open =
      store::LoadPostgresModule(store::PostgresModuleDirs());
  if (!open.ok()) {
    return Status(open.status().code(),
                  "cannot open " + store::RedactUrl(url) + ": " + open.status().message());
  }
  Result<std::unique_ptr<Store>> out =
      InternalError("the PostgreSQL module did not open " + store::RedactUrl(url));
  (*open)(url.data(), url.size(), &out);
  return out;
}

}  // namespace

Result<std::unique_ptr<Store>> OpenStore(std::string_view location) {
  if (location.empty()) return InvalidArgumentError("no store given (--db FILE)");
  if (store::IsPostgresUrl(location)) return OpenPostgresStore(location);
  return store::OpenSqliteStore(std::string(location));
}

}  // namespace twicetold
