# cmake -DDIR=<server/assets> -DFILES="a.html;b.js" -DOUT=<cc> -P embed_assets.cmake
# Writes the web pages' files into a C++ source file (hex bytes, so any
# content embeds), with a table FindAsset() searches.
set(entries "")
set(arrays "")
set(i 0)
foreach(name IN LISTS FILES)
  file(READ "${DIR}/${name}" hex HEX)
  string(LENGTH "${hex}" hex_length)
  math(EXPR size "${hex_length} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
  set(type "application/octet-stream")
  if(name MATCHES "\\.html$")
    set(type "text/html; charset=utf-8")
  elseif(name MATCHES "\\.css$")
    set(type "text/css; charset=utf-8")
  elseif(name MATCHES "\\.js$")
    set(type "text/javascript; charset=utf-8")
  elseif(name MATCHES "\\.json$")
    set(type "application/json")
  elseif(name MATCHES "\\.svg$")
    set(type "image/svg+xml")
  endif()
  string(APPEND arrays "const char kAsset${i}[] = {${bytes} 0};\n")
  string(APPEND entries "    {\"${name}\", \"${type}\", kAsset${i}, ${size}},\n")
  math(EXPR i "${i} + 1")
endforeach()
file(WRITE "${OUT}.tmp"
  "// Generated from server/assets/ by server/embed_assets.cmake.\n"
  "#include \"server/assets.h\"\n\n"
  "namespace twicetold::server {\n"
  "namespace {\n${arrays}\n"
  "const Asset kAssets[] = {\n${entries}};\n"
  "}  // namespace\n\n"
  "const Asset* FindAsset(std::string_view name) {\n"
  "  for (const Asset& asset : kAssets) {\n"
  "    if (name == asset.name) return &asset;\n"
  "  }\n"
  "  return nullptr;\n"
  "}\n\n"
  "}  // namespace twicetold::server\n")
file(RENAME "${OUT}.tmp" "${OUT}")
