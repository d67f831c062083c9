# Tests of src/pipeline.
