# The HTTP server (`twicetold serve`): a front end over include/twicetold.
# Web assets are embedded at build time.
#
# The server is a loadable module, libtwicetold_serve.so, next to the
# twicetold program: it links cpp-httplib, and through it OpenSSL and
# Brotli, whose loading and relocation cost every run of a program that
# links them 7-9 ms (`twicetold --version` 22-26 -> 14-19 ms on the 2-core
# VM, bench/startup_bench.sh).
# The program holds only the `serve` flags (serve_command.cc) and the
# loader (serve_loader.cc); server/serve_module.h is the contract.
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
# The server itself (also linked directly by fuzz_http).
add_library(twicetold_server STATIC
  server/server.cc
  server/connection.cc
  server/api.cc
  server/pages.cc
  server/metrics.cc
  ${TWICETOLD_ASSETS_CC})
target_include_directories(twicetold_server PRIVATE ${PROJECT_SOURCE_DIR})
target_compile_options(twicetold_server PRIVATE -Wall -Wextra)
target_link_libraries(twicetold_server PUBLIC twicetold
                      PRIVATE PkgConfig::HTTPLIB nlohmann_json::nlohmann_json)
set_target_properties(twicetold_server PROPERTIES POSITION_INDEPENDENT_CODE ON)

# Program and module must agree on the types that cross between them: both
# are compiled with TWICETOLD_SERVE_ABI, the compiler and a hash of the
# headers those types come from (server.h, serve_module.h and every public
# header: ServeOptions holds IngestOptions). Editing one re-runs cmake.
set(twicetold_serve_abi_headers server/server.h server/serve_module.h)
get_property(twicetold_parts GLOBAL PROPERTY TWICETOLD_PARTS)
foreach(part IN LISTS twicetold_parts)
  get_property(part_headers GLOBAL PROPERTY TWICETOLD_HEADERS_${part})
  foreach(header IN LISTS part_headers)
    list(APPEND twicetold_serve_abi_headers include/twicetold/${header})
  endforeach()
endforeach()
twicetold_abi_string(TWICETOLD_SERVE_ABI ${twicetold_serve_abi_headers})

add_library(twicetold_serve_module MODULE server/serve_module.cc)
set_target_properties(twicetold_serve_module PROPERTIES
  OUTPUT_NAME twicetold_serve
  LIBRARY_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}  # beside the twicetold program
  CXX_VISIBILITY_PRESET hidden                    # exports its two entry points only
  VISIBILITY_INLINES_HIDDEN ON)
target_include_directories(twicetold_serve_module PRIVATE ${PROJECT_SOURCE_DIR})
target_compile_options(twicetold_serve_module PRIVATE -Wall -Wextra)
target_compile_definitions(twicetold_serve_module PRIVATE
  TWICETOLD_SERVE_ABI="${TWICETOLD_SERVE_ABI}")
target_link_libraries(twicetold_serve_module PRIVATE twicetold_server)
# Static libraries' symbols stay inside; outside the sanitized builds (whose
# runtime the program brings), every symbol must resolve at link time.
target_link_options(twicetold_serve_module PRIVATE LINKER:--exclude-libs,ALL)
if(NOT TWICETOLD_ASAN AND NOT TWICETOLD_BUILD_FUZZERS)
  target_link_options(twicetold_serve_module PRIVATE LINKER:--no-undefined)
endif()

# The program's side: the `serve` flags and the loader.
target_sources(twicetold_cli PRIVATE server/serve_command.cc server/serve_loader.cc)
target_include_directories(twicetold_cli PRIVATE ${PROJECT_SOURCE_DIR} ${PROJECT_SOURCE_DIR}/src)
target_compile_definitions(twicetold_cli PRIVATE
  TWICETOLD_WITH_SERVER
  TWICETOLD_SERVE_ABI="${TWICETOLD_SERVE_ABI}"
  TWICETOLD_MODULE_BUILD_DIR="$<TARGET_FILE_DIR:twicetold_serve_module>")
add_dependencies(twicetold_cli twicetold_serve_module)
