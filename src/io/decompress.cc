// Streaming gzip, zstd and xz decompressors. Each decodes one output chunk
// per Read() call, so memory stays bounded whatever the compression ratio.
#include <lzma.h>
#include <zlib.h>
#include <zstd.h>

#include <memory>
#include <string>
#include <utility>

#include "io/byte_stream.h"

namespace twicetold::io {
namespace {

constexpr size_t kInputChunk = 64 << 10;

// What the three decoders share: pulling compressed input in chunks, and
// handing over the bytes decoded before damage before reporting the damage.
class Decoder : public ByteStream {
 public:
  explicit Decoder(std::unique_ptr<ByteStream> in)
      : in_(std::move(in)), buf_(new char[kInputChunk]) {}

  Result<size_t> Read(char* out, size_t n) final {
    if (!pending_.ok()) return std::exchange(pending_, CorruptionError("stream already failed"));
    size_t produced = 0;
    Status status = Decode(out, n, &produced);
    if (!status.ok() && produced > 0) {
      pending_ = std::move(status);  // reported on the next call
      return produced;
    }
    if (!status.ok()) return status;
    return produced;
  }

 protected:
  // Decodes at least one byte into out[0, n) unless the stream ends or
  // fails; sets `*produced`. Returns 0 bytes only at the clean end.
  virtual Status Decode(char* out, size_t n, size_t* produced) = 0;

  // Reads the next chunk of compressed input into input_chunk().
  Result<size_t> ReadInput() {
    Result<size_t> got = in_->Read(buf_.get(), kInputChunk);
    if (got.ok()) in_eof_ = *got == 0;
    return got;
  }
  char* input_chunk() { return buf_.get(); }
  bool in_eof() const { return in_eof_; }

 private:
  std::unique_ptr<ByteStream> in_;
  std::unique_ptr<char[]> buf_;
  bool in_eof_ = false;
  Status pending_;
};

// Multi-member gzip (as written by `cat a.gz b.gz` or pigz).
class GzipStream : public Decoder {
 public:
  explicit GzipStream(std::unique_ptr<ByteStream> in) : Decoder(std::move(in)) {
    // 16 + MAX_WBITS: gzip wrapper only, with CRC and length checks.
    init_rc_ = inflateInit2(&z_, 16 + MAX_WBITS);
  }
  ~GzipStream() override {
    if (init_rc_ == Z_OK) inflateEnd(&z_);
  }

 private:
  Status Decode(char* out, size_t n, size_t* produced) override {
    if (init_rc_ != Z_OK) return InternalError("zlib initialisation failed");
    if (finished_) return Status::Ok();
    z_.next_out = reinterpret_cast<Bytef*>(out);
    z_.avail_out = static_cast<uInt>(n);
    Status status = Fill(n);
    *produced = n - z_.avail_out;
    return status;
  }

  // Inflates until some output is produced or the stream ends or fails.
  Status Fill(size_t n) {
    while (z_.avail_out == n) {
      if (z_.avail_in == 0 && !in_eof()) {
        Result<size_t> got = ReadInput();
        if (!got.ok()) return got.status();
        z_.next_in = reinterpret_cast<Bytef*>(input_chunk());
        z_.avail_in = static_cast<uInt>(*got);
      }
      if (z_.avail_in == 0) {
        if (member_done_) {
          finished_ = true;
          return Status::Ok();
        }
        return CorruptionError("truncated gzip stream");
      }
      if (member_done_) {
        inflateReset(&z_);
        member_done_ = false;
      }
      int rc = inflate(&z_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        member_done_ = true;
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        return CorruptionError(std::string("corrupt gzip stream: ") +
                               (z_.msg != nullptr ? z_.msg : zError(rc)));
      }
    }
    return Status::Ok();
  }

  z_stream z_{};
  int init_rc_ = Z_OK;
  bool member_done_ = false;
  bool finished_ = false;
};

// Zstandard, any number of frames (skippable frames included).
class ZstdStream : public Decoder {
 public:
  explicit ZstdStream(std::unique_ptr<ByteStream> in)
      : Decoder(std::move(in)), ds_(ZSTD_createDStream()) {
    if (ds_ != nullptr) ZSTD_initDStream(ds_);
  }
  ~ZstdStream() override { ZSTD_freeDStream(ds_); }

