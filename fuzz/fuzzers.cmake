# Fuzz targets (doc/fuzzing.md). Each target's body is one file,
# fuzz/fuzz_<name>.cc, defining LLVMFuzzerTestOneInput. It is built two ways:
#   - with -DTWICETOLD_BUILD_FUZZERS=ON (clang only): fuzz_<name>, a libFuzzer
#     binary, with the library itself instrumented for coverage and built
#     with AddressSanitizer and UndefinedBehaviorSanitizer;
#   - with TWICETOLD_BUILD_TESTS (any compiler): fuzz_replay_<name>, the same
#     body driven by fuzz/replay_main.cc over fuzz/corpus/<name>/, registered
#     as the CTest test fuzz_replay_<name>, so the seed and regression inputs
#     run on every `make test`.
option(TWICETOLD_BUILD_FUZZERS "Build libFuzzer targets (clang only)" OFF)

set(TWICETOLD_FUZZERS jsonl_reader normalize segment clean quotes article_json html
    warc_reader compare store)
# The server's request handling needs the server (cpp-httplib).
if(TARGET twicetold_server)
  list(APPEND TWICETOLD_FUZZERS http)
endif()

# Include paths and libraries shared by both builds of a fuzz body.
function(twicetold_fuzz_body target name)
  target_include_directories(${target} PRIVATE ${PROJECT_SOURCE_DIR}/fuzz)
  target_link_libraries(${target} PRIVATE twicetold)
  target_compile_options(${target} PRIVATE -Wall -Wextra)
  if(name STREQUAL "jsonl_reader" OR name STREQUAL "warc_reader")
    target_link_libraries(${target} PRIVATE ZLIB::ZLIB PkgConfig::ZSTD
                          LibLZMA::LibLZMA)
  elseif(name STREQUAL "compare")
    # compare/relation_of.h: the shortcut checked against Compare.
    target_include_directories(${target} PRIVATE ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(${target} PRIVATE nlohmann_json::nlohmann_json)
  elseif(name STREQUAL "http")
    target_include_directories(${target} PRIVATE ${PROJECT_SOURCE_DIR})
    target_link_libraries(${target} PRIVATE twicetold_server PkgConfig::HTTPLIB)
  endif()
endfunction()

if(TWICETOLD_BUILD_FUZZERS)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "TWICETOLD_BUILD_FUZZERS needs clang (libFuzzer): "
            "configure with -DCMAKE_CXX_COMPILER=clang++")
  endif()
  set(TWICETOLD_SANITIZE -fsanitize=address,undefined
      -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  # The library: coverage-instrumented for libFuzzer, sanitized; everything
  # linking it (tests, the command line) gets the sanitizer runtimes.
  # `twicetold` is an INTERFACE umbrella (it compiles nothing): the compile
  # options go on each part that has sources, and on the server.
  set(instrumented)
  foreach(part IN LISTS TWICETOLD_PARTS_IN_ORDER)
    get_target_property(type twicetold_${part} TYPE)
    if(type STREQUAL "STATIC_LIBRARY")
      list(APPEND instrumented twicetold_${part})
    endif()
  endforeach()
  if(TARGET twicetold_server)
    list(APPEND instrumented twicetold_server)
  endif()
  # The PostgreSQL store's module (src/store/sources.cmake) is not fuzzed,
  # but links the instrumented core.
  list(APPEND instrumented twicetold_postgres_module)
  foreach(target IN LISTS instrumented)
    target_compile_options(${target} PRIVATE ${TWICETOLD_SANITIZE}
                           -fsanitize=fuzzer-no-link)
  endforeach()
  target_link_options(twicetold INTERFACE ${TWICETOLD_SANITIZE})
  foreach(name IN LISTS TWICETOLD_FUZZERS)
    add_executable(fuzz_${name} fuzz/fuzz_${name}.cc)
    twicetold_fuzz_body(fuzz_${name} ${name})
    target_compile_options(fuzz_${name} PRIVATE ${TWICETOLD_SANITIZE}
                           -fsanitize=fuzzer)
    target_link_options(fuzz_${name} PRIVATE ${TWICETOLD_SANITIZE}
                        -fsanitize=fuzzer)
  endforeach()
endif()

if(TWICETOLD_BUILD_TESTS)
  foreach(name IN LISTS TWICETOLD_FUZZERS)
    add_executable(fuzz_replay_${name} fuzz/fuzz_${name}.cc fuzz/replay_main.cc)
    twicetold_fuzz_body(fuzz_replay_${name} ${name})
    add_test(NAME fuzz_replay_${name}
             COMMAND fuzz_replay_${name} ${PROJECT_SOURCE_DIR}/fuzz/corpus/${name})
    set_tests_properties(fuzz_replay_${name} PROPERTIES LABELS fuzz)
  endforeach()
endif()
