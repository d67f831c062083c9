// HTTP/1.x responses as stored in WARC response records. Internal to
// src/web.
#ifndef TWICETOLD_WEB_HTTP_H_
#define TWICETOLD_WEB_HTTP_H_

#include <string>
#include <string_view>

#include "twicetold/status.h"

namespace twicetold::web {

struct HttpResponse {
  int status = 0;
  std::string content_type;  // the Content-Type header, as given
  std::string body;          // de-chunked and decoded (gzip / deflate)
};

// The value of header `name` (case-insensitive) in `headers` (lines
// "Name: value" separated by CRLF or LF), trimmed, or "".
std::string HeaderValue(std::string_view headers, std::string_view name);

// Parses a status line, headers and body; undoes chunked transfer encoding
// and gzip / deflate / x-gzip content encoding (identity passes through).
// The decoded body is capped at `max_body_bytes`. Errors (kCorruption):
// "malformed HTTP status line", "truncated HTTP headers", "malformed
// chunked body", "corrupt gzip content", "decoded body larger than N
// bytes", "unsupported content encoding X".
Status ParseHttpResponse(std::string_view bytes, uint64_t max_body_bytes, HttpResponse* out);

}  // namespace twicetold::web

#endif  // TWICETOLD_WEB_HTTP_H_
