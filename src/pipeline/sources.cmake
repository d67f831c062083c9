twicetold_part(pipeline
  SOURCES
    src/pipeline/corpus_boilerplate.cc
    src/pipeline/corpus.cc
    src/pipeline/ingest.cc
  HEADERS corpus_boilerplate.h corpus.h progress.h ingest.h
  DEPENDS fingerprint index io store story
  LIBS PkgConfig::XXHASH TBB::tbb
)
