list(APPEND TWICETOLD_SOURCES
  src/report/report_util.cc
  src/report/article_json.cc
  src/report/comparison_json.cc
  src/report/corpus_json.cc
  src/report/comparison_text.cc
  src/report/comparison_html.cc
  src/report/story_html.cc
  src/report/store_json.cc
)
