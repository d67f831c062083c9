#include "io/byte_stream.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace twicetold::io {
namespace {

std::string OsReason(int err) { return std::strerror(err); }

// A file descriptor. Standard input is borrowed, never closed.
class FileStream : public ByteStream {
 public:
  FileStream(int fd, bool owned) : fd_(fd), owned_(owned) {}
  ~FileStream() override {
    if (owned_) close(fd_);
  }

  Result<size_t> Read(char* buf, size_t n) override {
    for (;;) {
      ssize_t got = read(fd_, buf, n);
      if (got >= 0) return static_cast<size_t>(got);
      if (errno != EINTR) return IOError("read failed: " + OsReason(errno));
    }
  }

 private:
  int fd_;
  bool owned_;
};

class PrefixStream : public ByteStream {
 public:
  PrefixStream(std::string prefix, std::unique_ptr<ByteStream> inner)
      : prefix_(std::move(prefix)), inner_(std::move(inner)) {}

  Result<size_t> Read(char* buf, size_t n) override {
    if (pos_ < prefix_.size()) {
      size_t take = std::min(n, prefix_.size() - pos_);
      std::memcpy(buf, prefix_.data() + pos_, take);
      pos_ += take;
      if (pos_ == prefix_.size()) std::string().swap(prefix_), pos_ = 0;
      return take;
    }
    return inner_->Read(buf, n);
  }

 private:
  std::string prefix_;
  size_t pos_ = 0;
  std::unique_ptr<ByteStream> inner_;
};

// Reads until `n` bytes or the end of the stream.
Result<size_t> ReadFull(ByteStream& in, char* buf, size_t n) {
  size_t total = 0;
  while (total < n) {
    Result<size_t> got = in.Read(buf + total, n - total);
    if (!got.ok()) return got.status();
    if (*got == 0) break;
    total += *got;
  }
  return total;
}

bool StartsWith(std::string_view bytes, std::string_view magic) {
  return bytes.substr(0, magic.size()) == magic;
}

}  // namespace

// Defined in decompress.cc.
std::unique_ptr<ByteStream> NewGzipStream(std::unique_ptr<ByteStream> in);
std::unique_ptr<ByteStream> NewZstdStream(std::unique_ptr<ByteStream> in);
std::unique_ptr<ByteStream> NewXzStream(std::unique_ptr<ByteStream> in);

Result<std::unique_ptr<ByteStream>> OpenRaw(const std::string& path) {
  if (path == "-") {
    return std::unique_ptr<ByteStream>(new FileStream(STDIN_FILENO, false));
  }
  int fd;
  do {
    fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) {
    std::string message = "cannot open: " + OsReason(errno);
    if (errno == ENOENT) return NotFoundError(std::move(message));
    return IOError(std::move(message));
  }
  return std::unique_ptr<ByteStream>(new FileStream(fd, true));
}

std::unique_ptr<ByteStream> WithPrefix(std::string prefix,
                                       std::unique_ptr<ByteStream> inner) {
  if (prefix.empty()) return inner;
  return std::make_unique<PrefixStream>(std::move(prefix), std::move(inner));
}

Result<std::unique_ptr<ByteStream>> Decompress(std::unique_ptr<ByteStream> raw,
                                               bool* compressed) {
  if (compressed != nullptr) *compressed = false;
  char head[6];
  Result<size_t> got = ReadFull(*raw, head, sizeof(head));
  if (!got.ok()) return got.status();
  std::string_view magic(head, *got);
  if (StartsWith(magic, "BZh")) {
    return UnimplementedError("bzip2 compression is not supported");
  }
  std::unique_ptr<ByteStream> stream = WithPrefix(std::string(magic), std::move(raw));
  if (compressed != nullptr) {
    *compressed = StartsWith(magic, std::string_view("\xFD" "7zXZ\0", 6)) ||
                  StartsWith(magic, "\x1F\x8B") ||
                  StartsWith(magic, "\x28\xB5\x2F\xFD");
  }
  if (StartsWith(magic, std::string_view("\xFD" "7zXZ\0", 6))) {
    return NewXzStream(std::move(stream));
  }
  if (StartsWith(magic, "\x1F\x8B")) return NewGzipStream(std::move(stream));
  if (StartsWith(magic, "\x28\xB5\x2F\xFD")) return NewZstdStream(std::move(stream));
  return stream;
}

Result<std::unique_ptr<ByteStream>> OpenInput(const std::string& path) {
  Result<std::unique_ptr<ByteStream>> raw = OpenRaw(path);
  if (!raw.ok()) return raw.status();
  return Decompress(std::move(raw).value());
}

}  // namespace twicetold::io
