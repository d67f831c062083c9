twicetold_test(normalize_test SOURCES tests/text/normalize_test.cc)
twicetold_test(clean_test SOURCES tests/text/clean_test.cc)
twicetold_test(tokenizer_test SOURCES tests/text/tokenizer_test.cc tests/reference/icu_tokenizer.cc)
twicetold_test(segment_test SOURCES tests/text/segment_test.cc)
