list(APPEND TWICETOLD_SOURCES
  src/fingerprint/fingerprint.cc
  src/fingerprint/dedup_index.cc
)
