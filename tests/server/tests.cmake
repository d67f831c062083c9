# The server's tests start the built program (`twicetold serve`) on
# 127.0.0.1 with a free port and talk HTTP to it.
if(TWICETOLD_BUILD_SERVER)
  twicetold_test(server_test SOURCES tests/server/server_test.cc NEEDS_CLI LABELS server)
  target_link_libraries(server_test PRIVATE PkgConfig::HTTPLIB)
endif()

# The web pages in headless Chromium driven by playwright-core (installed
# from npm into the build folder on first run); screenshots are written to
# <build>/server_browser/screenshots.
if(TWICETOLD_BUILD_SERVER)
  add_test(NAME server_browser_test
           COMMAND sh ${PROJECT_SOURCE_DIR}/tests/server/browser/run.sh
                   $<TARGET_FILE:twicetold_cli> ${PROJECT_SOURCE_DIR}
                   ${PROJECT_BINARY_DIR}/server_browser)
  set_tests_properties(server_browser_test PROPERTIES LABELS "server;browser" TIMEOUT 600)
endif()
