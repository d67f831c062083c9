// Progress on the terminal for long corpus runs, and the peak memory figure
// for their summaries.
#ifndef TWICETOLD_CLI_PROGRESS_H_
#define TWICETOLD_CLI_PROGRESS_H_

#include <cstdint>
#include <mutex>
#include <string>

#include "twicetold/progress.h"

namespace twicetold::cli {

// One status line on stderr ("deduplicating  12,000 records  85 MB/s  41%
// ETA 0:07  3 rejected"), redrawn in place. Drawn only when `enabled` and
// stderr is a terminal; otherwise every call does nothing but Message's
// printing. Thread-safe: the library reports from its reading thread while
// rejections are printed from another.
class ProgressBar {
 public:
  explicit ProgressBar(bool enabled);
  ~ProgressBar();  // clears the line

  // A callback for CorpusOptions::progress; `this` must outlive its use.
  ProgressCallback Callback();

  // Prints `line` (with its newline) to stderr without mangling the bar.
  void Message(const std::string& line);

  bool active() const { return active_; }

 private:
  void Draw(const Progress& progress);
  void ClearLocked();

  bool active_;
  bool drawn_ = false;
  std::string last_;  // the line on screen, for redrawing after a Message
  std::mutex mutex_;
};

// "phase  records  MB/s  percent  ETA  rejected": the bar's text.
std::string FormatProgress(const Progress& progress);

// Peak resident set size of this process in bytes (getrusage), 0 if unknown.
uint64_t PeakRssBytes();

}  // namespace twicetold::cli

#endif  // TWICETOLD_CLI_PROGRESS_H_
