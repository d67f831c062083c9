// Decoding web pages to UTF-8 with a map back to the page bytes. Internal
// to src/web.
#ifndef TWICETOLD_WEB_CHARSET_H_
#define TWICETOLD_WEB_CHARSET_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "twicetold/status.h"

namespace twicetold::web {

struct DecodedPage {
  std::string utf8;     // the page as UTF-8 (no byte order mark)
  std::string charset;  // lower-case name of the charset decoded from
  // Page byte of each byte of `utf8`; empty when utf8 is the page itself
  // from byte `base` on (UTF-8 pages).
  std::vector<uint32_t> to_page;
  uint32_t base = 0;

  uint32_t PageOffset(uint32_t utf8_offset) const {
    if (to_page.empty()) return base + utf8_offset;
    return utf8_offset < to_page.size() ? to_page[utf8_offset]
                                        : (to_page.empty() ? base : to_page.back() + 1);
  }
};

// The charset parameter of an HTTP Content-Type value, lower-cased and
// unquoted, or "".
std::string CharsetFromContentType(std::string_view content_type);

// The charset declared by a <meta charset> or <meta http-equiv
// content="...; charset=..."> in the first 4 KiB of `page` (the byte scan
// HTML5's encoding sniffing does, not a parse), lower-cased, or "".
std::string CharsetFromMeta(std::string_view page);

// Decodes `page`: a byte order mark wins, then `http_charset`, then the
// <meta> declaration, else UTF-8 when the bytes are valid UTF-8, else
// windows-1252. Labels follow the WHATWG aliases that matter (latin1,
// iso-8859-1 and us-ascii are windows-1252; utf-16 in <meta> means UTF-8).
// Invalid sequences become U+FFFD. Errors: kCorruption "unknown charset X"
// when ICU cannot open a declared charset.
Result<DecodedPage> DecodePage(std::string_view page, std::string_view http_charset);

// The length of the well-formed UTF-8 character (RFC 3629: no overlongs,
// no surrogates, at most U+10FFFF) that starts at s[i], or 0 if none does.
size_t WellFormedUtf8Length(std::string_view s, size_t i);

// `s` with each byte that starts no well-formed character replaced by
// U+FFFD. Gumbo's text and attribute values need it: a numeric character
// reference past 2^31 (&#999999999999;) overflows its decoder, which then
// writes a lone byte >= 0x80 into otherwise valid UTF-8.
std::string ReplaceIllFormedUtf8(std::string s);

}  // namespace twicetold::web

#endif  // TWICETOLD_WEB_CHARSET_H_
