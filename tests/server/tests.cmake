# The server's tests start the built program (`twicetold serve`) on
# 127.0.0.1 with a free port and talk HTTP to it.
if(TWICETOLD_BUILD_SERVER)
  twicetold_test(server_test SOURCES tests/server/server_test.cc NEEDS_CLI LABELS server)
  target_link_libraries(server_test PRIVATE PkgConfig::HTTPLIB)
endif()
