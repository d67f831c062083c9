list(APPEND TWICETOLD_SOURCES
  src/core/status.cc
  src/core/span.cc
  src/core/iso_date.cc
)
