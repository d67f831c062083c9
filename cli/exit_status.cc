#include "exit_status.h"

#include <iostream>

namespace twicetold::cli {

int StatusToExitCode(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk: return kExitOk;
    case StatusCode::kInvalidArgument: return kExitUsage;
    case StatusCode::kNotFound:
    case StatusCode::kIOError:
    case StatusCode::kCorruption:
    case StatusCode::kResourceExhausted:
    case StatusCode::kUnimplemented:
    case StatusCode::kFailedPrecondition: return kExitIO;
    case StatusCode::kInternal: return kExitInternal;
  }
  return kExitInternal;
}

int FinishCommand(std::string_view command, const Result<ReadSummary>& read,
                  bool strict) {
  if (!read.ok()) {
    std::cerr << "twicetold " << command << ": " << read.status().ToString() << "\n";
    return StatusToExitCode(read.status());
  }
  return strict && read->rejected > 0 ? kExitRejected : kExitOk;
}

}  // namespace twicetold::cli
