// Fuzzes the parsing of a posted article (ParseArticleJson, what
// `twicetold serve` runs on every record of POST /v1/articles and on the
// inline articles of POST /v1/compare) and the store encoders it feeds.
//
// Input: byte 0 sets max_record_bytes to 1 + byte 0 * 64 (so the size
// limit is hit); the rest is the record. Asserts that an accepted article
// has a non-empty valid UTF-8 body and that its encodings are valid UTF-8
// on one line; that a rejection reason is one non-empty line.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "twicetold/io.h"
#include "twicetold/store_json.h"

namespace fz = twicetold::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  twicetold::ReadOptions options;
  options.max_record_bytes = 1 + uint64_t{data[0]} * 64;
  const std::string_view json(reinterpret_cast<const char*>(data) + 1, size - 1);
  twicetold::Result<twicetold::Article> article =
      twicetold::ParseArticleJson(json, options, "default-id");
  if (!article.ok()) {
    const std::string& reason = article.status().message();
    FUZZ_CHECK(!reason.empty());
    FUZZ_CHECK(reason.find('\n') == std::string::npos);
    return 0;
  }
  FUZZ_CHECK(!article->body.empty());
  FUZZ_CHECK(fz::IsValidUtf8(article->body));
  FUZZ_CHECK(!article->id.empty());
  twicetold::StoredArticle stored;
  stored.article = std::move(*article);
  stored.relation = "origin";
  const std::string line = twicetold::IngestResultToJson({stored}, 0, {{1, "x"}});
  FUZZ_CHECK(fz::IsValidUtf8(line));
  FUZZ_CHECK(line.find('\n') == std::string::npos);
  return 0;
}
