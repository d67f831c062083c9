// The PostgreSQL implementation of Store (store.h). Internal to src/store,
// compiled into the module libtwicetold_postgres.so only (postgres_module.h):
// the library reaches it through OpenStore.
#ifndef TWICETOLD_STORE_POSTGRES_STORE_H_
#define TWICETOLD_STORE_POSTGRES_STORE_H_

#include <memory>
#include <string>

#include "twicetold/status.h"
#include "twicetold/store.h"

namespace twicetold::store {

// Connects to the database named by the libpq URL `url`
// ("postgresql://user:password@host:port/db") and creates or migrates the
// store's tables in the connection's schema. The database must exist.
// Errors: kIOError when the server cannot be reached or refuses the login;
// kCorruption when tables named like the store's are not a twicetold store;
// kFailedPrecondition for a newer schema. Messages carry the URL with its
// password redacted.
Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url);

}  // namespace twicetold::store

#endif  // TWICETOLD_STORE_POSTGRES_STORE_H_
