twicetold_part(report
  SOURCES
    src/report/report_util.cc
    src/report/article_json.cc
    src/report/comparison_json.cc
    src/report/corpus_json.cc
    src/report/comparison_text.cc
    src/report/comparison_html.cc
    src/report/story_html.cc
    src/report/store_json.cc
  HEADERS report.h story_report.h store_json.h json.h
  DEPENDS compare quote story store fingerprint
  LIBS nlohmann_json::nlohmann_json
)
