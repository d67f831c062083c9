// Reading articles from files, folders, JSON lines and standard input.
//
// Input kinds, chosen per path:
//   "-"                      standard input, read as JSON lines if its first
//                            non-space byte is '{', else as one text article
//   a folder                 every regular file below it, recursively, in
//                            byte-wise sorted path order (hidden files skipped)
//   *.jsonl, *.json, *.ndjson (optionally + .gz / .zst / .xz)   JSON lines
//   a WARC file (*.warc, *.warc.gz, ...; recognised by its first bytes
//                            "WARC/1.")  one record per WARC record: HTML
//                            responses and resources become articles
//                            (extracted as for HTML files, id = target URI);
//                            requests, warcinfo, metadata, non-HTML and
//                            non-2xx responses are skipped (counted)
//   *.html, *.htm, *.xhtml, or a file whose text starts like an HTML
//   document (<!doctype html, <html, <head)   one article: the main content
//                            of the page and its metadata (twicetold/html.h)
//   anything else (optionally + .gz / .zst / .xz)          one text article:
//                            first non-empty line is the title, the rest the body
// Compression is recognised by magic bytes, not only by extension.
//
// Nothing is lost: every record becomes exactly one Article, one Rejected,
// or one skipped count, and ReadSummary counts add up
// (read == accepted + skipped + rejected).
#ifndef TWICETOLD_IO_H_
#define TWICETOLD_IO_H_

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "twicetold/document.h"
#include "twicetold/status.h"

namespace twicetold {

// Decompressed bytes of compressed input files, kept by one read for the
// next, so that a caller reading its inputs twice decodes each file once.
// Bounded: while `fill` is set, a compressed file is kept only if, with
// what is already held, it fits in `budget_bytes` (buffer capacity
// counted); one that would not fit is dropped (and decoded again next
// time). Not thread-safe; clear `files` to free the memory.
struct DecompressedCache {
  struct File {
    // The file's decompressed bytes, in order, in chunks of at most a few
    // MiB (no reallocation copies while a large file is kept).
    std::vector<std::string> chunks;
    uint64_t size = 0;         // bytes in all chunks
    uint64_t stored_size = 0;  // its size on disk (for ReadOptions::on_bytes)
  };
  uint64_t budget_bytes = 0;
  bool fill = true;                   // false: only read what is there
  uint64_t held_bytes = 0;            // capacity of the kept buffers
  std::map<std::string, File> files;  // by path as given to the reader
};

struct ReadOptions {
  // Behaviour.
  // JSON field names that fill the Article.
  std::string id_field = "id";
  std::string title_field = "title";
  std::string body_field = "text";
  std::string source_field = "source";
  std::string url_field = "url";
  std::string published_field = "published";
  // Records (a text file, or one JSON line) larger than this many bytes,
  // after decompression, are rejected.
  uint64_t max_record_bytes = 10ull << 20;
  // Keep Article::original (costs memory equal to the input size).
  bool keep_original = true;
  // Called, from the reading thread, with the number of input bytes (as
  // stored, before decompression) each time more are read. May be empty.
  std::function<void(uint64_t bytes)> on_bytes;
  // When set, "-" reads these bytes instead of standard input (not owned;
  // lets a caller read standard input twice).
  const std::string* stdin_bytes = nullptr;
  // When set, compressed files are read from it when held there, and
  // kept in it as they are decoded (see DecompressedCache). Not owned.
  DecompressedCache* decompressed_cache = nullptr;
};

struct ReadSummary {
  uint64_t read = 0;      // records seen
  uint64_t accepted = 0;  // records delivered as Articles
  uint64_t rejected = 0;  // records delivered as Rejected
  // Records that are not articles (WARC requests, warcinfo, metadata,
  // non-HTML responses). Last, so {read, accepted, rejected} still reads.
  uint64_t skipped = 0;
};

using ArticleCallback = std::function<void(Article&& article)>;
using RejectedCallback = std::function<void(Rejected&& rejected)>;

// Reads every path in order, calling `on_article` for each accepted record
// and `on_rejected` for each rejected one, in input order. A missing or
// unreadable path is itself one rejected record. Returns the counts; the
// Status is an error only for a problem that is not about one record
// (e.g. invalid options).
Result<ReadSummary> ReadInputs(const std::vector<std::string>& paths,
                               const ReadOptions& options,
                               const ArticleCallback& on_article,
                               const RejectedCallback& on_rejected);

// Convenience: collects everything into vectors.
struct ReadResult {
  std::vector<Article> articles;
  std::vector<Rejected> rejected;
  ReadSummary summary;
};
Result<ReadResult> ReadAll(const std::vector<std::string>& paths,
                           const ReadOptions& options);

// Parses one JSON object (one JSON-lines record, e.g. the body of an HTTP
// request) into an Article with exactly the field names, field rules and
// rejection reasons of the JSON-lines reader: "record larger than N bytes"
// (options.max_record_bytes), a CheckText reason (invalid UTF-8, binary),
// "malformed JSON: ...", "not a JSON object", "field \"x\" is not a
// string", "no title and no text (empty record)"; a record with a title and
// no text is headline-only. A missing or null id becomes `default_id`.
// Errors are kCorruption with the reason as message(). The location is
// left empty; `original` holds `json` when options.keep_original.
// Thread-safe.
Result<Article> ParseArticleJson(std::string_view json, const ReadOptions& options,
                                 std::string_view default_id);

}  // namespace twicetold

#endif  // TWICETOLD_IO_H_
