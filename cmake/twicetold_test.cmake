# The main() of every test program: exits 77 when a test skipped itself
# (GTEST_SKIP), which CTest then reports as skipped, never as passed.
add_library(twicetold_test_main STATIC ${PROJECT_SOURCE_DIR}/tests/test_main.cc)
target_link_libraries(twicetold_test_main PUBLIC GTest::gtest)

# twicetold_test(NAME SOURCES... [LABELS ...] [NEEDS_CLI]): one GoogleTest
# executable, registered with CTest. Tests find fixtures through
# TWICETOLD_SOURCE_DIR; with NEEDS_CLI they also get the built command line
# program as TWICETOLD_CLI and are built after it.
function(twicetold_test name)
  cmake_parse_arguments(ARG "NEEDS_CLI" "" "SOURCES;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/src
                             ${PROJECT_SOURCE_DIR}/tests)
  target_link_libraries(${name} PRIVATE twicetold twicetold_test_main
                        GTest::gmock nlohmann_json::nlohmann_json)
  target_compile_definitions(${name} PRIVATE
    TWICETOLD_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  if(ARG_NEEDS_CLI)
    target_compile_definitions(${name} PRIVATE
      TWICETOLD_CLI="$<TARGET_FILE:twicetold_cli>")
    add_dependencies(${name} twicetold_cli)
  endif()
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES SKIP_RETURN_CODE 77)
  if(ARG_LABELS)
    set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}")
  endif()
endfunction()
