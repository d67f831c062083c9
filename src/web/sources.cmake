twicetold_part(web
  SOURCES
    src/web/charset.cc
    src/web/html_blocks.cc
    src/web/html_metadata.cc
    src/web/html_extract.cc
    src/web/html_record.cc
    src/web/http.cc
  HEADERS html.h
  DEPENDS core
  LIBS PkgConfig::GUMBO ZLIB::ZLIB ICU::uc nlohmann_json::nlohmann_json
)
