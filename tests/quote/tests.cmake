twicetold_test(quote_test SOURCES tests/quote/quote_test.cc)
twicetold_test(compare_quotes_test SOURCES tests/quote/compare_quotes_test.cc)
twicetold_test(quote_seed_test SOURCES tests/quote/quote_seed_test.cc)
twicetold_test(quote_attribution_test SOURCES tests/quote/attribution_test.cc)
