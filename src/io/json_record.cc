// One JSON line -> one Article, with simdjson's DOM parser (its buffers are
// reused across lines, so steady-state parsing does not allocate).
#include <simdjson.h>

#include <charconv>
#include <string>

#include "io/record.h"

namespace twicetold::io {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;

std::string Quoted(std::string_view name) { return "\"" + std::string(name) + "\""; }

// Reads an optional string field: missing or null leaves `out` empty.
Status GetOptionalString(const object& obj, std::string_view name, std::string* out) {
  element value;
  if (name.empty() || obj.at_key(name).get(value) != simdjson::SUCCESS) return Status::Ok();
  if (value.is_null()) return Status::Ok();
  std::string_view text;
  if (value.get_string().get(text) != simdjson::SUCCESS) {
    return CorruptionError("field " + Quoted(name) + " is not a string");
  }
  *out = std::string(text);
  return Status::Ok();
}

std::string DoubleToString(double d) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), d);
  return ec == std::errc() ? std::string(buf, end) : std::to_string(d);
}

// The id may be a string or a number; missing, null or "" -> `fallback`.
Status GetId(const object& obj, std::string_view name, std::string_view fallback,
             std::string* out) {
  *out = std::string(fallback);
  element value;
  if (name.empty() || obj.at_key(name).get(value) != simdjson::SUCCESS) return Status::Ok();
  switch (value.type()) {
    case element_type::NULL_VALUE: return Status::Ok();
    case element_type::STRING:
      if (std::string_view text = value.get_string().value_unsafe(); !text.empty()) {
        *out = std::string(text);
      }
      return Status::Ok();
    case element_type::INT64: *out = std::to_string(value.get_int64().value_unsafe()); return Status::Ok();
    case element_type::UINT64: *out = std::to_string(value.get_uint64().value_unsafe()); return Status::Ok();
    case element_type::DOUBLE: *out = DoubleToString(value.get_double().value_unsafe()); return Status::Ok();
    default:
      return CorruptionError("field " + Quoted(name) + " is not a string or number");
  }
}

// An absent, null or blank body leaves `out` empty: the record may still be
// a headline-only article (decided once the title is known).
Status GetBody(const object& obj, std::string_view name, std::string* out) {
  out->clear();
  element value;
  if (obj.at_key(name).get(value) != simdjson::SUCCESS) return Status::Ok();
  if (value.is_null()) return Status::Ok();
  std::string_view text;
  if (value.get_string().get(text) != simdjson::SUCCESS) {
    return CorruptionError("field " + Quoted(name) + " is not a string");
  }
  // JSON escapes can smuggle in bytes the raw-line check never saw.
  if (text.find('\0') != std::string_view::npos) {
    return CorruptionError("binary data (NUL character in field " + Quoted(name) + ")");
  }
  if (!IsBlank(text)) *out = std::string(text);
  return Status::Ok();
}

}  // namespace

size_t JsonPadding() { return simdjson::SIMDJSON_PADDING; }

struct JsonLineParser::Impl {
  simdjson::dom::parser parser;
};

JsonLineParser::JsonLineParser() : impl_(new Impl) {}
JsonLineParser::~JsonLineParser() = default;

Status JsonLineParser::Parse(std::string_view line, bool padded,
                             const ReadOptions& options, std::string_view default_id,
                             Article* article) {
  RETURN_IF_ERROR(CheckText(line));
  element doc;
  auto error = impl_->parser.parse(line.data(), line.size(), !padded).get(doc);
  if (error != simdjson::SUCCESS) {
    return CorruptionError(std::string("malformed JSON: ") + simdjson::error_message(error));
  }
  object obj;
  if (doc.get_object().get(obj) != simdjson::SUCCESS) {
    return CorruptionError("not a JSON object");
  }
  RETURN_IF_ERROR(GetBody(obj, options.body_field, &article->body));
  RETURN_IF_ERROR(GetId(obj, options.id_field, default_id, &article->id));
  RETURN_IF_ERROR(GetOptionalString(obj, options.title_field, &article->title));
  RETURN_IF_ERROR(GetOptionalString(obj, options.source_field, &article->source));
  RETURN_IF_ERROR(GetOptionalString(obj, options.url_field, &article->url));
  RETURN_IF_ERROR(GetOptionalString(obj, options.published_field, &article->published));
  return CompleteHeadlineOnly(article, options.body_field, options.title_field);
}

}  // namespace twicetold::io

namespace twicetold {

Result<Article> ParseArticleJson(std::string_view json, const ReadOptions& options,
                                 std::string_view default_id) {
  if (json.size() > options.max_record_bytes) {
    return CorruptionError("record larger than " + std::to_string(options.max_record_bytes) +
                           " bytes");
  }
  // One parser per thread: its buffers are reused across calls, and server
  // threads never share one.
  thread_local io::JsonLineParser parser;
  if (json.substr(0, 3) == "\xEF\xBB\xBF") json.remove_prefix(3);
  Article article;
  RETURN_IF_ERROR(parser.Parse(json, /*padded=*/false, options, default_id, &article));
  if (options.keep_original) article.original = std::string(json);
  return article;
}

}  // namespace twicetold
