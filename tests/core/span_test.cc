#include "twicetold/span.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace twicetold {
namespace {

TEST(CodePointIndexTest, ConvertsByteOffsetsToCodePoints) {
  const std::string text = "a\u00e9\u2014\U0001F600z";  // 1+2+3+4+1 bytes
  const CodePointIndex index(text);
  EXPECT_EQ(index.At(0), 0u);
  EXPECT_EQ(index.At(1), 1u);
  EXPECT_EQ(index.At(3), 2u);
  EXPECT_EQ(index.At(6), 3u);
  EXPECT_EQ(index.At(10), 4u);
  EXPECT_EQ(index.At(11), 5u);
  EXPECT_EQ(index.Convert({1, 6}), (Span{1, 3}));
}

// Oracle: count lead bytes one by one.
TEST(CodePointIndexTest, AgreesWithCountingLeadBytes) {
  std::mt19937 rng(3);
  const char* pieces[] = {"a", "\u00e9", "\u2014", "\U0001F600", " "};
  for (int round = 0; round < 500; ++round) {
    std::string text;
    for (int n = rng() % 30; n > 0; --n) text += pieces[rng() % 5];
    const CodePointIndex index(text);
    uint32_t cps = 0;
    for (uint32_t b = 0; b <= text.size(); ++b) {
      if (b == text.size() || (static_cast<unsigned char>(text[b]) & 0xC0) != 0x80) {
        ASSERT_EQ(index.At(b), cps);
        ++cps;
      }
    }
  }
}

TEST(CodePointIndexTest, EmptyText) {
  const CodePointIndex index("");
  EXPECT_EQ(index.At(0), 0u);
}

}  // namespace
}  // namespace twicetold
