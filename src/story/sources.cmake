list(APPEND TWICETOLD_SOURCES
  src/story/story_features.cc
  src/story/story.cc
)
