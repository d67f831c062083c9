#include "io/gzip_members.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <utility>

namespace twicetold::io {

namespace {
constexpr size_t kInputChunk = 64 << 10;
}  // namespace

struct GzipMemberStream::Impl {
  z_stream z{};
  int init_rc = Z_OK;
  std::unique_ptr<unsigned char[]> in{new unsigned char[kInputChunk]};
  uint64_t in_base = 0;  // compressed offset of in[0]
  size_t in_len = 0;
  bool raw_eof = false;
  bool member_done = false;
  bool started = false;  // some input of the current member was inflated
  bool failed = false;
  Status pending;        // reported on the next Read
};

GzipMemberStream::GzipMemberStream(std::unique_ptr<ByteStream> raw)
    : impl_(std::make_unique<Impl>()), raw_(std::move(raw)) {
  impl_->init_rc = inflateInit2(&impl_->z, 16 + MAX_WBITS);
}

GzipMemberStream::~GzipMemberStream() {
  if (impl_->init_rc == Z_OK) inflateEnd(&impl_->z);
}

uint64_t GzipMemberStream::Consumed() const {
  return impl_->in_base + (impl_->z.next_in == nullptr
                               ? 0
                               : static_cast<uint64_t>(impl_->z.next_in - impl_->in.get()));
}

bool GzipMemberStream::FillInput() {
  Impl& m = *impl_;
  if (m.raw_eof) return false;
  m.in_base += m.in_len;
  Result<size_t> got = raw_->Read(reinterpret_cast<char*>(m.in.get()), kInputChunk);
  if (!got.ok()) {
    m.pending = got.status();
    m.raw_eof = true;
    m.in_len = 0;
    m.z.next_in = m.in.get();
    m.z.avail_in = 0;
    return false;
  }
  m.in_len = *got;
  m.z.next_in = m.in.get();
  m.z.avail_in = static_cast<uInt>(*got);
  if (*got == 0) m.raw_eof = true;
  return *got > 0;
}

Status GzipMemberStream::Inflate(char* buf, size_t n, size_t* produced) {
  Impl& m = *impl_;
  m.z.next_out = reinterpret_cast<Bytef*>(buf);
  m.z.avail_out = static_cast<uInt>(n);
  while (m.z.avail_out == n) {
    if (m.z.avail_in == 0 && !FillInput()) {
      if (!m.pending.ok()) return std::exchange(m.pending, Status::Ok());
      if (m.member_done || !m.started) break;  // the clean end
      return CorruptionError("truncated gzip member at byte " + std::to_string(member_start_));
    }
    if (m.member_done) {
      inflateReset(&m.z);
      m.member_done = false;
      member_start_ = Consumed();
    }
    m.started = true;
    const int rc = inflate(&m.z, Z_NO_FLUSH);
    if (rc == Z_STREAM_END) {
      m.member_done = true;
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      return CorruptionError("corrupt gzip member at byte " + std::to_string(member_start_) +
                             (m.z.msg != nullptr ? std::string(": ") + m.z.msg : std::string()));
    }
  }
  *produced = n - m.z.avail_out;
  return Status::Ok();
}

Result<size_t> GzipMemberStream::Read(char* buf, size_t n) {
  Impl& m = *impl_;
  if (m.init_rc != Z_OK) return InternalError("zlib initialisation failed");
  if (m.failed) return CorruptionError("gzip member damaged");
  if (!m.pending.ok()) {  // damage found by the previous Read
    m.failed = true;
    return std::exchange(m.pending, Status::Ok());
  }
  size_t produced = 0;
  Status status = Inflate(buf, n, &produced);
  produced = n - m.z.avail_out;
  if (status.ok()) return produced;
  if (produced > 0) {  // hand over what came before the damage first
    m.pending = std::move(status);
    return produced;
  }
  m.failed = true;
  return status;
}

bool GzipMemberStream::SkipToNextMember() {
  Impl& m = *impl_;
  m.pending = Status::Ok();
  // Search from one byte past the damaged member's start, so a damaged
  // header is not found again.
  uint64_t from = std::max(Consumed(), member_start_ + 1);
  for (;;) {
    const uint64_t end = m.in_base + m.in_len;
    for (uint64_t at = std::max(from, m.in_base); at + 4 <= end; ++at) {
      const unsigned char* p = m.in.get() + (at - m.in_base);
      if (p[0] == 0x1F && p[1] == 0x8B && p[2] == 0x08 && (p[3] & 0xE0) == 0) {
        m.z.next_in = const_cast<Bytef*>(p);
        m.z.avail_in = static_cast<uInt>(end - at);
        inflateReset(&m.z);
        member_start_ = at;
        m.member_done = false;
        m.started = false;
        m.failed = false;
        return true;
      }
    }
    // Keep the last 3 bytes: a header may straddle the chunk boundary.
    const size_t keep = static_cast<size_t>(std::min<uint64_t>(3, m.in_len));
    from = std::max(from, end - keep);
    if (m.raw_eof) break;
    unsigned char tail[3];
    std::memcpy(tail, m.in.get() + m.in_len - keep, keep);
    Result<size_t> got = raw_->Read(reinterpret_cast<char*>(m.in.get()) + keep, kInputChunk - keep);
    if (!got.ok() || *got == 0) {
      m.raw_eof = true;
      break;
    }
    std::memcpy(m.in.get(), tail, keep);
    m.in_base = end - keep;
    m.in_len = keep + *got;
  }
  m.z.next_in = m.in.get();
  m.z.avail_in = 0;
  m.in_base += m.in_len;
  m.in_len = 0;
  m.failed = true;
  return false;
}

}  // namespace twicetold::io
