list(APPEND TWICETOLD_CLI_SOURCES
  cli/main.cc
  cli/allocator.cc
  cli/input.cc
  cli/exit_status.cc
  cli/clean_command.cc
  cli/quotes_command.cc
  cli/compare_command.cc
  cli/dedup_command.cc
  cli/progress.cc
  cli/stories_command.cc
  cli/corpus_flags.cc
  cli/store_commands.cc
  cli/page_files.cc
)
