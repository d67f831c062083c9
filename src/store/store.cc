#include "twicetold/store.h"

#include <string>

#include "store/sqlite_store.h"

namespace twicetold {

Result<std::unique_ptr<Store>> OpenStore(std::string_view location) {
  if (location.empty()) return InvalidArgumentError("no store given (--db FILE)");
  if (location.starts_with("postgresql://") || location.starts_with("postgres://")) {
    return UnimplementedError("PostgreSQL stores are not built yet; use a file path (SQLite)");
  }
  return store::OpenSqliteStore(std::string(location));
}

}  // namespace twicetold
