#include "twicetold/store.h"

#include <string>

#include "store/postgres_store.h"
#include "store/sqlite_store.h"

namespace twicetold {

Result<std::unique_ptr<Store>> OpenStore(std::string_view location) {
  if (location.empty()) return InvalidArgumentError("no store given (--db FILE)");
  if (location.starts_with("postgresql://") || location.starts_with("postgres://")) {
    return store::OpenPostgresStore(std::string(location));
  }
  return store::OpenSqliteStore(std::string(location));
}

}  // namespace twicetold
