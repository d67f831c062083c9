twicetold_test(compare_test SOURCES tests/compare/compare_test.cc)
twicetold_test(compare_align_test SOURCES tests/compare/align_test.cc)
twicetold_test(compare_facts_test SOURCES tests/compare/facts_test.cc)
twicetold_test(compare_examples_test SOURCES tests/compare/examples_test.cc)
