# cmake -DFILES="a;b" -P check_no_libpq.cmake: fails when ldd shows that one
# of FILES (programs or shared objects) loads libpq or libpqxx at startup.
foreach(file IN LISTS FILES)
  execute_process(COMMAND ldd ${file} OUTPUT_VARIABLE libraries RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "ldd ${file} failed")
  endif()
  if(libraries MATCHES "libpq")
    message(FATAL_ERROR "${file} links libpq (it should load it only through "
                        "libtwicetold_postgres.so):\n${libraries}")
  endif()
  message(STATUS "${file}: no libpq")
endforeach()
