// The web pages' files (server/assets/), built into the binary by
// server/embed_assets.cmake. Internal to server/.
#ifndef TWICETOLD_SERVER_ASSETS_H_
#define TWICETOLD_SERVER_ASSETS_H_

#include <cstddef>
#include <string_view>

namespace twicetold::server {

struct Asset {
  const char* name;  // file name in server/assets/, e.g. "app.js"
  const char* type;  // its Content-Type
  const char* data;
  size_t size;
};

// The asset called `name`, or null.
const Asset* FindAsset(std::string_view name);

}  // namespace twicetold::server

#endif  // TWICETOLD_SERVER_ASSETS_H_
