twicetold_test(report_test SOURCES tests/report/report_test.cc)
twicetold_test(story_report_test SOURCES tests/report/story_report_test.cc)
twicetold_test(json_test SOURCES tests/report/json_test.cc)
