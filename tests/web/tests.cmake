twicetold_test(web_test
  SOURCES tests/web/html_extract_test.cc tests/web/warc_test.cc)
target_link_libraries(web_test PRIVATE ZLIB::ZLIB PkgConfig::ZSTD)
