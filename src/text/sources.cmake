# The background IDF table is embedded into the library at build time.
set(TWICETOLD_IDF_TSV ${PROJECT_SOURCE_DIR}/src/text/background_idf.tsv)
set(TWICETOLD_IDF_CC ${PROJECT_BINARY_DIR}/generated/background_idf_data.cc)
add_custom_command(
  OUTPUT ${TWICETOLD_IDF_CC}
  COMMAND ${CMAKE_COMMAND} -DIN=${TWICETOLD_IDF_TSV} -DOUT=${TWICETOLD_IDF_CC}
          -P ${PROJECT_SOURCE_DIR}/src/text/embed_file.cmake
  DEPENDS ${PROJECT_SOURCE_DIR}/src/text/embed_file.cmake
          ${TWICETOLD_IDF_TSV}
  COMMENT "Embedding background IDF table"
  VERBATIM)
twicetold_part(text
  SOURCES
    src/text/normalize.cc
    src/text/analyze.cc
    src/text/segment.cc
    src/text/sentence_splitter.cc
    src/text/word_tokenizer.cc
    src/text/clean.cc
    src/text/clean_rules.cc
    src/text/terms.cc
    src/text/lexicon.cc
    src/text/identical.cc
    ${TWICETOLD_IDF_CC}
  HEADERS normalize.h segment.h clean.h analyze.h identical.h
  DEPENDS core
  PUBLIC_LIBS ICU::uc ICU::i18n ICU::data
  LIBS PkgConfig::RE2 PkgConfig::XXHASH ${STEMMER_LIBRARY}
)
