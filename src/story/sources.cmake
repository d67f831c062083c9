twicetold_part(story
  SOURCES
    src/story/event_facts.cc
    src/story/story_features.cc
    src/story/story.cc
  HEADERS story.h
  DEPENDS compare
  LIBS PkgConfig::XXHASH
)
