// ReadInputs: walks paths, picks a reader per input kind, and turns every
// record into exactly one Article or one Rejected.
#include <algorithm>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "io/byte_stream.h"
#include "io/line_reader.h"
#include "io/record.h"
#include "twicetold/html.h"
#include "twicetold/io.h"
#include "io/gzip_members.h"
#include "web/html_record.h"
#include "io/warc_reader.h"

namespace twicetold {
namespace {

namespace fs = std::filesystem;
using io::ByteStream;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
  return out;
}

// The kind comes from the name; compression from magic bytes (byte_stream).
bool IsJsonLinesName(std::string_view path) {
  std::string name = Lower(path);
  for (std::string_view z : {".gz", ".zst", ".zstd", ".xz"}) {
    if (EndsWith(name, z)) {
      name.resize(name.size() - z.size());
      break;
    }
  }
  return EndsWith(name, ".jsonl") || EndsWith(name, ".ndjson") || EndsWith(name, ".json");
}

// Offset of the first byte that is neither whitespace nor part of a
// leading UTF-8 byte order mark.
size_t FirstNonSpace(std::string_view head) {
  size_t pos = head.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  while (pos < head.size() && io::IsBlank(head.substr(pos, 1))) ++pos;
  return pos;
}

// A folder entry: a file to read, or a sub-folder that could not be listed.
struct FolderEntry {
  std::string rel;    // '/'-separated, relative to the folder argument
  std::string error;  // non-empty: reject with this reason
};

void WalkFolder(const fs::path& root, const fs::path& rel_dir,
                std::vector<FolderEntry>* out) {
  std::error_code ec;
  fs::directory_iterator it(root / rel_dir, ec), end;
  if (ec) {
    out->push_back({rel_dir.generic_string(), "cannot read folder: " + ec.message()});
    return;
  }
  for (; it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;  // hidden
    fs::path rel = rel_dir / name;
    std::error_code st_ec;
    fs::file_status st = it->status(st_ec);  // follows file symlinks
    if (st_ec) {
      out->push_back({rel.generic_string(), "cannot open: " + st_ec.message()});
    } else if (fs::is_directory(st)) {
      // Symlinked folders are not followed: they can form cycles.
      if (!it->is_symlink(st_ec)) WalkFolder(root, rel, out);
    } else if (fs::is_regular_file(st)) {
      out->push_back({rel.generic_string(), ""});
    }
  }
  if (ec) out->push_back({rel_dir.generic_string(), "cannot read folder: " + ec.message()});
}

// Reports the raw bytes read through it (ReadOptions::on_bytes).
class CountingStream : public ByteStream {
 public:
  CountingStream(std::unique_ptr<ByteStream> inner,
                 const std::function<void(uint64_t)>& on_bytes)
      : inner_(std::move(inner)), on_bytes_(on_bytes) {}
  Result<size_t> Read(char* buf, size_t n) override {
    Result<size_t> got = inner_->Read(buf, n);
    if (got.ok() && *got > 0) on_bytes_(*got);
    return got;
  }

 private:
  std::unique_ptr<ByteStream> inner_;
  const std::function<void(uint64_t)>& on_bytes_;
};

// Bytes held by the caller (ReadOptions::stdin_bytes).
class MemoryStream : public ByteStream {
 public:
  explicit MemoryStream(std::string_view bytes) : bytes_(bytes) {}
  Result<size_t> Read(char* buf, size_t n) override {
    size_t take = std::min(n, bytes_.size());
    std::copy_n(bytes_.data(), take, buf);
    bytes_.remove_prefix(take);
    return take;
  }

