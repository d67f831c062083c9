twicetold_part(core
  SOURCES
    src/core/status.cc
    src/core/span.cc
    src/core/iso_date.cc
    src/core/module_loader.cc
  HEADERS status.h span.h document.h
  LIBS ${CMAKE_DL_LIBS}
)
