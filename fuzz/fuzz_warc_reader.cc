// Fuzzes the WARC reader through ReadAll (include/twicetold/io.h).
//
// Input: byte 0 picks the options: bit 0 gzip-compresses the rest as one
// member (in.warc.gz, else in.warc), bit 1 turns keep_original off, bit 2
// makes max_record_bytes 64 + byte 1 (so the size limit is hit); the rest
// is the file. Asserts: ReadAll succeeds; read == accepted + skipped +
// rejected and the vectors match the counts; an input starting "WARC/1."
// is read as WARC (ids are target URIs or record ids, never the path);
// every accepted body is non-empty valid UTF-8 and its body_map stays
// inside body and original (when kept); every rejection reason is one
// non-empty line.

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

using fz::Gzip;
using fz::WriteTemp;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  twicetold::ReadOptions options;
  options.keep_original = (data[0] & 2) == 0;
  if (data[0] & 4) options.max_record_bytes = 64 + data[1];
  const std::string_view content(reinterpret_cast<const char*>(data) + 2, size - 2);
  const bool gzip = data[0] & 1;
  const std::string path =
      WriteTemp(gzip ? "in.warc.gz" : "in.warc", gzip ? Gzip(content) : std::string(content));
  twicetold::Result<twicetold::ReadResult> result = twicetold::ReadAll({path}, options);
  FUZZ_CHECK(result.ok());
  const twicetold::ReadSummary& s = result->summary;
  FUZZ_CHECK(s.read == s.accepted + s.skipped + s.rejected);
  FUZZ_CHECK(result->articles.size() == s.accepted);
  FUZZ_CHECK(result->rejected.size() == s.rejected);
  const bool warc = content.substr(0, 7) == "WARC/1.";
  for (const twicetold::Article& a : result->articles) {
    FUZZ_CHECK(!a.body.empty());
    FUZZ_CHECK(fz::IsValidUtf8(a.body));
    if (warc) FUZZ_CHECK(a.id != path);
    for (const twicetold::SourceRun& run : a.body_map) {
      FUZZ_CHECK(run.body + run.length <= a.body.size());
      if (options.keep_original) {
        FUZZ_CHECK(static_cast<uint64_t>(run.original) + run.length <= a.original.size());
      }
    }
  }
  for (const twicetold::Rejected& r : result->rejected) {
    FUZZ_CHECK(!r.reason.empty());
    FUZZ_CHECK(r.reason.find('\n') == std::string::npos);
  }
  return 0;
}
