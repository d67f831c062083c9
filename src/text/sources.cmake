list(APPEND TWICETOLD_SOURCES
  src/text/normalize.cc
  src/text/analyze.cc
  src/text/segment.cc src/text/sentence_splitter.cc src/text/word_tokenizer.cc
  src/text/clean.cc
  src/text/clean_rules.cc
)
