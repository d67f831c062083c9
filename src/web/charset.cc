#include "web/charset.h"

#include <unicode/ucnv.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <memory>


namespace twicetold::web {
namespace {

char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }

bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = LowerAscii(c);
  return out;
}

bool IsLabelChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '-' || c == '_' || c == '.' || c == ':';
}

// The value after "charset" [spaces] "=" [spaces] [quote] in `s` from `at`.
std::string LabelAfter(std::string_view s, size_t at) {
  size_t i = at + 7;  // strlen("charset")
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  if (i >= s.size() || s[i] != '=') return "";
  ++i;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '"' || s[i] == '\'')) ++i;
  size_t end = i;
  while (end < s.size() && IsLabelChar(s[end])) ++end;
  return Lower(s.substr(i, end - i));
}

// WHATWG label aliases that differ from what ICU would do with the name.
std::string Canonical(std::string label) {
  if (label == "utf8" || label == "unicode-1-1-utf-8") return "utf-8";
  if (label == "latin1" || label == "iso-8859-1" || label == "iso8859-1" ||
      label == "us-ascii" || label == "ascii" || label == "l1" || label == "cp1252" ||
      label == "x-cp1252") {
    return "windows-1252";
  }
  if (label == "gb2312" || label == "x-gbk") return "gbk";
  return label;
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

// Decodes with ICU, recording for each UTF-8 byte the page byte it came from.
Result<DecodedPage> DecodeWithIcu(std::string_view page, const std::string& charset,
                                  uint32_t skip) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> conv(ucnv_open(charset.c_str(), &err));
  if (U_FAILURE(err)) return CorruptionError("unknown charset " + charset);
  std::string_view in = page.substr(skip);
  std::vector<UChar> units(in.size() * 2 + 16);
  std::vector<int32_t> offsets(units.size());
  UChar* target = units.data();
  const char* source = in.data();
  ucnv_toUnicode(conv.get(), &target, units.data() + units.size(), &source,
                 in.data() + in.size(), offsets.data(), /*flush=*/true, &err);
  if (U_FAILURE(err)) return CorruptionError("cannot decode " + charset);
  const int32_t n = static_cast<int32_t>(target - units.data());
  DecodedPage out;
  out.charset = charset;
  out.utf8.reserve(static_cast<size_t>(n) + n / 2);
  out.to_page.reserve(out.utf8.capacity());
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U16_NEXT(units.data(), i, n, c);
    if (U_IS_SURROGATE(c)) c = 0xFFFD;
    uint8_t bytes[4];
    int32_t len = 0;
    U8_APPEND_UNSAFE(bytes, len, c);
    const uint32_t from = skip + static_cast<uint32_t>(offsets[start] < 0 ? 0 : offsets[start]);
    for (int32_t k = 0; k < len; ++k) {
      out.utf8.push_back(static_cast<char>(bytes[k]));
      out.to_page.push_back(from);
    }
  }
  return out;
}

}  // namespace

std::string CharsetFromContentType(std::string_view content_type) {
  const std::string lower = Lower(content_type);
  const size_t at = lower.find("charset");
  return at == std::string::npos ? "" : LabelAfter(lower, at);
}

std::string CharsetFromMeta(std::string_view page) {
  const std::string head = Lower(page.substr(0, 4096));
  for (size_t at = head.find("<meta"); at != std::string::npos;
       at = head.find("<meta", at + 5)) {
    const size_t end = head.find('>', at);
    const std::string_view tag =
        std::string_view(head).substr(at, end == std::string::npos ? std::string::npos : end - at);
    const size_t cs = tag.find("charset");
    if (cs == std::string_view::npos) continue;
    std::string label = LabelAfter(tag, cs);
    if (!label.empty()) return label;
  }
  return "";
}

Result<DecodedPage> DecodePage(std::string_view page, std::string_view http_charset) {
  if (page.substr(0, 3) == "\xEF\xBB\xBF") {
    if (IsValidUtf8(page.substr(3))) {
      return DecodedPage{std::string(page.substr(3)), "utf-8", {}, 3};
    }
    return DecodeWithIcu(page, "utf-8", 3);
  }
  if (page.substr(0, 2) == "\xFF\xFE") return DecodeWithIcu(page, "utf-16le", 2);
  if (page.substr(0, 2) == "\xFE\xFF") return DecodeWithIcu(page, "utf-16be", 2);
  std::string charset = Canonical(std::string(http_charset));
  if (charset.empty()) {
    charset = Canonical(CharsetFromMeta(page));
    if (charset.rfind("utf-16", 0) == 0) charset = "utf-8";
  }
  const bool valid_utf8 = IsValidUtf8(page);
  if (charset.empty()) charset = valid_utf8 ? "utf-8" : "windows-1252";
  if (charset == "utf-8" && valid_utf8) {
    return DecodedPage{std::string(page), "utf-8", {}, 0};
  }
  Result<DecodedPage> decoded = DecodeWithIcu(page, charset, 0);
  // A declared charset ICU does not know: decode as the bytes suggest.
  if (!decoded.ok()) {
    return DecodeWithIcu(page, valid_utf8 ? "utf-8" : "windows-1252", 0);
  }
  return decoded;
}

size_t WellFormedUtf8Length(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  size_t n = 0;
  uint32_t cp = 0;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2, cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3, cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4, cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    const auto cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3F);
  }
  if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || cp > 0x10FFFF ||
      (cp >= 0xD800 && cp <= 0xDFFF)) {
    return 0;
  }
  return n;
}

std::string ReplaceIllFormedUtf8(std::string s) {
  size_t i = 0;
  while (i < s.size()) {
    const size_t n = WellFormedUtf8Length(s, i);
    if (n > 0) {
      i += n;
      continue;
    }
    s.replace(i, 1, "\xEF\xBF\xBD");
    i += 3;
  }
  return s;
}

}  // namespace twicetold::web
