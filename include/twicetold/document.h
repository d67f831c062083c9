// Article: one version of a news story as read from its input, before any
// cleaning or analysis. Plain data; thread-compatible.
#ifndef TWICETOLD_DOCUMENT_H_
#define TWICETOLD_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <vector>

namespace twicetold {

// Where a record came from: a file (or "-" for standard input) and, for
// line-oriented inputs, the 1-based line number (0 when not applicable).
struct Location {
  std::string file;
  uint64_t line = 0;

  // "file:line", or "file" when line is 0.
  std::string ToString() const;
};

// A run of `length` bytes of Article::body, starting at `body`, copied from
// Article::original starting at `original` (bytes that were decoded from
// entities or charsets map several-to-one; see OriginalOffset).
struct SourceRun {
  uint32_t body = 0;
  uint32_t original = 0;
  uint32_t length = 0;
  friend bool operator==(const SourceRun&, const SourceRun&) = default;
};

// One article. `body` is the text exactly as given by the input (valid
// UTF-8, not normalized); every span twicetold reports for an article is an
// offset into `body` (bytes inside the library, code points at the JSON and
// Python edge).
struct Article {
  std::string id;         // from the input, or derived from file name / line
  std::string title;      // may be empty
  std::string body;       // non-empty, valid UTF-8 (see headline_only)
  std::string source;     // outlet name, may be empty
  std::string url;        // may be empty
  std::string published;  // as given (ISO 8601 date or date-time), may be empty
  std::vector<std::string> authors;  // from page metadata (HTML), may be empty
  std::string site;       // site name from page metadata (HTML), may be empty
  std::string language;   // BCP 47 tag from page metadata (HTML), may be empty
  Location location;      // where the record was read
  // The bytes the article was read from: the whole file for a text file,
  // the raw line for a JSON line, the page for HTML (for WARC: the HTTP
  // payload, decoded from its transfer and content encodings).
  std::string original;
  // The record had a title and no body (a wire alert, a headline feed): the
  // reader made the title its body, so it is analysed, fingerprinted and
  // clustered from its title and spans point into that text.
  bool headline_only = false;
  // For a body extracted from markup (HTML, WARC): where its bytes came
  // from in `original`, sorted by `body`, non-overlapping. Bytes between
  // runs (inserted separators and list bullets) map to no source byte.
  // Empty for plain text and JSON lines.
  std::vector<SourceRun> body_map;
};

// The byte of Article::original that byte `body_offset` of the body came
// from, through `body_map`: the run holding it, else the end of the last
// run before it (0 when there is none). Meaningful only when body_map is
// non-empty and the body was extracted from `original`.
uint32_t OriginalOffset(const std::vector<SourceRun>& body_map,
                        uint32_t body_offset);

// A record that could not become an Article, with the reason why.
struct Rejected {
  Location location;
  std::string reason;  // one line, human-readable, e.g. "invalid UTF-8 at byte 17"
};

}  // namespace twicetold

#endif  // TWICETOLD_DOCUMENT_H_