 private:
  Status Decode(char* out, size_t n, size_t* produced) override {
    if (ds_ == nullptr) return InternalError("zstd initialisation failed");
    ZSTD_outBuffer output{out, n, 0};
    Status status = Fill(output);
    *produced = output.pos;
    return status;
  }

  Status Fill(ZSTD_outBuffer& output) {
    while (output.pos == 0) {
      if (input_.pos == input_.size && !in_eof()) {
        Result<size_t> got = ReadInput();
        if (!got.ok()) return got.status();
        input_ = ZSTD_inBuffer{input_chunk(), *got, 0};
      }
      size_t in_before = input_.pos;
      size_t rc = ZSTD_decompressStream(ds_, &output, &input_);
      if (ZSTD_isError(rc)) {
        return CorruptionError(std::string("corrupt zstd stream: ") +
                               ZSTD_getErrorName(rc));
      }
      // A call without progress returns a size hint, not frame status.
      if (input_.pos != in_before || output.pos > 0) frame_done_ = rc == 0;
      if (output.pos == 0 && input_.pos == input_.size && in_eof()) {
        if (frame_done_) return Status::Ok();
        return CorruptionError("truncated zstd stream");
      }
    }
    return Status::Ok();
  }

  ZSTD_DStream* ds_;
  ZSTD_inBuffer input_{nullptr, 0, 0};
  bool frame_done_ = false;
};

// xz (liblzma), any number of concatenated streams.
class XzStream : public Decoder {
 public:
  explicit XzStream(std::unique_ptr<ByteStream> in) : Decoder(std::move(in)) {
    init_rc_ = lzma_stream_decoder(&lz_, UINT64_MAX, LZMA_CONCATENATED);
  }
  ~XzStream() override { lzma_end(&lz_); }

 private:
  Status Decode(char* out, size_t n, size_t* produced) override {
    if (init_rc_ != LZMA_OK) return InternalError("liblzma initialisation failed");
    if (finished_) return Status::Ok();
    lz_.next_out = reinterpret_cast<uint8_t*>(out);
    lz_.avail_out = n;
    Status status = Fill(n);
    *produced = n - lz_.avail_out;
    return status;
  }

  Status Fill(size_t n) {
    while (lz_.avail_out == n && !finished_) {
      if (lz_.avail_in == 0 && !in_eof()) {
        Result<size_t> got = ReadInput();
        if (!got.ok()) return got.status();
        lz_.next_in = reinterpret_cast<const uint8_t*>(input_chunk());
        lz_.avail_in = *got;
      }
      // LZMA_FINISH tells a concatenated decoder that no more input comes.
      const lzma_ret rc = lzma_code(&lz_, in_eof() ? LZMA_FINISH : LZMA_RUN);
      if (rc == LZMA_STREAM_END) {
        finished_ = true;
      } else if (rc == LZMA_BUF_ERROR && in_eof()) {
        return CorruptionError("truncated xz stream");
      } else if (rc != LZMA_OK && rc != LZMA_BUF_ERROR) {
        return CorruptionError("corrupt xz stream (liblzma error " +
                               std::to_string(static_cast<int>(rc)) + ")");
      }
    }
    return Status::Ok();
  }

  lzma_stream lz_ = LZMA_STREAM_INIT;
  lzma_ret init_rc_ = LZMA_OK;
  bool finished_ = false;
};

}  // namespace

std::unique_ptr<ByteStream> NewXzStream(std::unique_ptr<ByteStream> in) {
  return std::make_unique<XzStream>(std::move(in));
}

std::unique_ptr<ByteStream> NewGzipStream(std::unique_ptr<ByteStream> in) {
  return std::make_unique<GzipStream>(std::move(in));
}

std::unique_ptr<ByteStream> NewZstdStream(std::unique_ptr<ByteStream> in) {
  return std::make_unique<ZstdStream>(std::move(in));
}

}  // namespace twicetold::io
