#include "io/line_reader.h"

#include <algorithm>
#include <cstring>

namespace twicetold::io {
namespace {
constexpr size_t kChunk = 64 << 10;
}  // namespace

LineReader::LineReader(ByteStream* in, uint64_t max_line_bytes, size_t padding)
    : in_(in),
      max_line_bytes_(max_line_bytes),
      padding_(padding),
      buf_(new char[kChunk]) {}

bool LineReader::Refill() {
  Result<size_t> got = in_->Read(buf_.get(), kChunk);
  if (!got.ok()) {
    status_ = got.status();
    return false;
  }
  buf_pos_ = 0;
  buf_len_ = *got;
  total_bytes_ += *got;
  return *got > 0;
}

bool LineReader::Append(const char* data, size_t n) {
  // The '\r' of a "\r\n" ending may be the byte that crosses the limit.
  if (line_.size() + n > max_line_bytes_ + 1) return false;
  size_t need = line_.size() + n + padding_;
  if (need > line_.capacity()) {
    // Grow geometrically but never past the limit, so an almost-too-long
    // line costs at most max_line_bytes + padding.
    size_t cap = std::max(need, line_.capacity() * 2);
    line_.reserve(std::min<uint64_t>(cap, max_line_bytes_ + 1 + padding_));
  }
  line_.append(data, n);
  return true;
}

LineReader::Kind LineReader::SkipRestOfLine() {
  line_.clear();
  line_.shrink_to_fit();
  for (;;) {
    if (buf_pos_ == buf_len_ && !Refill()) {
      done_ = true;
      return status_.ok() ? Kind::kOversized : Kind::kError;
    }
    const char* start = buf_.get() + buf_pos_;
    const void* nl = std::memchr(start, '\n', buf_len_ - buf_pos_);
    if (nl != nullptr) {
      buf_pos_ += static_cast<const char*>(nl) - start + 1;
      return Kind::kOversized;
    }
    buf_pos_ = buf_len_;
  }
}

LineReader::Kind LineReader::Next() {
  if (done_) return Kind::kEnd;
  line_.clear();
  ++line_number_;
  bool any = false;  // bytes seen for this line (distinguishes "" from end)
  for (;;) {
    if (buf_pos_ == buf_len_ && !Refill()) {
      done_ = true;
      if (!status_.ok()) return Kind::kError;
      if (!any) return Kind::kEnd;
      break;  // last line without '\n'
    }
    any = true;
    const char* start = buf_.get() + buf_pos_;
    size_t avail = buf_len_ - buf_pos_;
    const void* nl = std::memchr(start, '\n', avail);
    size_t take = nl ? static_cast<const char*>(nl) - start : avail;
    if (!Append(start, take)) return SkipRestOfLine();
    buf_pos_ += take;
    if (nl != nullptr) {
      ++buf_pos_;
      break;
    }
  }
  if (!line_.empty() && line_.back() == '\r') line_.pop_back();
  if (line_.size() > max_line_bytes_) {
    line_.clear();
    return Kind::kOversized;
  }
  return Kind::kLine;
}

}  // namespace twicetold::io
