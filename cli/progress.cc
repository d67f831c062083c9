#include "progress.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace twicetold::cli {

ProgressBar::ProgressBar(bool enabled)
    : active_(enabled && ::isatty(STDERR_FILENO) == 1) {}

ProgressBar::~ProgressBar() {
  std::lock_guard<std::mutex> lock(mutex_);
  ClearLocked();
}

ProgressCallback ProgressBar::Callback() {
  if (!active_) return nullptr;
  return [this](const Progress& progress) { Draw(progress); };
}

void ProgressBar::Message(const std::string& line) {
  std::lock_guard<std::mutex> lock(mutex_);
  const bool was_drawn = drawn_;
  ClearLocked();
  std::fputs(line.c_str(), stderr);
  std::fputc('\n', stderr);
  if (was_drawn) {
    std::fputs(last_.c_str(), stderr);
    drawn_ = true;
  }
  std::fflush(stderr);
}

void ProgressBar::Draw(const Progress& progress) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (progress.done) {  // a finished phase leaves no trace
    ClearLocked();
    return;
  }
  last_ = FormatProgress(progress);
  std::fprintf(stderr, "\r\033[K%s", last_.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::ClearLocked() {
  if (!drawn_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  drawn_ = false;
}

std::string FormatProgress(const Progress& p) {
  char buf[256];
  const double mb = static_cast<double>(p.bytes) / 1e6;
  const double rate = p.seconds > 0 ? mb / p.seconds : 0;
  int n = std::snprintf(buf, sizeof(buf), "%s  %llu records  %.1f MB/s",
                        std::string(p.phase).c_str(),
                        static_cast<unsigned long long>(p.records), rate);
  std::string out(buf, n > 0 ? static_cast<size_t>(n) : 0);
  if (p.total_bytes > 0 && p.bytes > 0) {
    const double fraction =
        std::min(1.0, static_cast<double>(p.bytes) / p.total_bytes);
    const double eta = p.seconds * (1 - fraction) / fraction;
    n = std::snprintf(buf, sizeof(buf), "  %3.0f%%  ETA %d:%02d",
                      100 * fraction, static_cast<int>(eta) / 60,
                      static_cast<int>(eta) % 60);
    out.append(buf, n > 0 ? static_cast<size_t>(n) : 0);
  }
  if (p.rejected > 0) {
    out += "  " + std::to_string(p.rejected) + " rejected";
  }
  return out;
}

uint64_t PeakRssBytes() {
  struct rusage usage;
  if (::getrusage(RUSAGE_SELF, &usage) != 0) return 0;
  return static_cast<uint64_t>(usage.ru_maxrss) * 1024;  // Linux: KiB
}

}  // namespace twicetold::cli
