# The Python module twicetold._twicetold (pybind11) and its pytest suite.
#
# Built with Debian's python3 (/usr/bin/python3 when present, so that a
# pyenv python3 first on PATH does not pick other headers) and pybind11-dev.
# The library is compiled as position-independent code to go into the
# extension (CMakeLists.txt turns CMAKE_POSITION_INDEPENDENT_CODE on around
# the library targets). setup.py builds the target _twicetold in this tree when
# TWICETOLD_CMAKE_BUILD_DIR names it (CTest does), else in a tree of its own.
if(NOT DEFINED PYTHON_EXECUTABLE AND EXISTS /usr/bin/python3)
  set(PYTHON_EXECUTABLE /usr/bin/python3)
endif()
find_package(pybind11 2.10 CONFIG REQUIRED)
pybind11_add_module(_twicetold python/_twicetold.cc)
target_compile_options(_twicetold PRIVATE -Wall -Wextra)
target_link_libraries(_twicetold PRIVATE twicetold)

# `make test`: a venv over Debian's python3 (system site packages for numpy,
# pandas, dask, pytest), the package installed into it with pip from this
# build, then pytest. Exit code 5 (no tests ran) and pytest's skips are
# reported to CTest as skipped.
if(TWICETOLD_BUILD_TESTS)
  set(TWICETOLD_VENV ${PROJECT_BINARY_DIR}/python-venv)
  add_test(NAME python_install
    COMMAND ${CMAKE_COMMAND} -E env TWICETOLD_CMAKE_BUILD_DIR=${PROJECT_BINARY_DIR}
            ${PROJECT_SOURCE_DIR}/python/tests/install_venv.sh ${PYTHON_EXECUTABLE}
            ${TWICETOLD_VENV} ${PROJECT_SOURCE_DIR})
  set_tests_properties(python_install PROPERTIES FIXTURES_SETUP python_venv
                       RESOURCE_LOCK python_venv TIMEOUT 600)
  foreach(suite api seeds dask)
    add_test(NAME python_${suite}
      COMMAND ${CMAKE_COMMAND} -E env TWICETOLD_CLI=$<TARGET_FILE:twicetold_cli>
              TWICETOLD_SEEDS=${PROJECT_SOURCE_DIR}/../shared/seeds
              ${TWICETOLD_VENV}/bin/python ${PROJECT_SOURCE_DIR}/python/tests/run_pytest.py
              ${PROJECT_SOURCE_DIR}/python/tests/test_${suite}.py
      WORKING_DIRECTORY ${PROJECT_BINARY_DIR})
    set_tests_properties(python_${suite} PROPERTIES FIXTURES_REQUIRED python_venv
                         SKIP_RETURN_CODE 77 TIMEOUT 900 LABELS python)
  endforeach()
endif()
