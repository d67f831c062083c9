list(APPEND TWICETOLD_SOURCES
  src/store/store.cc
  src/store/sqlite_store.cc
)
