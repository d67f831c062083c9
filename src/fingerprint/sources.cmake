twicetold_part(fingerprint
  SOURCES
    src/fingerprint/fingerprint.cc
    src/fingerprint/dedup_index.cc
  HEADERS fingerprint.h dedup.h
  DEPENDS index text
  LIBS PkgConfig::XXHASH
)
