#include "io/warc_reader.h"

#include <algorithm>
#include <cstring>
#include <optional>

#include "web/dom.h"
#include "io/gzip_members.h"
#include "web/html_record.h"
#include "web/http.h"

namespace twicetold::io {

using web::HeaderValue;
using web::HttpResponse;
using web::LowerAscii;
using web::ParseHtmlArticle;
using web::ParseHttpResponse;
using web::TrimSpace;


// A buffered view of the stream that counts the bytes consumed.
struct WarcReader::Input {
  explicit Input(ByteStream* stream) : stream(stream), buf(new char[kSize]) {}

  static constexpr size_t kSize = 64 << 10;

  // Makes at least one byte available; false at the end or on error.
  bool Fill() {
    if (pos < len) return true;
    if (!status.ok()) return false;
    Result<size_t> got = stream->Read(buf.get(), kSize);
    if (!got.ok()) {
      status = got.status();
      return false;
    }
    pos = 0;
    len = *got;
    return len > 0;
  }

  // Reads one line (without CRLF / LF) of at most `max` bytes; longer lines
  // are cut (the rest is consumed). False when nothing is left.
  bool ReadLine(std::string* line, size_t max) {
    line->clear();
    bool any = false;
    while (Fill()) {
      any = true;
      const char* start = buf.get() + pos;
      const char* nl = static_cast<const char*>(std::memchr(start, '\n', len - pos));
      const size_t n = nl == nullptr ? len - pos : static_cast<size_t>(nl - start);
      if (line->size() < max) line->append(start, std::min(n, max - line->size()));
      pos += n;
      offset += n;
      if (nl != nullptr) {
        ++pos;
        ++offset;
        break;
      }
    }
    if (!line->empty() && line->back() == '\r') line->pop_back();
    return any;
  }

  // Reads (into `out` when not null) or skips up to `n` bytes; returns the
  // count, less than `n` only at the end of the stream.
  uint64_t Take(uint64_t n, std::string* out) {
    uint64_t done = 0;
    while (done < n && Fill()) {
      const size_t k = static_cast<size_t>(std::min<uint64_t>(n - done, len - pos));
      if (out != nullptr) out->append(buf.get() + pos, k);
      pos += k;
      offset += k;
      done += k;
    }
    return done;
  }

