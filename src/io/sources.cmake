twicetold_part(io
  SOURCES
    src/io/location.cc
    src/io/byte_stream.cc
    src/io/decompress.cc
    src/io/line_reader.cc
    src/io/text_record.cc
    src/io/json_record.cc
    src/io/reader.cc
    src/io/warc_reader.cc
    src/io/gzip_members.cc
  HEADERS io.h
  DEPENDS core web
  LIBS ZLIB::ZLIB PkgConfig::ZSTD LibLZMA::LibLZMA simdjson::simdjson
)