 private:
  std::string_view bytes_;
};

// Bytes of a held file (DecompressedCache), reporting progress in bytes
// as stored: the same total as decoding the file again.
class HeldStream : public ByteStream {
 public:
  HeldStream(const DecompressedCache::File& file,
             const std::function<void(uint64_t)>& on_bytes)
      : file_(file), on_bytes_(on_bytes) {}
  Result<size_t> Read(char* buf, size_t n) override {
    while (chunk_ < file_.chunks.size() && at_ == file_.chunks[chunk_].size()) {
      ++chunk_;
      at_ = 0;
    }
    if (chunk_ == file_.chunks.size()) {  // the end: report what is left
      if (on_bytes_ && file_.stored_size > reported_) {
        on_bytes_(file_.stored_size - reported_);
      }
      reported_ = file_.stored_size;
      return size_t{0};
    }
    const std::string& chunk = file_.chunks[chunk_];
    const size_t take = std::min(n, chunk.size() - at_);
    std::copy_n(chunk.data() + at_, take, buf);
    at_ += take;
    done_ += take;
    if (on_bytes_) {
      const uint64_t now = static_cast<uint64_t>(
          static_cast<double>(file_.stored_size) * static_cast<double>(done_) /
          static_cast<double>(file_.size));
      if (now > reported_) on_bytes_(now - reported_);
      reported_ = now;
    }
    return take;
  }

 private:
  const DecompressedCache::File& file_;
  size_t chunk_ = 0;
  size_t at_ = 0;       // offset in file_.chunks[chunk_]
  uint64_t done_ = 0;   // bytes returned so far
  uint64_t reported_ = 0;
  const std::function<void(uint64_t)>& on_bytes_;
};

// Keeps the decoded bytes of one compressed file in a DecompressedCache as
// they are read; gives up (frees them) once they would pass the budget, and
// commits them only at the clean end of the stream. Chunks start small
// and grow to kMaxChunk, so small files take little and large ones are
// never copied by reallocation.
class KeepingStream : public ByteStream {
 public:
  KeepingStream(std::unique_ptr<ByteStream> inner, std::string path,
                uint64_t stored_size, DecompressedCache* cache)
      : inner_(std::move(inner)), path_(std::move(path)), cache_(cache) {
    file_.stored_size = stored_size;
  }
  Result<size_t> Read(char* buf, size_t n) override {
    Result<size_t> got = inner_->Read(buf, n);
    if (!keeping_ || !got.ok()) return got;
    if (*got == 0) {
      cache_->held_bytes += capacity_;
      cache_->files[path_] = std::move(file_);
      keeping_ = false;
    } else if (!Keep(buf, *got)) {
      file_ = {};
      keeping_ = false;
    }
    return got;
  }

 private:
  static constexpr size_t kMinChunk = size_t{64} << 10;
  static constexpr size_t kMaxChunk = size_t{4} << 20;

  bool Keep(const char* bytes, size_t n) {
    while (n > 0) {
      if (file_.chunks.empty() ||
          file_.chunks.back().size() == file_.chunks.back().capacity()) {
        const size_t want = std::clamp<size_t>(file_.size, kMinChunk, kMaxChunk);
        if (cache_->held_bytes + capacity_ + want > cache_->budget_bytes) return false;
        file_.chunks.emplace_back();
        file_.chunks.back().reserve(want);
        capacity_ += file_.chunks.back().capacity();
      }
      std::string& chunk = file_.chunks.back();
      const size_t take = std::min(n, chunk.capacity() - chunk.size());
      chunk.append(bytes, take);
      file_.size += take;
      bytes += take;
      n -= take;
    }
    return true;
  }

