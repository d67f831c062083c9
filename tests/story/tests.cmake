# Tests of src/story.
twicetold_test(story_test SOURCES tests/story/story_test.cc)
