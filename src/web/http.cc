#include "web/http.h"

#include <zlib.h>

#include "web/dom.h"

namespace twicetold::web {
namespace {

// Splits off the first line of `*rest` (without CRLF / LF).
std::string_view TakeLine(std::string_view* rest) {
  const size_t nl = rest->find('\n');
  std::string_view line = rest->substr(0, nl);
  rest->remove_prefix(nl == std::string_view::npos ? rest->size() : nl + 1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

Status Dechunk(std::string_view in, uint64_t max_bytes, std::string* out) {
  for (;;) {
    if (in.empty()) return CorruptionError("malformed chunked body (truncated)");
    std::string_view size_line = TakeLine(&in);
    size_line = size_line.substr(0, size_line.find(';'));  // chunk extensions
    size_line = TrimSpace(size_line);
    if (size_line.empty() || size_line.size() > 15) {
      return CorruptionError("malformed chunked body (bad chunk size)");
    }
    uint64_t size = 0;
    for (char c : size_line) {
      int digit = (c >= '0' && c <= '9') ? c - '0'
                  : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                  : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
      if (digit < 0) return CorruptionError("malformed chunked body (bad chunk size)");
      size = size * 16 + static_cast<uint64_t>(digit);
    }
    if (size == 0) return Status::Ok();  // trailers, if any, are ignored
    if (size > in.size()) return CorruptionError("malformed chunked body (truncated chunk)");
    if (out->size() + size > max_bytes) {
      return CorruptionError("decoded body larger than " + std::to_string(max_bytes) + " bytes");
    }
    out->append(in.substr(0, size));
    in.remove_prefix(size);
    TakeLine(&in);  // the CRLF after the chunk
  }
}

// gzip or zlib / raw deflate (servers disagree about "deflate").
Status Inflate(std::string_view in, bool gzip, uint64_t max_bytes, std::string* out) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    z_stream z{};
    const int bits = gzip ? 16 + MAX_WBITS : (attempt == 0 ? MAX_WBITS : -MAX_WBITS);
    if (inflateInit2(&z, bits) != Z_OK) return InternalError("zlib initialisation failed");
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    out->clear();
    char buf[64 << 10];
    int rc = Z_OK;
    while (rc == Z_OK) {
      z.next_out = reinterpret_cast<Bytef*>(buf);
      z.avail_out = sizeof(buf);
      rc = inflate(&z, Z_NO_FLUSH);
      out->append(buf, sizeof(buf) - z.avail_out);
      if (out->size() > max_bytes) {
        inflateEnd(&z);
        return CorruptionError("decoded body larger than " + std::to_string(max_bytes) +
                               " bytes");
      }
      if (rc == Z_BUF_ERROR && z.avail_in == 0) break;  // truncated
    }
    inflateEnd(&z);
    if (rc == Z_STREAM_END) return Status::Ok();
    if (gzip || attempt == 1) {
      return CorruptionError(std::string("corrupt ") + (gzip ? "gzip" : "deflate") + " content");
    }
  }
  return CorruptionError("corrupt deflate content");
}

}  // namespace

std::string HeaderValue(std::string_view headers, std::string_view name) {
  const std::string want = LowerAscii(name);
  while (!headers.empty()) {
    std::string_view line = TakeLine(&headers);
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    if (LowerAscii(TrimSpace(line.substr(0, colon))) == want) {
      return std::string(TrimSpace(line.substr(colon + 1)));
    }
  }
  return "";
}

Status ParseHttpResponse(std::string_view bytes, uint64_t max_body_bytes, HttpResponse* out) {
  size_t end = bytes.find("\r\n\r\n");
  size_t body_at = end == std::string_view::npos ? end : end + 4;
  if (end == std::string_view::npos) {
    end = bytes.find("\n\n");
    body_at = end == std::string_view::npos ? end : end + 2;
  }
  if (end == std::string_view::npos) return CorruptionError("truncated HTTP headers");
  std::string_view head = bytes.substr(0, end);
  const std::string_view status_line = TakeLine(&head);
  if (status_line.substr(0, 5) != "HTTP/" || status_line.size() < 12 ||
      status_line[8] != ' ') {
    return CorruptionError("malformed HTTP status line");
  }
  out->status = 0;
  for (size_t i = 9; i < 12; ++i) {
    if (status_line[i] < '0' || status_line[i] > '9') {
      return CorruptionError("malformed HTTP status line");
    }
    out->status = out->status * 10 + (status_line[i] - '0');
  }
  out->content_type = HeaderValue(head, "content-type");
  std::string_view body = bytes.substr(body_at);
  std::string dechunked;
  if (LowerAscii(HeaderValue(head, "transfer-encoding")).find("chunked") != std::string::npos) {
    RETURN_IF_ERROR(Dechunk(body, max_body_bytes, &dechunked));
    body = dechunked;
  }
  const std::string encoding = LowerAscii(HeaderValue(head, "content-encoding"));
  if (encoding.empty() || encoding == "identity") {
    if (body.size() > max_body_bytes) {
      return CorruptionError("decoded body larger than " + std::to_string(max_body_bytes) +
                             " bytes");
    }
    out->body = std::string(body);
    return Status::Ok();
  }
  if (encoding == "gzip" || encoding == "x-gzip" || encoding == "deflate") {
    return Inflate(body, encoding != "deflate", max_body_bytes, &out->body);
  }
  return CorruptionError("unsupported content encoding " + encoding);
}

}  // namespace twicetold::web
