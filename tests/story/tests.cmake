# Tests of src/story.
twicetold_test(story_test SOURCES tests/story/story_test.cc)
twicetold_test(model_version_test SOURCES tests/story/model_version_test.cc)
twicetold_test(identical_test SOURCES tests/story/identical_test.cc)
twicetold_test(event_facts_test SOURCES tests/story/event_facts_test.cc)
