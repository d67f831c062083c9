# Evaluation and data-generation programs (not installed, not tests).
foreach(prog make_background_idf sentence_similarity_eval relation_eval excerpt_eval clean_audit align_eval
             story_sweep corpus_boilerplate_audit)
  add_executable(${prog} eval/${prog}.cc)
  target_include_directories(${prog} PRIVATE ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(${prog} PRIVATE twicetold nlohmann_json::nlohmann_json)
endforeach()
if(TWICETOLD_BUILD_TESTS)
  add_test(NAME cluster_metrics_selftest COMMAND /usr/bin/python3 ${PROJECT_SOURCE_DIR}/eval/cluster_metrics.py --self-test)
endif()
