# Google Benchmark programs (TWICETOLD_BUILD_BENCHMARKS). Real-data
# benchmarks read ../shared/data relative to the source dir at run time.
add_executable(text_bench bench/text_bench.cc)
target_link_libraries(text_bench PRIVATE twicetold benchmark::benchmark
                      nlohmann_json::nlohmann_json)
target_compile_definitions(text_bench PRIVATE
  TWICETOLD_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
add_executable(compare_bench bench/compare_bench.cc)
target_link_libraries(compare_bench PRIVATE twicetold benchmark::benchmark nlohmann_json::nlohmann_json)
target_compile_definitions(compare_bench PRIVATE TWICETOLD_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
add_executable(dedup_bench bench/dedup_bench.cc)
target_link_libraries(dedup_bench PRIVATE twicetold)
target_compile_definitions(dedup_bench PRIVATE TWICETOLD_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
add_executable(web_bench bench/web_bench.cc)
target_link_libraries(web_bench PRIVATE twicetold benchmark::benchmark ZLIB::ZLIB)
target_compile_definitions(web_bench PRIVATE TWICETOLD_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
