// Gzip decoding for WARC files that survives a damaged member: crawlers
// write one gzip member per record, so after a corrupt or truncated member
// reading can resume at the next member header. Internal to src/io.
#ifndef TWICETOLD_IO_GZIP_MEMBERS_H_
#define TWICETOLD_IO_GZIP_MEMBERS_H_

#include <cstdint>
#include <memory>

#include "io/byte_stream.h"

namespace twicetold::io {

// Decodes a multi-member gzip stream. Read() fails with kCorruption at a
// damaged member (after handing over what it decoded before the damage);
// SkipToNextMember() then moves on. Not thread-safe.
class GzipMemberStream : public ByteStream {
 public:
  explicit GzipMemberStream(std::unique_ptr<ByteStream> raw);
  ~GzipMemberStream() override;

  Result<size_t> Read(char* buf, size_t n) override;

  // After Read() failed on a damaged member: looks for the next gzip
  // member header (1F 8B 08, reserved flag bits clear) after the damage
  // and resumes decoding there. False when there is none (or the raw
  // stream failed): the stream is then at its end.
  bool SkipToNextMember();

  // Compressed offset of the first byte of the member being decoded.
  uint64_t member_offset() const { return member_start_; }

 private:
  bool FillInput();  // false at the end of the raw stream or on error
  uint64_t Consumed() const;
  Status Inflate(char* buf, size_t n, size_t* produced);

  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::unique_ptr<ByteStream> raw_;
  uint64_t member_start_ = 0;
};

}  // namespace twicetold::io

#endif  // TWICETOLD_IO_GZIP_MEMBERS_H_
