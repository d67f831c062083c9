# twicetold_abi_string(<out> <header>...): the ABI string a program and one
# of its loadable modules (core/module_loader.h) are both compiled with:
# the compiler and a hash of the headers (paths from the source root) whose
# types cross between them. Editing one of the headers re-runs cmake.
function(twicetold_abi_string out)
  set(sums "")
  foreach(header IN LISTS ARGN)
    file(SHA256 ${PROJECT_SOURCE_DIR}/${header} sum)
    string(APPEND sums ${sum})
    set_property(DIRECTORY ${PROJECT_SOURCE_DIR} APPEND PROPERTY
                 CMAKE_CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/${header})
  endforeach()
  string(SHA256 sums "${sums}")
  string(SUBSTRING ${sums} 0 16 sums)
  set(${out} "${CMAKE_CXX_COMPILER_ID}-${CMAKE_CXX_COMPILER_VERSION}-${sums}" PARENT_SCOPE)
endfunction()
