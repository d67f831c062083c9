// Byte streams for the readers: files, standard input, and transparent
// gzip / zstd decompression chosen by magic bytes. Internal to src/io.
//
// Every stream is pull-based and bounded: Read() never holds more than one
// chunk of decompressed data, so a huge or hostile input cannot blow memory.
#ifndef TWICETOLD_IO_BYTE_STREAM_H_
#define TWICETOLD_IO_BYTE_STREAM_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "twicetold/status.h"

namespace twicetold::io {

// A source of bytes. Not thread-safe.
class ByteStream {
 public:
  virtual ~ByteStream() = default;
  // Reads up to `n` (> 0) bytes into `buf`. Returns the count, 0 only at the
  // clean end of the stream. Errors: kIOError when the OS read fails,
  // kCorruption when a compressed stream is damaged or truncated. After an
  // error, the stream should not be read again.
  virtual Result<size_t> Read(char* buf, size_t n) = 0;
};

// Opens `path` for reading ("-" is standard input, which is not closed).
// Errors: kNotFound / kIOError with the OS reason.
Result<std::unique_ptr<ByteStream>> OpenRaw(const std::string& path);

// Returns a stream that first yields `prefix`, then the rest of `inner`.
std::unique_ptr<ByteStream> WithPrefix(std::string prefix,
                                       std::unique_ptr<ByteStream> inner);

// Peeks at the first bytes of `raw` and, if they are a gzip or zstd magic
// number, wraps it in a streaming decompressor (gzip: multi-member; zstd:
// multi-frame). Other inputs are returned unchanged (with the peeked bytes
// put back). Errors: kUnimplemented for recognised but unsupported
// compression (bzip2); read errors of `raw`. xz is decoded too (liblzma).
// `compressed` (may be null) is set to whether a decompressor was added.
Result<std::unique_ptr<ByteStream>> Decompress(std::unique_ptr<ByteStream> raw,
                                               bool* compressed = nullptr);

// OpenRaw + Decompress.
Result<std::unique_ptr<ByteStream>> OpenInput(const std::string& path);

}  // namespace twicetold::io

#endif  // TWICETOLD_IO_BYTE_STREAM_H_
