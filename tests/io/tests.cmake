twicetold_test(io_test
  SOURCES tests/io/reader_test.cc tests/io/compression_test.cc
          tests/io/random_reader_test.cc tests/io/record_test.cc)
target_link_libraries(io_test PRIVATE ZLIB::ZLIB PkgConfig::ZSTD LibLZMA::LibLZMA simdjson::simdjson)
