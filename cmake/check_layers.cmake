# cmake -DLAYERS=<twicetold_layers.cmake> -DROOT=<source tree> -P check_layers.cmake
# Fails (exit code 1) when a file of a part includes a header of a part it
# may not use: `#include "<part>/..."` of another part's internal header or
# `#include "twicetold/<h>.h"` of a public header another part implements.
# LAYERS (written by twicetold_check_layers) gives the parts, the parts each
# may use and the public headers each implements; ROOT is the tree to scan
# (the tests point it at a fixture tree with a forbidden include).
cmake_minimum_required(VERSION 3.25)
if(NOT LAYERS OR NOT ROOT)
  message(FATAL_ERROR "usage: cmake -DLAYERS=<file> -DROOT=<dir> -P check_layers.cmake")
endif()
include(${LAYERS})

foreach(part IN LISTS TWICETOLD_PARTS)
  foreach(h IN LISTS TWICETOLD_HEADERS_${part})
    set(owner_${h} ${part})
  endforeach()
endforeach()

set(errors "")
foreach(part IN LISTS TWICETOLD_PARTS)
  file(GLOB files RELATIVE ${ROOT} ${ROOT}/src/${part}/*.h ${ROOT}/src/${part}/*.cc)
  foreach(h IN LISTS TWICETOLD_HEADERS_${part})
    if(EXISTS ${ROOT}/include/twicetold/${h})
      list(APPEND files include/twicetold/${h})
    endif()
  endforeach()
  foreach(file IN LISTS files)
    file(STRINGS ${ROOT}/${file} includes
         REGEX "^[ \t]*#[ \t]*include[ \t]*[\"<][a-z_]+/[^\">]+[\">]")
    foreach(line IN LISTS includes)
      string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*[\"<]([a-z_]+)/([^\">]+)[\">].*"
             "\\1;\\2" target "${line}")
      list(GET target 0 dir)
      list(GET target 1 name)
      set(used "")
      if(dir STREQUAL "twicetold")
        if(DEFINED owner_${name})
          set(used ${owner_${name}})
        else()
          string(APPEND errors "${file}: includes twicetold/${name}, which no part declares in its HEADERS\n")
          continue()
        endif()
      elseif(dir IN_LIST TWICETOLD_PARTS)
        set(used ${dir})
      endif()
      if(used AND NOT used IN_LIST TWICETOLD_ALLOWED_${part})
        string(REPLACE ";" ", " allowed "${TWICETOLD_ALLOWED_${part}}")
        string(APPEND errors
          "${file}: includes ${dir}/${name} (layer ${used}), but ${part} may "
          "only use ${allowed} (DEPENDS in src/${part}/sources.cmake)\n")
      endif()
    endforeach()
  endforeach()
endforeach()

if(errors)
  # NOTICE prints the lines as they are (FATAL_ERROR would re-wrap them).
  message(NOTICE "Wrong-direction includes:\n${errors}")
  message(FATAL_ERROR "layer check failed (the layers are in HACKING.md)")
endif()
