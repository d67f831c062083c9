# Tests of src/fingerprint.
twicetold_test(fingerprint_test SOURCES tests/fingerprint/fingerprint_test.cc)
twicetold_test(dedup_index_test SOURCES tests/fingerprint/dedup_index_test.cc)
