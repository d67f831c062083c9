twicetold_test(clean_cli_test SOURCES tests/cli/clean_cli_test.cc NEEDS_CLI)
twicetold_test(compare_cli_test SOURCES tests/cli/compare_cli_test.cc NEEDS_CLI)
twicetold_test(quotes_cli_test SOURCES tests/cli/quotes_cli_test.cc NEEDS_CLI)
twicetold_test(dedup_cli_test SOURCES tests/cli/dedup_cli_test.cc NEEDS_CLI)
