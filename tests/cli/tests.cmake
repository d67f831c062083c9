twicetold_test(clean_cli_test SOURCES tests/cli/clean_cli_test.cc NEEDS_CLI)
