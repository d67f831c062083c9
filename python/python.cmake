# The Python module twicetold._twicetold (pybind11) and its pytest suite.
#
# Built with Debian's python3 (/usr/bin/python3 when present, so that a
# pyenv python3 first on PATH does not pick other headers) and pybind11-dev.
# The library is compiled as position-independent code to go into the
# extension. setup.py builds the target _twicetold in this tree when
# TWICETOLD_CMAKE_BUILD_DIR names it (CTest does), else in a tree of its own.
if(NOT DEFINED PYTHON_EXECUTABLE AND EXISTS /usr/bin/python3)
  set(PYTHON_EXECUTABLE /usr/bin/python3)
endif()
find_package(pybind11 2.10 CONFIG REQUIRED)
set_target_properties(twicetold PROPERTIES POSITION_INDEPENDENT_CODE ON)
pybind11_add_module(_twicetold python/_twicetold.cc)
target_compile_options(_twicetold PRIVATE -Wall -Wextra)
target_link_libraries(_twicetold PRIVATE twicetold)

