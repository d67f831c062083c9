twicetold_part(store
  SOURCES
    src/store/store.cc
    src/store/sqlite_store.cc
    src/store/postgres_store.cc
  HEADERS store.h
  DEPENDS core
  LIBS PkgConfig::SQLITE3 PkgConfig::PQXX
)
