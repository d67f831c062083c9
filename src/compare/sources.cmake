twicetold_part(compare
  SOURCES
    src/compare/features.cc
    src/compare/runs.cc
    src/compare/align.cc
    src/compare/similarity.cc
    src/compare/facts.cc
    src/compare/relation.cc
    src/compare/compare.cc
  HEADERS compare.h relation.h sentence_similarity.h facts.h
  DEPENDS quote text
)
