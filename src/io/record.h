// Turning the bytes of one record into an Article, or into the reason it
// was rejected. Internal to src/io. A rejection is a non-ok Status whose
// message() is the one-line reason given to the user.
#ifndef TWICETOLD_IO_RECORD_H_
#define TWICETOLD_IO_RECORD_H_

#include <cstddef>
#include <memory>
#include <string_view>

#include "twicetold/document.h"
#include "twicetold/io.h"
#include "twicetold/status.h"

namespace twicetold::io {

// Bytes every line buffer handed to JsonLineParser::Parse keeps after its
// end (simdjson's SIMDJSON_PADDING, exposed without its header).
size_t JsonPadding();

// Rejects bytes that are not text: "binary data (NUL byte at byte N)",
// "binary data (not text)", or "invalid UTF-8 at byte N". Offsets are
// 0-based bytes into `bytes`.
Status CheckText(std::string_view bytes);

// Offset of the first byte of the first invalid UTF-8 sequence (overlongs,
// surrogates and code points past U+10FFFF are invalid), or npos.
size_t FindInvalidUtf8(std::string_view bytes);

// Fills title and body of `article` from a plain-text file: the first
// non-blank line (trimmed) is the title; the rest, without leading blank
// lines and trailing whitespace, is the body (otherwise byte-for-byte).
// A UTF-8 byte order mark is ignored. A file holding only a title line is
// a headline-only article (CompleteHeadlineOnly). Errors (kCorruption):
// "empty file", "empty file (only whitespace)", or a CheckText reason.
Status ParseTextArticle(std::string_view bytes, Article* article);

// A record with a title and a blank body is a headline-only article (wire
// alerts, headline feeds): its body becomes the trimmed title, so every
// analysis runs on it, and Article::headline_only is set. A record with
// neither is rejected: "no <title_field> and no <body_field> (empty record)".
Status CompleteHeadlineOnly(Article* article, std::string_view body_field,
                            std::string_view title_field);

// True when the line holds only ASCII whitespace (such lines are skipped).
bool IsBlank(std::string_view line);

// Parses JSON lines with simdjson, reusing its buffers across lines.
// Not thread-safe.
class JsonLineParser {
 public:
  JsonLineParser();
  ~JsonLineParser();

  // Fills `article` (all fields except location / original) from one
  // JSON object. `padded` says the JsonPadding() bytes after `line` are
  // readable, so no copy is made. A missing or null id becomes
  // `default_id`. Errors (kCorruption): a CheckText reason,
  // "malformed JSON: ...", "not a JSON object", "field \"x\" is not a
  // string", "no title and no text (empty record)". A record without a
  // body (absent, null or blank) but with a title is headline-only.
  Status Parse(std::string_view line, bool padded, const ReadOptions& options,
               std::string_view default_id, Article* article);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace twicetold::io

#endif  // TWICETOLD_IO_RECORD_H_
