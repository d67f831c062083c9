# Tests of src/story.
