twicetold_part(store
  SOURCES
    src/store/store.cc
    src/store/sqlite_store.cc
    src/store/postgres_loader.cc
    src/store/postgres_url.cc
  HEADERS store.h
  DEPENDS core
  LIBS PkgConfig::SQLITE3 ${CMAKE_DL_LIBS}
)

# The PostgreSQL store is a loadable module, libtwicetold_postgres.so, next
# to the twicetold program: it links libpqxx and libpq (and through them
# Kerberos, LDAP, GnuTLS, ...), which cost every run of a program that
# links them ~7 ms of loading and relocation. OpenStore loads it with
# dlopen for the first postgres:// URL (src/store/postgres_module.h).
#
# Library and module must agree on the types that cross between them: both
# are compiled with TWICETOLD_STORE_ABI, the compiler and a hash of those
# headers, which the library checks before calling the module (a module of
# another build is refused). Editing one of them re-runs cmake.
twicetold_abi_string(TWICETOLD_STORE_ABI
  include/twicetold/store.h include/twicetold/status.h include/twicetold/document.h
  src/store/postgres_module.h)

add_library(twicetold_postgres_module MODULE
  src/store/postgres_module.cc
  src/store/postgres_store.cc
  src/store/postgres_url.cc)
set_target_properties(twicetold_postgres_module PROPERTIES
  OUTPUT_NAME twicetold_postgres
  LIBRARY_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}  # beside the twicetold program
  CXX_VISIBILITY_PRESET hidden                    # exports its two entry points only
  VISIBILITY_INLINES_HIDDEN ON)
target_include_directories(twicetold_postgres_module PRIVATE ${PROJECT_SOURCE_DIR}/src)
target_compile_options(twicetold_postgres_module PRIVATE -Wall -Wextra)
target_compile_definitions(twicetold_postgres_module PRIVATE
  TWICETOLD_STORE_ABI="${TWICETOLD_STORE_ABI}")
# twicetold_core goes in statically: position-independent code for it.
set_target_properties(twicetold_core PROPERTIES POSITION_INDEPENDENT_CODE ON)
target_link_libraries(twicetold_postgres_module PRIVATE twicetold_core PkgConfig::PQXX)
# Static libraries' symbols stay inside; outside the sanitized builds (whose
# runtime the program brings), every symbol must resolve at link time.
target_link_options(twicetold_postgres_module PRIVATE LINKER:--exclude-libs,ALL)
if(NOT TWICETOLD_ASAN AND NOT TWICETOLD_BUILD_FUZZERS)
  target_link_options(twicetold_postgres_module PRIVATE LINKER:--no-undefined)
endif()

target_compile_definitions(twicetold_store PRIVATE
  TWICETOLD_STORE_ABI="${TWICETOLD_STORE_ABI}"
  TWICETOLD_MODULE_BUILD_DIR="$<TARGET_FILE_DIR:twicetold_postgres_module>")
# Whatever links the store gets the module built too (it needs it at run
# time for postgres:// URLs).
add_dependencies(twicetold_store twicetold_postgres_module)
