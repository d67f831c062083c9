twicetold_test(report_test SOURCES tests/report/report_test.cc)
