#include <simdjson.h>

#include <string>

#include "io/record.h"

namespace twicetold::io {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// Control bytes that never appear in running text. Used only to tell
// binary files from mis-encoded text, so a rough ratio is enough.
bool LooksBinary(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 4096);
  size_t controls = 0;
  for (char c : head) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 && !IsSpace(c) && u != 0x1B) ++controls;
  }
  return controls * 20 > head.size();  // more than 5%
}

// Splits off the first line of `*rest` (without its '\n').
std::string_view TakeLine(std::string_view* rest) {
  size_t nl = rest->find('\n');
  std::string_view line = rest->substr(0, nl);
  rest->remove_prefix(nl == std::string_view::npos ? rest->size() : nl + 1);
  return line;
}

}  // namespace

size_t FindInvalidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t n = bytes.size();
  size_t i = 0;
  while (i < n) {
    unsigned char c = s[i];
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;  // bounds for the second byte
    if (c < 0x80) { ++i; continue; }
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c == 0xE0) len = 3, lo = 0xA0;
    else if (c == 0xED) len = 3, hi = 0x9F;  // no surrogates
    else if (c >= 0xE1 && c <= 0xEF) len = 3;
    else if (c == 0xF0) len = 4, lo = 0x90;
    else if (c == 0xF4) len = 4, hi = 0x8F;  // <= U+10FFFF
    else if (c >= 0xF1 && c <= 0xF3) len = 4;
    else return i;
    if (i + len > n || s[i + 1] < lo || s[i + 1] > hi) return i;
    for (size_t k = 2; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

Status CheckText(std::string_view bytes) {
  size_t nul = bytes.find('\0');
  if (nul != std::string_view::npos) {
    return CorruptionError("binary data (NUL byte at byte " + std::to_string(nul) + ")");
  }
  if (simdjson::validate_utf8(bytes.data(), bytes.size())) return Status::Ok();
  if (LooksBinary(bytes)) return CorruptionError("binary data (not text)");
  size_t bad = FindInvalidUtf8(bytes);
  return CorruptionError("invalid UTF-8 at byte " + std::to_string(bad));
}

bool IsBlank(std::string_view line) { return Trim(line).empty(); }

Status CompleteHeadlineOnly(Article* article, std::string_view body_field,
                            std::string_view title_field) {
  article->headline_only = false;
  if (!IsBlank(article->body)) return Status::Ok();
  if (IsBlank(article->title)) {
    return CorruptionError("no " + std::string(title_field) + " and no " +
                           std::string(body_field) + " (empty record)");
  }
  article->body = std::string(Trim(article->title));
  article->headline_only = true;
  return Status::Ok();
}

Status ParseTextArticle(std::string_view bytes, Article* article) {
  if (bytes.empty()) return CorruptionError("empty file");
  RETURN_IF_ERROR(CheckText(bytes));
  std::string_view rest = bytes;
  if (rest.substr(0, kBom.size()) == kBom) rest.remove_prefix(kBom.size());
  std::string_view title;
  while (!rest.empty() && title.empty()) title = Trim(TakeLine(&rest));
  // Drop whole blank lines only: the first body line keeps its indent.
  while (!rest.empty()) {
    std::string_view probe = rest;
    if (!IsBlank(TakeLine(&probe))) break;
    rest = probe;
  }
  while (!rest.empty() && IsSpace(rest.back())) rest.remove_suffix(1);
  if (title.empty()) return CorruptionError("empty file (only whitespace)");
  article->title = std::string(title);
  article->body = std::string(rest);
  return CompleteHeadlineOnly(article, "body", "title");
}

}  // namespace twicetold::io
