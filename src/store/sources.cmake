list(APPEND TWICETOLD_SOURCES
  src/store/store.cc
  src/store/sqlite_store.cc
  src/store/postgres_store.cc
)
