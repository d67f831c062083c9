list(APPEND TWICETOLD_SOURCES
  src/text/normalize.cc
  src/text/analyze.cc
)
