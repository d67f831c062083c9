// Reading WARC files (WARC 1.0 / 1.1, ISO 28500): records one at a time
// from a byte stream (decompressed already: a .warc.gz is a multi-member
// gzip stream, which io::Decompress undoes). Internal to src/io.
//
// Memory is bounded: one record's content is held at a time, at most
// `max_record_bytes`; larger records and records that cannot be articles
// are passed over in chunks without being held.
#ifndef TWICETOLD_IO_WARC_READER_H_
#define TWICETOLD_IO_WARC_READER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "io/byte_stream.h"
#include "twicetold/document.h"

namespace twicetold::io {

class GzipMemberStream;

// Not thread-safe; `in` must outlive the reader.
class WarcReader {
 public:
  enum class Kind {
    kArticle,   // an HTML response or resource became an Article
    kSkipped,   // a record that is not an article: request, warcinfo,
                // metadata, revisit, non-HTML or non-2xx responses
    kRejected,  // a damaged record, or a page without article text; see reason()
    kEnd,       // no more records
  };

  // `members`, when not null, is `in` itself decoding a gzip WARC member
  // by member: after a damaged member the reader rejects the record under
  // way and goes on at the next member instead of ending.
  WarcReader(ByteStream* in, uint64_t max_record_bytes, bool keep_original,
             GzipMemberStream* members = nullptr);
  ~WarcReader();

  // Reads the next record. For kArticle, fills `article`: id = the
  // WARC-Target-URI (or the record id), url = the page's canonical URL or
  // the target URI, published = the page's date or the WARC-Date, original
  // = the HTTP payload (decoded) when keep_original. After a damaged
  // header the reader looks for the next "WARC/1." line; after a stream
  // error or a truncated record it ends (for a damaged gzip member read
  // through `members`: it resumes at the next member).
  Kind Next(Article* article);

  // Why the last kRejected record was rejected, e.g. "record at byte 1234:
  // truncated (found 100 of 5000 content bytes)".
  const std::string& reason() const { return reason_; }
  // Offset, in the decompressed stream, of the last record's first byte.
  uint64_t record_offset() const { return record_offset_; }

 private:
  struct Input;
  Kind Reject(std::string why);
  void Resync();
  void StopOrResume();
  std::optional<Kind> ReadHeaders(std::string* headers);
  std::optional<Kind> ReadContent(uint64_t length, std::string* content);
  Kind ToArticle(const std::string& headers, std::string&& content, Article* article);

  std::unique_ptr<Input> in_;
  GzipMemberStream* members_;
  uint64_t max_record_bytes_;
  bool keep_original_;
  std::string reason_;
  uint64_t record_offset_ = 0;
  bool done_ = false;
};

// True when `head` (the first bytes of a decompressed file) starts a WARC
// file: "WARC/1." at its very start.
bool LooksLikeWarc(std::string_view head);

}  // namespace twicetold::io

#endif  // TWICETOLD_IO_WARC_READER_H_
