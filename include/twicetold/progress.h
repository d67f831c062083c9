// Progress of a long corpus run, reported to a front end that may show it.
// The library only calls the callback; it never prints.
#ifndef TWICETOLD_PROGRESS_H_
#define TWICETOLD_PROGRESS_H_

#include <cstdint>
#include <functional>
#include <string_view>

namespace twicetold {

struct Progress {
  std::string_view phase;    // "counting lines", "clustering", ...
  uint64_t records = 0;      // records read so far in this phase
  uint64_t accepted = 0;
  uint64_t rejected = 0;
  uint64_t bytes = 0;        // input bytes consumed (as stored: compressed)
  uint64_t total_bytes = 0;  // size of all inputs; 0 when unknown (stdin)
  double seconds = 0;        // since the phase started
  bool done = false;         // the last report of the phase
};

// Called from the thread that reads, at most every `interval` seconds and
// once with done = true at the end of each phase. Must be cheap.
using ProgressCallback = std::function<void(const Progress& progress)>;

}  // namespace twicetold

#endif  // TWICETOLD_PROGRESS_H_
