# The layer check (cmake/check_layers.cmake) must be able to fail: it is run
# on a fixture tree with wrong-direction includes.
add_test(NAME layer_check_test
  COMMAND ${CMAKE_COMMAND} -DLAYERS=${PROJECT_BINARY_DIR}/twicetold_layers.cmake
          -DSOURCE=${PROJECT_SOURCE_DIR}
          -P ${PROJECT_SOURCE_DIR}/tests/layers/layer_check_test.cmake)
