// Fuzzes the readers (include/twicetold/io.h): JSON lines and text
// articles, plain or compressed, through ReadAll on a temporary file.
//
// Input: byte 0 picks the file kind (low 3 bits, see kKinds) and the
// options (bit 3: keep_original off; bit 4: max_record_bytes becomes
// 1 + byte 1 % 128, so the size limit is hit); the rest is the file
// content. Kinds either write the bytes as they are under a plain or a
// compressed-looking name (garbage for the decompressors), or compress
// them first (so the readers behind the decompressors see the payload).
// Asserts that ReadAll succeeds, the counts add up (read == accepted +
// rejected, at least one record per file) and match what was delivered,
// every accepted body is non-empty valid UTF-8, every rejection reason is
// one non-empty line, and a plain text file keeps its bytes as `original`.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "fuzz_encode.h"
#include "fuzz_temp.h"
#include "twicetold/io.h"

namespace {

namespace fz = twicetold::fuzz;

enum class Compress { kNone, kGzip, kZstd, kXz };

struct Kind {
  const char* name;
  Compress compress;
};

constexpr Kind kKinds[8] = {
    {"in.jsonl", Compress::kNone},    {"in.txt", Compress::kNone},
    {"in.jsonl.gz", Compress::kNone}, {"in.jsonl.zst", Compress::kNone},
    {"in.txt.xz", Compress::kNone},   {"in.jsonl.gz", Compress::kGzip},
    {"in.ndjson.zst", Compress::kZstd}, {"in.txt.xz", Compress::kXz},
};

using fz::Gzip;
using fz::Xz;
using fz::Zstd;

std::string Encode(Compress compress, std::string_view in) {
  switch (compress) {
    case Compress::kNone: return std::string(in);
    case Compress::kGzip: return Gzip(in);
    case Compress::kZstd: return Zstd(in);
    case Compress::kXz: return Xz(in);
  }
  return std::string(in);
}

using fz::WriteTemp;

void CheckResult(const twicetold::ReadResult& r) {
  const twicetold::ReadSummary& s = r.summary;
  FUZZ_CHECK(s.read == s.accepted + s.skipped + s.rejected);
  FUZZ_CHECK(s.read >= 1);
  FUZZ_CHECK(r.articles.size() == s.accepted);
  FUZZ_CHECK(r.rejected.size() == s.rejected);
  for (const twicetold::Article& a : r.articles) {
    FUZZ_CHECK(!a.body.empty());
    FUZZ_CHECK(fz::IsValidUtf8(a.body));
  }
  for (const twicetold::Rejected& rej : r.rejected) {
    FUZZ_CHECK(!rej.reason.empty());
    FUZZ_CHECK(rej.reason.find('\n') == std::string::npos);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  const Kind& kind = kKinds[data[0] & 7];
  twicetold::ReadOptions options;
  options.keep_original = (data[0] & 8) == 0;
  if (data[0] & 16) options.max_record_bytes = 1 + data[1] % 128;
  const std::string_view content(reinterpret_cast<const char*>(data) + 2,
                                 size - 2);
  const std::string path = WriteTemp(kind.name, Encode(kind.compress, content));

  twicetold::Result<twicetold::ReadResult> result =
      twicetold::ReadAll({path}, options);
  FUZZ_CHECK(result.ok());
  CheckResult(*result);
  // A plain text file is one record; accepted, it holds all its bytes
  // (unless they start like a compressed stream: "BZh", xz, gzip, zstd).
  const bool plain_text = (data[0] & 7) == 1 &&
                          (content.empty() || (content[0] != 'B' &&
                                               content[0] != '\xFD' &&
                                               content[0] != '\x1F' &&
                                               content[0] != '\x28'));
  // (A text file that starts "WARC/1." is read as a WARC file.)
  if ((data[0] & 7) == 1 && content.substr(0, 7) != "WARC/1.") {
    FUZZ_CHECK(result->summary.read == 1);
  }
  if (plain_text && options.keep_original && result->summary.accepted == 1) {
    FUZZ_CHECK(result->articles[0].original == content);
  }
  return 0;
}
