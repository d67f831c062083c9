twicetold_test(status_test SOURCES tests/core/status_test.cc tests/core/span_test.cc)
