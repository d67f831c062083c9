// PostgreSQL URLs in messages. Internal to src/store: used by the library
// (errors of loading the module) and by the module (errors of the server).
#ifndef TWICETOLD_STORE_POSTGRES_URL_H_
#define TWICETOLD_STORE_POSTGRES_URL_H_

#include <string>
#include <string_view>

namespace twicetold::store {

// True for the locations OpenStore gives to PostgreSQL: postgresql:// and
// postgres:// URLs.
bool IsPostgresUrl(std::string_view location);

// `url` with the password (in the user part or a password= parameter)
// replaced by "***", for messages.
std::string RedactUrl(std::string_view url);

}  // namespace twicetold::store

#endif  // TWICETOLD_STORE_POSTGRES_URL_H_
