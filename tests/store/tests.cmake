twicetold_test(store_test SOURCES tests/store/store_test.cc tests/store/pg_server.cc)
target_link_libraries(store_test PRIVATE PkgConfig::SQLITE3 PkgConfig::PQXX)