  std::unique_ptr<ByteStream> inner_;
  std::string path_;
  DecompressedCache* cache_;
  DecompressedCache::File file_;
  uint64_t capacity_ = 0;  // reserved bytes of file_.chunks
  bool keeping_ = true;
};

uint64_t StoredSize(const std::string& path) {
  std::error_code ec;
  const uintmax_t size = fs::file_size(path, ec);
  return ec ? 0 : static_cast<uint64_t>(size);
}

// OpenInput, reading "-" from ReadOptions::stdin_bytes when set, held
// files from ReadOptions::decompressed_cache, and counting raw bytes when
// ReadOptions::on_bytes is set.
Result<std::unique_ptr<ByteStream>> OpenCounted(const std::string& path,
                                                const ReadOptions& options) {
  DecompressedCache* cache = options.decompressed_cache;
  if (cache != nullptr && path != "-") {
    auto held = cache->files.find(path);
    if (held != cache->files.end()) {
      return std::unique_ptr<ByteStream>(
          std::make_unique<HeldStream>(held->second, options.on_bytes));
    }
  }
  std::unique_ptr<ByteStream> raw;
  if (path == "-" && options.stdin_bytes != nullptr) {
    raw = std::make_unique<MemoryStream>(*options.stdin_bytes);
  } else {
    Result<std::unique_ptr<ByteStream>> opened = io::OpenRaw(path);
    if (!opened.ok()) return opened.status();
    raw = std::move(opened).value();
  }
  if (options.on_bytes) {
    raw = std::make_unique<CountingStream>(std::move(raw), options.on_bytes);
  }
  bool compressed = false;
  Result<std::unique_ptr<ByteStream>> in = io::Decompress(std::move(raw), &compressed);
  if (!in.ok() || !compressed || cache == nullptr || !cache->fill || path == "-") {
    return in;
  }
  return std::unique_ptr<ByteStream>(std::make_unique<KeepingStream>(
      std::move(in).value(), path, StoredSize(path), cache));
}

// Up to `n` bytes from the start of `in` (fewer only at its end).
Result<std::string> Peek(ByteStream& in, size_t n) {
  std::string head(n, '\0');
  size_t have = 0;
  while (have < n) {
    Result<size_t> got = in.Read(head.data() + have, n - have);
    if (!got.ok()) return got.status();
    if (*got == 0) break;
    have += *got;
  }
  head.resize(have);
  return head;
}

class Reader {
 public:
  Reader(const ReadOptions& options, const ArticleCallback& on_article,
         const RejectedCallback& on_rejected)
      : options_(options), on_article_(on_article), on_rejected_(on_rejected) {}

  void ReadPath(const std::string& path);
  const ReadSummary& summary() const { return summary_; }

 private:
  void Accept(Article&& article) {
    ++summary_.read;
    ++summary_.accepted;
    on_article_(std::move(article));
  }
  void Skip() {
    ++summary_.read;
    ++summary_.skipped;
  }
  void Reject(Location location, std::string reason) {
    ++summary_.read;
    ++summary_.rejected;
    on_rejected_(Rejected{std::move(location), std::move(reason)});
  }
  std::string TooLarge() const {
    return "record larger than " + std::to_string(options_.max_record_bytes) + " bytes";
  }

  void ReadFolder(const std::string& folder);
  void ReadFile(const std::string& path, const std::string& id);
  void ReadStdin();
  void ReadText(ByteStream& in, const std::string& path, const std::string& id);
  void ReadWarc(ByteStream& in, const std::string& path, io::GzipMemberStream* members);
  void ReadGzipWarc(const std::string& path, const std::string& id);
  void ReadTextOrWarc(std::unique_ptr<ByteStream> in, const std::string& path,
                      const std::string& id, io::GzipMemberStream* members);
  void ReadJsonLines(ByteStream& in, const std::string& path, const std::string& id_base);
  void HandleLine(std::string_view line, const Location& location, const std::string& id_base);

