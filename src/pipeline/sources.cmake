list(APPEND TWICETOLD_SOURCES
  src/pipeline/corpus_boilerplate.cc
  src/pipeline/corpus.cc
  src/pipeline/ingest.cc
)
