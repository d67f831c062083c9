// Splits a ByteStream into lines without ever holding more than one line of
// at most `max_line_bytes` bytes (plus simdjson padding). Internal to src/io.
#ifndef TWICETOLD_IO_LINE_READER_H_
#define TWICETOLD_IO_LINE_READER_H_

#include <cstdint>
#include <memory>
#include <string>

#include "io/byte_stream.h"
#include "twicetold/status.h"

namespace twicetold::io {

// Not thread-safe. `in` must outlive the reader.
class LineReader {
 public:
  enum class Kind {
    kLine,       // a line is in line(); its number is line_number()
    kOversized,  // line line_number() was longer than the limit; skipped
    kError,      // the stream failed in line line_number(); see status()
    kEnd,        // clean end of stream
  };

  // `padding` extra bytes of capacity are kept after every line (simdjson
  // needs them to parse in place).
  LineReader(ByteStream* in, uint64_t max_line_bytes, size_t padding);

  // Advances to the next line. Lines end at '\n' (a '\r' before it is
  // dropped); a last line without '\n' counts. After kError or kEnd every
  // call returns kEnd.
  Kind Next();

  const std::string& line() const { return line_; }
  uint64_t line_number() const { return line_number_; }
  const Status& status() const { return status_; }
  // True when the stream held no bytes at all (known after kEnd).
  bool saw_no_bytes() const { return total_bytes_ == 0; }

 private:
  bool Refill();                           // false at end or error
  bool Append(const char* data, size_t n);  // false when over the limit
  Kind SkipRestOfLine();

  ByteStream* in_;
  uint64_t max_line_bytes_;
  size_t padding_;
  std::unique_ptr<char[]> buf_;
  size_t buf_pos_ = 0;
  size_t buf_len_ = 0;
  std::string line_;
  uint64_t line_number_ = 0;
  uint64_t total_bytes_ = 0;
  bool done_ = false;
  Status status_;
};

}  // namespace twicetold::io

#endif  // TWICETOLD_IO_LINE_READER_H_
