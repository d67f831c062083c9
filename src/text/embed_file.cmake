# cmake -DIN=<tsv> -DOUT=<cc> -P embed_file.cmake
# Turns the background IDF table into a C++ source file so the data ships
# inside the library. A missing table embeds an empty one (uniform IDF).
if(EXISTS "${IN}")
  file(READ "${IN}" content)
else()
  set(content "")
endif()
file(WRITE "${OUT}.tmp"
  "// Generated from src/text/background_idf.tsv by embed_file.cmake.\n"
  "namespace twicetold {\n"
  "extern const char kBackgroundIdfTsv[];\n"
  "extern const unsigned long kBackgroundIdfTsvSize;\n"
  "const char kBackgroundIdfTsv[] = R\"twidf(${content})twidf\";\n"
  "const unsigned long kBackgroundIdfTsvSize = sizeof(kBackgroundIdfTsv) - 1;\n"
  "}  // namespace twicetold\n")
file(RENAME "${OUT}.tmp" "${OUT}")
