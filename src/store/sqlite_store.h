// The SQLite implementation of Store (store.h). Internal to src/store.
#ifndef TWICETOLD_STORE_SQLITE_STORE_H_
#define TWICETOLD_STORE_SQLITE_STORE_H_

#include <memory>
#include <string>

#include "twicetold/status.h"
#include "twicetold/store.h"

namespace twicetold::store {

// Opens or creates the store file at `path` (see OpenStore).
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path);

}  // namespace twicetold::store

#endif  // TWICETOLD_STORE_SQLITE_STORE_H_
