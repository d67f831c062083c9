// Fuzzes HTML extraction (include/twicetold/html.h): ExtractHtml and
// LooksLikeHtml on any bytes.
//
// Input: byte 0 picks the HTTP Content-Type given (low 2 bits: none,
// utf-8, windows-1252, shift_jis) and a small retry threshold (bit 2);
// the rest is the page. Asserts: ExtractHtml succeeds (any bytes are a
// page to an HTML5 parser); body, title, published, url, site, language
// and authors are valid UTF-8 and the body has no NUL; body_map runs are
// sorted, non-overlapping, inside the body and inside the page.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "twicetold/html.h"

namespace {

namespace fz = twicetold::fuzz;

constexpr const char* kContentTypes[4] = {"", "text/html; charset=utf-8",
                                          "text/html; charset=windows-1252",
                                          "text/html;charset=Shift_JIS"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  twicetold::HtmlOptions options;
  options.content_type = kContentTypes[data[0] & 3];
  if (data[0] & 4) options.retry_below_bytes = 20;
  const std::string_view page(reinterpret_cast<const char*>(data) + 1, size - 1);
  (void)twicetold::LooksLikeHtml(page);
  twicetold::Result<twicetold::HtmlExtract> result = twicetold::ExtractHtml(page, options);
  FUZZ_CHECK(result.ok());
  const twicetold::HtmlExtract& x = *result;
  for (const std::string* s : {&x.body, &x.title, &x.published, &x.url, &x.site, &x.language}) {
    FUZZ_CHECK(fz::IsValidUtf8(*s));
  }
  for (const std::string& a : x.authors) FUZZ_CHECK(fz::IsValidUtf8(a) && !a.empty());
  FUZZ_CHECK(x.body.find('\0') == std::string::npos);
  uint32_t end = 0;
  for (const twicetold::SourceRun& run : x.body_map) {
    FUZZ_CHECK(run.length > 0);
    FUZZ_CHECK(run.body >= end);
    end = run.body + run.length;
    FUZZ_CHECK(end <= x.body.size());
    FUZZ_CHECK(static_cast<uint64_t>(run.original) + run.length <= page.size());
  }
  return 0;
}
