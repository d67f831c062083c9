# The background IDF table is embedded into the library at build time.
set(TWICETOLD_IDF_TSV ${PROJECT_SOURCE_DIR}/src/compare/background_idf.tsv)
set(TWICETOLD_IDF_CC ${PROJECT_BINARY_DIR}/generated/background_idf_data.cc)
add_custom_command(
  OUTPUT ${TWICETOLD_IDF_CC}
  COMMAND ${CMAKE_COMMAND} -DIN=${TWICETOLD_IDF_TSV} -DOUT=${TWICETOLD_IDF_CC}
          -P ${PROJECT_SOURCE_DIR}/src/compare/embed_file.cmake
  DEPENDS ${PROJECT_SOURCE_DIR}/src/compare/embed_file.cmake
          ${TWICETOLD_IDF_TSV}
  COMMENT "Embedding background IDF table"
  VERBATIM)
list(APPEND TWICETOLD_SOURCES
  src/compare/terms.cc
  src/compare/features.cc
  src/compare/runs.cc
  src/compare/align.cc
  src/compare/similarity.cc
  src/compare/facts.cc
  src/compare/relation.cc
  src/compare/compare.cc
  src/compare/identical.cc
  ${TWICETOLD_IDF_CC}
)
