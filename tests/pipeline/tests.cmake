# Tests of src/pipeline.
twicetold_test(corpus_boilerplate_test SOURCES tests/pipeline/corpus_boilerplate_test.cc)
twicetold_test(corpus_test SOURCES tests/pipeline/corpus_test.cc)
target_link_libraries(corpus_test PRIVATE ZLIB::ZLIB)
