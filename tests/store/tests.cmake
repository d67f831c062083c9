# store_test talks to its PostgreSQL server directly too (pg_server.h):
# the one test program that links libpqxx.
twicetold_test(store_test SOURCES tests/store/store_test.cc tests/store/pg_server.cc)
target_link_libraries(store_test PRIVATE PkgConfig::SQLITE3 PkgConfig::PQXX)

# The module's loader, with a module "from another build" as a fixture
# (libtwicetold_postgres.so in its own folder, another ABI string).
add_library(stale_postgres_module MODULE tests/store/stale_postgres_module.cc)
set_target_properties(stale_postgres_module PROPERTIES
  OUTPUT_NAME twicetold_postgres
  LIBRARY_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/tests/stale_postgres_module)
target_include_directories(stale_postgres_module PRIVATE ${PROJECT_SOURCE_DIR}/src
                           ${PROJECT_SOURCE_DIR}/include)
target_compile_definitions(stale_postgres_module PRIVATE TWICETOLD_STORE_ABI="another-build")
twicetold_test(postgres_module_test SOURCES tests/store/postgres_module_test.cc)
target_compile_definitions(postgres_module_test PRIVATE
  TWICETOLD_STORE_ABI="${TWICETOLD_STORE_ABI}"
  TWICETOLD_STALE_MODULE_DIR="$<TARGET_FILE_DIR:stale_postgres_module>"
  TWICETOLD_MODULE_DIR_OF_BUILD="$<TARGET_FILE_DIR:twicetold_postgres_module>")
add_dependencies(postgres_module_test stale_postgres_module)

# No program but the module itself links libpq: the command line program
# and the Python extension load it only with the module.
set(no_libpq $<TARGET_FILE:twicetold_cli>)
if(TWICETOLD_BUILD_PYTHON)  # python/python.cmake defines it later
  list(APPEND no_libpq $<TARGET_FILE:_twicetold>)
endif()
add_test(NAME programs_do_not_link_libpq
         COMMAND ${CMAKE_COMMAND} "-DFILES=${no_libpq}"
                 -P ${PROJECT_SOURCE_DIR}/tests/store/check_no_libpq.cmake)
