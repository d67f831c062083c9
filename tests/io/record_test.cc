// Byte-level checks behind the readers, against simple oracles.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <random>
#include <string>

#include "io/record.h"

namespace twicetold::io {
namespace {

// Oracle: the first invalid position k is where the prefix is still valid
// and no 1-4 byte sequence starting at k is a valid character.
bool IsFirstInvalid(const std::string& s, size_t k) {
  if (!simdjson::validate_utf8(s.data(), k)) return false;
  for (size_t len = 1; len <= 4 && k + len <= s.size(); ++len) {
    if (simdjson::validate_utf8(s.data() + k, len)) return false;
  }
  return true;
}

TEST(Utf8Test, FindInvalidUtf8AgreesWithOracle) {
  std::mt19937 rng(42);
  const std::string kPieces[] = {"a", "\xC3\xA9", "\xE4\xB8\xAD", "\xF0\x9F\x98\x80",
                                 "\xED\x9F\xBF", "\xF4\x8F\xBF\xBF", "\xEF\xBF\xBF"};
  for (int iter = 0; iter < 20000; ++iter) {
    std::string s;
    for (int i = rng() % 8; i > 0; --i) {
      if (rng() % 4 == 0) {
        s += static_cast<char>(rng() & 0xFF);  // any byte
      } else {
        s += kPieces[rng() % 7];
      }
    }
    size_t k = FindInvalidUtf8(s);
    if (k == std::string::npos) {
      EXPECT_TRUE(simdjson::validate_utf8(s)) << iter;
    } else {
      EXPECT_TRUE(IsFirstInvalid(s, k)) << iter << " at " << k;
    }
  }
}

TEST(Utf8Test, KnownBadSequences) {
  EXPECT_EQ(FindInvalidUtf8("ab\xC0\xAF"), 2u);          // overlong
  EXPECT_EQ(FindInvalidUtf8("\xED\xA0\x80"), 0u);        // surrogate
  EXPECT_EQ(FindInvalidUtf8("x\xF4\x90\x80\x80"), 1u);   // > U+10FFFF
  EXPECT_EQ(FindInvalidUtf8("\xC3\xA9\xE4\xB8"), 2u);    // cut short
  EXPECT_EQ(FindInvalidUtf8("\xC3\xA9\xE4\xB8\xAD"), std::string::npos);
}

TEST(TextArticleTest, TitleAndBodyRules) {
  Article a;
  // A title alone is a headline-only article; nothing at all is rejected.
  ASSERT_TRUE(ParseTextArticle("Title\n\n", &a).ok());
  EXPECT_EQ(a.body, "Title");
  EXPECT_TRUE(a.headline_only);
  EXPECT_EQ(ParseTextArticle(" \n\t", &a).code(), StatusCode::kCorruption);
  ASSERT_TRUE(ParseTextArticle("  T \n  body  ", &a).ok());
  EXPECT_EQ(a.title, "T");
  EXPECT_EQ(a.body, "  body");
  ASSERT_TRUE(ParseTextArticle("T\n \t \nx\n\n y\n \n", &a).ok());
  EXPECT_EQ(a.body, "x\n\n y");
  EXPECT_EQ(ParseTextArticle("T\n\x01\x02\x03\x04\xFF", &a).message(), "binary data (not text)");
}

}  // namespace
}  // namespace twicetold::io
