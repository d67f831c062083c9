// The one PageWriter of the CLI: the HTML reports of `stories --html` and
// `export --html` are written as files below a folder.
#ifndef TWICETOLD_CLI_PAGE_FILES_H_
#define TWICETOLD_CLI_PAGE_FILES_H_

#include <string>

#include "twicetold/story_report.h"

namespace twicetold::cli {

// Writes each page to `root`/path, creating its folders; IOError naming the
// folder or file that cannot be created or written.
PageWriter PageFilesUnder(const std::string& root);

}  // namespace twicetold::cli

#endif  // TWICETOLD_CLI_PAGE_FILES_H_
