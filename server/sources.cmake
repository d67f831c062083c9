# The HTTP server (`twicetold serve`): a front end over include/twicetold,
# linked into the twicetold program. Web assets are embedded at build time.
find_package(PkgConfig REQUIRED)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
set(TWICETOLD_ASSETS
  index.html story.html article.html compare.html paste.html app.js app.css openapi.json)
set(TWICETOLD_ASSET_PATHS)
foreach(name IN LISTS TWICETOLD_ASSETS)
  list(APPEND TWICETOLD_ASSET_PATHS ${PROJECT_SOURCE_DIR}/server/assets/${name})
endforeach()
set(TWICETOLD_ASSETS_CC ${PROJECT_BINARY_DIR}/generated/server_assets.cc)
add_custom_command(
  OUTPUT ${TWICETOLD_ASSETS_CC}
  COMMAND ${CMAKE_COMMAND} -DDIR=${PROJECT_SOURCE_DIR}/server/assets
          "-DFILES=${TWICETOLD_ASSETS}" -DOUT=${TWICETOLD_ASSETS_CC}
          -P ${PROJECT_SOURCE_DIR}/server/embed_assets.cmake
  DEPENDS ${PROJECT_SOURCE_DIR}/server/embed_assets.cmake ${TWICETOLD_ASSET_PATHS}
  COMMENT "Embedding the web pages"
  VERBATIM)
add_library(twicetold_server STATIC
  server/server.cc
  server/api.cc
  server/pages.cc
  server/metrics.cc
  server/serve_command.cc
  ${TWICETOLD_ASSETS_CC})
target_include_directories(twicetold_server PRIVATE ${PROJECT_SOURCE_DIR})
target_compile_options(twicetold_server PRIVATE -Wall -Wextra)
target_link_libraries(twicetold_server PUBLIC twicetold CLI11::CLI11
                      PRIVATE PkgConfig::HTTPLIB nlohmann_json::nlohmann_json)
