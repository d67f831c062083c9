// Article: one version of a news story as read from its input, before any
// cleaning or analysis. Plain data; thread-compatible.
#ifndef TWICETOLD_DOCUMENT_H_
#define TWICETOLD_DOCUMENT_H_

#include <cstdint>
#include <string>

namespace twicetold {

// Where a record came from: a file (or "-" for standard input) and, for
// line-oriented inputs, the 1-based line number (0 when not applicable).
struct Location {
  std::string file;
  uint64_t line = 0;

  // "file:line", or "file" when line is 0.
  std::string ToString() const;
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
  Location location;      // where the record was read
  // The bytes the article was read from: the whole file for a text file,
  // the raw line for a JSON line.
  std::string original;
  // The record had a title and no body (a wire alert, a headline feed): the
  // reader made the title its body, so it is analysed, fingerprinted and
  // clustered from its title and spans point into that text.
  bool headline_only = false;
};

// A record that could not become an Article, with the reason why.
struct Rejected {
  Location location;
  std::string reason;  // one line, human-readable, e.g. "invalid UTF-8 at byte 17"
};

}  // namespace twicetold

#endif  // TWICETOLD_DOCUMENT_H_