  const ReadOptions& options_;
  const ArticleCallback& on_article_;
  const RejectedCallback& on_rejected_;
  io::JsonLineParser json_;
  ReadSummary summary_;
  static constexpr size_t kTextChunk = size_t{64} << 10;
  std::unique_ptr<char[]> chunk_;  // ReadText's read buffer, made on first use
};

void Reader::ReadPath(const std::string& path) {
  if (path == "-") return ReadStdin();
  std::error_code ec;
  if (fs::is_directory(path, ec)) return ReadFolder(path);
  ReadFile(path, path);
}

void Reader::ReadFolder(const std::string& folder) {
  std::vector<FolderEntry> entries;
  WalkFolder(fs::path(folder), fs::path(), &entries);
  // Byte-wise order of the whole relative path: the same on every machine.
  std::sort(entries.begin(), entries.end(),
            [](const FolderEntry& a, const FolderEntry& b) { return a.rel < b.rel; });
  if (entries.empty()) return Reject({folder, 0}, "empty folder (no readable files)");
  for (const FolderEntry& entry : entries) {
    std::string full = (fs::path(folder) / entry.rel).string();
    if (!entry.error.empty()) {
      Reject({full, 0}, entry.error);
    } else {
      ReadFile(full, entry.rel);
    }
  }
}

void Reader::ReadFile(const std::string& path, const std::string& id) {
  const DecompressedCache* cache = options_.decompressed_cache;
  if (EndsWith(Lower(path), ".warc.gz") &&
      (cache == nullptr || cache->files.count(path) == 0)) {
    return ReadGzipWarc(path, id);
  }
  Result<std::unique_ptr<ByteStream>> in = OpenCounted(path, options_);
  if (!in.ok()) return Reject({path, 0}, in.status().message());
  if (IsJsonLinesName(path)) return ReadJsonLines(**in, path, id);
  ReadTextOrWarc(std::move(*in), path, id, nullptr);
}

// Peeks at the first bytes: a WARC file is known by its first line.
void Reader::ReadTextOrWarc(std::unique_ptr<ByteStream> in, const std::string& path,
                            const std::string& id, io::GzipMemberStream* members) {
  Result<std::string> head = Peek(*in, 8);
  if (!head.ok()) return Reject({path, 0}, head.status().message());
  const bool warc = io::LooksLikeWarc(*head);
  std::unique_ptr<ByteStream> stream = io::WithPrefix(std::move(*head), std::move(in));
  if (warc) return ReadWarc(*stream, path, members);
  ReadText(*stream, path, id);
}

// A .warc.gz is decoded member by member (not through the shared
// decompressor), so that a damaged member costs one record, not the rest
// of the file.
void Reader::ReadGzipWarc(const std::string& path, const std::string& id) {
  Result<std::unique_ptr<ByteStream>> opened = io::OpenRaw(path);
  if (!opened.ok()) return Reject({path, 0}, opened.status().message());
  std::unique_ptr<ByteStream> raw = std::move(opened).value();
  if (options_.on_bytes) {
    raw = std::make_unique<CountingStream>(std::move(raw), options_.on_bytes);
  }
  Result<std::string> magic = Peek(*raw, 2);
  if (!magic.ok()) return Reject({path, 0}, magic.status().message());
  const bool gzip = *magic == "\x1F\x8B";
  raw = io::WithPrefix(std::move(*magic), std::move(raw));
  if (!gzip) {  // misnamed: the usual path
    Result<std::unique_ptr<ByteStream>> in = io::Decompress(std::move(raw));
    if (!in.ok()) return Reject({path, 0}, in.status().message());
    return ReadTextOrWarc(std::move(*in), path, id, nullptr);
  }
  auto members = std::make_unique<io::GzipMemberStream>(std::move(raw));
  io::GzipMemberStream* m = members.get();
  ReadTextOrWarc(std::move(members), path, id, m);
}

void Reader::ReadWarc(ByteStream& in, const std::string& path, io::GzipMemberStream* members) {
  io::WarcReader warc(&in, options_.max_record_bytes, options_.keep_original, members);
  for (;;) {
    Article article;
    switch (warc.Next(&article)) {
      case io::WarcReader::Kind::kEnd:
        return;
      case io::WarcReader::Kind::kSkipped:
        Skip();
        break;
      case io::WarcReader::Kind::kRejected:
        Reject({path, 0}, warc.reason());
        break;
      case io::WarcReader::Kind::kArticle:
        article.location = {path, 0};
        Accept(std::move(article));
        break;
    }
  }
}

void Reader::ReadStdin() {
  Result<std::unique_ptr<ByteStream>> in = OpenCounted("-", options_);
  if (!in.ok()) return Reject({"-", 0}, in.status().message());
  // Sniff the first non-space byte, then put everything read back.
  std::string head;
  char chunk[4096];
  size_t pos = 0;
  for (;;) {
    Result<size_t> got = (*in)->Read(chunk, sizeof(chunk));
    if (!got.ok()) return Reject({"-", 0}, got.status().message());
    if (*got == 0) break;
    head.append(chunk, *got);
    pos = FirstNonSpace(head);
    // Enough bytes to tell "WARC/1." too (reads may be short).
    if (pos < head.size() && head.size() >= 8) break;
  }
  bool json = pos < head.size() && head[pos] == '{';
  const bool warc = io::LooksLikeWarc(head);
  std::unique_ptr<ByteStream> stream = io::WithPrefix(std::move(head), std::move(*in));
  if (json) return ReadJsonLines(*stream, "-", "-");
  if (warc) return ReadWarc(*stream, "-", nullptr);
  ReadText(*stream, "-", "-");
}

void Reader::ReadText(ByteStream& in, const std::string& path, const std::string& id) {
  // Read through one chunk buffer and append: a small file costs its own
  // size, not a zero-filled 64 KiB (then 128 KiB) string.
  if (!chunk_) chunk_.reset(new char[kTextChunk]);  // not zeroed
  std::string bytes;
  const uint64_t limit = options_.max_record_bytes;
  for (;;) {
    const size_t want = static_cast<size_t>(
        std::min<uint64_t>(kTextChunk, limit + 1 - bytes.size()));
    Result<size_t> got = in.Read(chunk_.get(), want);
    if (!got.ok()) return Reject({path, 0}, got.status().message());
    bytes.append(chunk_.get(), *got);
    if (bytes.size() > limit) return Reject({path, 0}, TooLarge());
    if (*got == 0) break;
  }
  Article article;
  const bool html = web::IsHtmlName(path) || LooksLikeHtml(std::string_view(bytes).substr(0, 4096));
  Status status = html ? web::ParseHtmlArticle(bytes, "", &article)
                       : io::ParseTextArticle(bytes, &article);
  if (!status.ok()) return Reject({path, 0}, status.message());
  article.id = id;
  article.location = {path, 0};
  if (options_.keep_original) article.original = std::move(bytes);
  Accept(std::move(article));
}

void Reader::ReadJsonLines(ByteStream& in, const std::string& path,
                           const std::string& id_base) {
  io::LineReader lines(&in, options_.max_record_bytes, io::JsonPadding());
  const uint64_t before = summary_.read;
  for (;;) {
    io::LineReader::Kind kind = lines.Next();
    Location location{path, lines.line_number()};
    if (kind == io::LineReader::Kind::kEnd) break;
    if (kind == io::LineReader::Kind::kError) {
      Reject(location, lines.status().message());
      break;
    }
    if (kind == io::LineReader::Kind::kOversized) {
      Reject(location, TooLarge());
      continue;
    }
    HandleLine(lines.line(), location, id_base);
  }
  if (summary_.read == before) {
    Reject({path, 0}, lines.saw_no_bytes() ? "empty file" : "empty file (only blank lines)");
  }
}

void Reader::HandleLine(std::string_view line, const Location& location,
                        const std::string& id_base) {
  if (io::IsBlank(line)) return;  // blank lines are not records
  std::string_view json = line;
  if (location.line == 1 && json.substr(0, 3) == "\xEF\xBB\xBF") json.remove_prefix(3);
  Article article;
  std::string default_id = id_base + ":" + std::to_string(location.line);
  Status status = json_.Parse(json, /*padded=*/true, options_, default_id, &article);
  if (!status.ok()) return Reject(location, status.message());
  article.location = location;
  if (options_.keep_original) article.original = std::string(line);
  Accept(std::move(article));
}

Status ValidateOptions(const ReadOptions& options) {
  if (options.max_record_bytes == 0) {
    return InvalidArgumentError("max_record_bytes must be positive");
  }
  if (options.body_field.empty()) return InvalidArgumentError("body_field must not be empty");
  return Status::Ok();
}

}  // namespace

Result<ReadSummary> ReadInputs(const std::vector<std::string>& paths,
                               const ReadOptions& options,
                               const ArticleCallback& on_article,
                               const RejectedCallback& on_rejected) {
  RETURN_IF_ERROR(ValidateOptions(options));
  if (!on_article || !on_rejected) return InvalidArgumentError("callbacks must be set");
  Reader reader(options, on_article, on_rejected);
  for (const std::string& path : paths) reader.ReadPath(path);
  return reader.summary();
}

Result<ReadResult> ReadAll(const std::vector<std::string>& paths,
                           const ReadOptions& options) {
  ReadResult result;
  Result<ReadSummary> summary = ReadInputs(
      paths, options,
      [&](Article&& a) { result.articles.push_back(std::move(a)); },
      [&](Rejected&& r) { result.rejected.push_back(std::move(r)); });
  if (!summary.ok()) return summary.status();
  result.summary = *summary;
  return result;
}

}  // namespace twicetold