  ByteStream* stream;
  std::unique_ptr<char[]> buf;
  size_t pos = 0;
  size_t len = 0;
  uint64_t offset = 0;
  Status status;
  std::string pending_line;  // a version line found while resynchronising
  bool has_pending = false;
  uint64_t pending_offset = 0;
};

namespace {

constexpr size_t kMaxHeaderLine = 64 << 10;
constexpr size_t kMaxHeaderBytes = 256 << 10;

bool IsVersionLine(std::string_view line) { return line.substr(0, 7) == "WARC/1."; }

bool IsHtmlType(std::string_view content_type) {
  const std::string type = LowerAscii(TrimSpace(content_type.substr(0, content_type.find(';'))));
  return type == "text/html" || type == "application/xhtml+xml";
}

}  // namespace

bool LooksLikeWarc(std::string_view head) { return IsVersionLine(head); }

WarcReader::WarcReader(ByteStream* in, uint64_t max_record_bytes, bool keep_original,
                       GzipMemberStream* members)
    : in_(std::make_unique<Input>(in)),
      members_(members),
      max_record_bytes_(max_record_bytes),
      keep_original_(keep_original) {}

WarcReader::~WarcReader() = default;

WarcReader::Kind WarcReader::Reject(std::string why) {
  reason_ = "record at byte " + std::to_string(record_offset_) + ": " + std::move(why);
  return Kind::kRejected;
}

WarcReader::Kind WarcReader::Next(Article* article) {
  if (done_) return Kind::kEnd;
  std::string headers;
  if (std::optional<Kind> stop = ReadHeaders(&headers)) return *stop;
  const std::string length_text = HeaderValue(headers, "content-length");
  if (length_text.empty() || length_text.size() > 18 ||
      !std::all_of(length_text.begin(), length_text.end(),
                   [](char c) { return c >= '0' && c <= '9'; })) {
    Resync();
    return Reject("missing or malformed Content-Length");
  }
  uint64_t length = 0;
  for (char c : length_text) length = length * 10 + static_cast<uint64_t>(c - '0');
  const std::string type = LowerAscii(HeaderValue(headers, "warc-type"));
  const std::string block_type = HeaderValue(headers, "content-type");
  const bool may_be_article =
      type == "resource" ? IsHtmlType(block_type)
                         : (type == "response" &&
                            LowerAscii(block_type).find("application/http") != std::string::npos);
  // Records that cannot be articles, and oversized ones, are passed over
  // without being held.
  const bool hold = may_be_article && length <= max_record_bytes_;
  std::string content;
  if (std::optional<Kind> stop = ReadContent(length, hold ? &content : nullptr)) return *stop;
  if (!may_be_article) return Kind::kSkipped;
  if (!hold) return Reject("record larger than " + std::to_string(max_record_bytes_) + " bytes");
  return ToArticle(headers, std::move(content), article);
}

// Reads the version line and the header lines of the next record into
// `headers` (one "Name: value\n" per line); nullopt when they are whole.
std::optional<WarcReader::Kind> WarcReader::ReadHeaders(std::string* headers) {
  std::string line;
  if (in_->has_pending) {
    line = std::move(in_->pending_line);
    in_->has_pending = false;
    record_offset_ = in_->pending_offset;
  } else {
    do {  // records are separated by CRLF CRLF; tolerate any blank lines
      record_offset_ = in_->offset;
      if (!in_->ReadLine(&line, kMaxHeaderLine)) {
        if (in_->status.ok()) {
          done_ = true;
          return Kind::kEnd;
        }
        const std::string why = in_->status.message();
        StopOrResume();
        return Reject(why);
      }
    } while (TrimSpace(line).empty());
  }
  if (!IsVersionLine(line)) {
    Resync();  // what lies before the next record is one rejected record
    return Reject("not a WARC record (expected \"WARC/1.x\")");
  }
  for (;;) {
    const uint64_t line_at = in_->offset;
    if (!in_->ReadLine(&line, kMaxHeaderLine)) {
      const std::string why = "truncated WARC header" +
          (in_->status.ok() ? std::string() : ": " + in_->status.message());
      StopOrResume();
      return Reject(why);
    }
    if (line.empty()) return std::nullopt;
    if (IsVersionLine(line)) {  // a new record began: this header had no end
      in_->pending_line = std::move(line);
      in_->has_pending = true;
      in_->pending_offset = line_at;
      return Reject("WARC header without an end (blank line)");
    }
    *headers += line;
    *headers += '\n';
    if (headers->size() > kMaxHeaderBytes) {
      Resync();
      return Reject("WARC header larger than " + std::to_string(kMaxHeaderBytes) + " bytes");
    }
  }
}

// Skips to the next "WARC/1." line (kept for Next) or to the end.
void WarcReader::Resync() {
  std::string line;
  for (uint64_t at = in_->offset; in_->ReadLine(&line, kMaxHeaderLine); at = in_->offset) {
    if (IsVersionLine(line)) {
      in_->pending_line = std::move(line);
      in_->has_pending = true;
      in_->pending_offset = at;
      return;
    }
  }
  StopOrResume();
}

// After the stream failed or ended: goes on at the next gzip member when
// reading a gzip WARC member by member and there is one, else stops.
void WarcReader::StopOrResume() {
  if (members_ == nullptr || in_->status.ok() || !members_->SkipToNextMember()) {
    done_ = true;
    return;
  }
  in_->pos = 0;
  in_->len = 0;
  in_->status = Status::Ok();
  in_->has_pending = false;
}

// Reads (into `content` when not null) or skips a record's content block;
// nullopt when it is whole.
std::optional<WarcReader::Kind> WarcReader::ReadContent(uint64_t length, std::string* content) {
  if (content != nullptr) content->reserve(static_cast<size_t>(length));
  const uint64_t got = in_->Take(length, content);
  if (got == length) return std::nullopt;
  std::string why = "truncated (found " + std::to_string(got) + " of " +
                    std::to_string(length) + " content bytes)";
  if (!in_->status.ok()) why += ": " + in_->status.message();
  StopOrResume();
  return Reject(why);
}

WarcReader::Kind WarcReader::ToArticle(const std::string& headers, std::string&& content,
                                       Article* article) {
  const std::string type = LowerAscii(HeaderValue(headers, "warc-type"));
  std::string content_type = HeaderValue(headers, "content-type");
  std::string payload;
  if (type == "response") {
    HttpResponse response;
    Status status = ParseHttpResponse(content, max_record_bytes_, &response);
    if (!status.ok()) return Reject(status.message());
    if (response.status < 200 || response.status > 299) return Kind::kSkipped;
    if (!IsHtmlType(response.content_type)) return Kind::kSkipped;
    content_type = std::move(response.content_type);
    payload = std::move(response.body);
  } else {
    payload = std::move(content);
  }
  *article = Article();
  Status status = ParseHtmlArticle(payload, content_type, article);
  if (!status.ok()) return Reject(status.message());
  std::string uri = HeaderValue(headers, "warc-target-uri");
  if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') {  // WARC 1.0 style
    uri = uri.substr(1, uri.size() - 2);
  }
  article->id = uri.empty() ? HeaderValue(headers, "warc-record-id") : uri;
  if (article->url.empty()) article->url = uri;
  if (article->published.empty()) article->published = HeaderValue(headers, "warc-date");
  if (keep_original_) {
    article->original = std::move(payload);
  } else {
    article->body_map.clear();
  }
  return Kind::kArticle;
}

}  // namespace twicetold::io
