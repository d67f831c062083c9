# Tests of src/fingerprint.
