# cmake -DLAYERS=<twicetold_layers.cmake> -DSOURCE=<source dir> -P layer_check_test.cmake
# The layer check passes on the source tree and rejects a tree with
# wrong-direction includes (tests/layers/wrong_include), naming each one.
cmake_minimum_required(VERSION 3.25)
set(check ${SOURCE}/cmake/check_layers.cmake)

execute_process(COMMAND ${CMAKE_COMMAND} -DLAYERS=${LAYERS} -DROOT=${SOURCE} -P ${check}
                RESULT_VARIABLE result ERROR_VARIABLE out)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "the source tree should pass the layer check:\n${out}")
endif()

execute_process(
  COMMAND ${CMAKE_COMMAND} -DLAYERS=${LAYERS} -DROOT=${SOURCE}/tests/layers/wrong_include
          -P ${check}
  RESULT_VARIABLE result ERROR_VARIABLE out)
if(result EQUAL 0)
  message(FATAL_ERROR "wrong-direction includes were accepted")
endif()
foreach(expected
    "src/text/clean.cc: includes story/story_features.h \\(layer story\\)"
    "src/text/clean.cc: includes twicetold/corpus_boilerplate.h \\(layer pipeline\\)"
    "include/twicetold/analyze.h: includes twicetold/compare.h \\(layer compare\\)")
  if(NOT out MATCHES "${expected}")
    message(FATAL_ERROR "expected a message matching '${expected}', got:\n${out}")
  endif()
endforeach()
if(out MATCHES "text/terms.h")
  message(FATAL_ERROR "an allowed include (text/terms.h) was rejected:\n${out}")
endif()
message(STATUS "layer check: source tree passes; wrong includes rejected:\n${out}")
