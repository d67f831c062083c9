#include "twicetold/normalize.h"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <random>
#include <string>

namespace twicetold {
namespace {

std::string Text(std::string_view in, NormalizeOptions options = {}) {
  return Normalize(in, options).text;
}

// Offsets where a UTF-8 decoder starts a character (an invalid sequence
// counts as one character, as it becomes one U+FFFD).
std::vector<bool> DecoderBoundaries(std::string_view s) {
  std::vector<bool> boundary(s.size() + 1, false);
  int32_t i = 0;
  while (i < static_cast<int32_t>(s.size())) {
    boundary[i] = true;
    UChar32 c;
    U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
  }
  boundary[s.size()] = true;
  return boundary;
}

bool IsValidUtf8(std::string_view s) {
  int32_t i = 0;
  while (i < static_cast<int32_t>(s.size())) {
    UChar32 c;
    U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
    if (c < 0) return false;
  }
  return true;
}

// The offset-map contract from normalize.h.
void ExpectMapContract(std::string_view original, const MappedText& m) {
  ASSERT_EQ(m.to_original.size(), m.text.size() + 1);
  EXPECT_EQ(m.to_original.back(), original.size());
  const std::vector<bool> boundary = DecoderBoundaries(original);
  for (size_t i = 0; i < m.to_original.size(); ++i) {
    ASSERT_LE(m.to_original[i], original.size());
    ASSERT_TRUE(boundary[m.to_original[i]]) << "entry " << i;
    if (i > 0) ASSERT_LE(m.to_original[i - 1], m.to_original[i]);
  }
  EXPECT_TRUE(IsValidUtf8(m.text));
}

TEST(NormalizeTest, FoldsQuotesApostrophesAndEllipses) {
  EXPECT_EQ(Text("\u201cNo,\u201d she said. It\u2019s \u2018fine\u2019\u2026"),
            "\"No,\" she said. It's 'fine'...");
  EXPECT_EQ(Text("\u00abBonjour\u00bb \u201eHallo\u201c"), "\"Bonjour\" \"Hallo\"");
}

TEST(NormalizeTest, FoldsDashesAndSpacesEmDashes) {
  EXPECT_EQ(Text("US\u2013Russia"), "US-Russia");
  EXPECT_EQ(Text("plan\u2014reshaped"), "plan - reshaped");
  EXPECT_EQ(Text("plan \u2014 reshaped"), "plan - reshaped");
  EXPECT_EQ(Text("ERBIL (X) \u2014\u00a0High"), "ERBIL (X) - High");
  EXPECT_EQ(Text("a\u2212b"), "a-b");
}

TEST(NormalizeTest, FoldsSpacesAndDropsInvisibles) {
  EXPECT_EQ(Text("a\u00a0b\u2009c\u3000d\te"), "a b c d e");
  EXPECT_EQ(Text("co\u00adop\u200beration\ufeff"), "cooperation");
  EXPECT_EQ(Text("one\r\ntwo\rthree\u2028four\u2029five"),
            "one\ntwo\nthree\nfour\n\nfive");
}

TEST(NormalizeTest, AppliesNfkc) {
  EXPECT_EQ(Text("\ufb01ne \u2460 \uff21"), "fine 1 A");
  EXPECT_EQ(Text("Cafe\u0301"), "Caf\u00e9");   // combining after ASCII base
  EXPECT_EQ(Text("\u1100\u1161"), "\uac00");   // Hangul jamo compose
}

TEST(NormalizeTest, CaseFoldsForMatching) {
  NormalizeOptions fold;
  fold.case_fold = true;
  EXPECT_EQ(Text("Stra\u00dfe \u00c9COLE Kyiv", fold), "strasse \u00e9cole kyiv");
  EXPECT_EQ(Text("E\u0301TAT", fold), "\u00e9tat");
}

TEST(NormalizeTest, MapsBackToOriginalBytes) {
  const std::string in = "It\u2019s \u201cfine\u201d\u2014really.";
  const MappedText m = Normalize(in, {});
  ASSERT_EQ(m.text, "It's \"fine\" - really.");
  ExpectMapContract(in, m);
  // "fine" in the normalized text maps to "fine" in the original.
  const size_t b = m.text.find("fine");
  EXPECT_EQ(in.substr(m.to_original[b], m.to_original[b + 4] - m.to_original[b]),
            "fine");
  // The apostrophe maps to the three bytes of U+2019.
  EXPECT_EQ(m.to_original[3] - m.to_original[2], 3u);
}

TEST(NormalizeTest, InvalidUtf8BecomesReplacementCharacter) {
  const std::string in = "ok\xff\xfe then \xe2\x80";
  const MappedText m = Normalize(in, {});
  EXPECT_EQ(m.text, "ok\ufffd\ufffd then \ufffd");
  ExpectMapContract(in, m);
}

TEST(NormalizeTest, ComposesMapsThroughNormalizeMapped) {
  MappedText base = MappedText::Identity("xx\u201cquote\u201d");
  base.text.erase(0, 2);
  base.to_original.erase(base.to_original.begin(), base.to_original.begin() + 2);
  const MappedText m = NormalizeMapped(base, {});
  EXPECT_EQ(m.text, "\"quote\"");
  EXPECT_EQ(m.to_original.front(), 2u);
  EXPECT_EQ(m.to_original.back(), base.to_original.back());
}

TEST(NormalizeTest, IdentityMapsEveryByteToItsCharacterStart) {
  const MappedText m = MappedText::Identity("a\u00e9b");
  EXPECT_EQ(m.to_original, (std::vector<uint32_t>{0, 1, 1, 3, 4}));
}

// Random strings over an alphabet that stresses every path: ASCII, folded
// typography, combining marks, Hangul, compatibility characters, astral
// code points and (optionally) invalid byte sequences.
std::string RandomText(std::mt19937& rng, bool allow_invalid) {
  static const char* const kPieces[] = {
      "a", "Z", " ", "\n", "\r\n", "\t", ".", "'", "\"", "-", "7",
      "\u00e9", "e\u0301", "\u0301", "\u0327", "\u2019", "\u201c", "\u201d",
      "\u2014", "\u2013", "\u2026", "\u00a0", "\u00ad", "\u200b", "\ufeff",
      "\ufb01", "\u2460", "\uff21", "\u1100", "\u1161", "\u11a8", "\uac00",
      "\u00df", "\u0130", "\u03a3", "\U0001F600", "\U0001D400", "\u2029",
      "\u0985\u09cd", "\u0915\u093c", "\u1e9e", "\u212b", "\u00c5", "\u0041\u030a",
      "\u2034", "\u2037", "\ufe31", "\ufe32"};  // NFKC yields foldable marks
  static const char* const kInvalid[] = {"\xff", "\xc3", "\xe2\x80", "\x80",
                                         "\xed\xa0\x80", "\xf4\x90\x80\x80"};
  std::uniform_int_distribution<int> length(0, 40);
  std::uniform_int_distribution<size_t> piece(0, std::size(kPieces) - 1);
  std::uniform_int_distribution<size_t> bad(0, std::size(kInvalid) - 1);
  std::uniform_int_distribution<int> coin(0, 9);
  std::string s;
  for (int n = length(rng); n > 0; --n) {
    s += (allow_invalid && coin(rng) == 0) ? kInvalid[bad(rng)] : kPieces[piece(rng)];
  }
  return s;
}

TEST(NormalizePropertyTest, MapAlwaysLandsOnOriginalBoundaries) {
  std::mt19937 rng(20261122);
  for (int round = 0; round < 20000; ++round) {
    const std::string in = RandomText(rng, /*allow_invalid=*/true);
    for (bool fold : {false, true}) {
      NormalizeOptions options;
      options.case_fold = fold;
      SCOPED_TRACE(in);
      ExpectMapContract(in, Normalize(in, options));
    }
  }
}

TEST(NormalizePropertyTest, IsIdempotentOnValidText) {
  std::mt19937 rng(7);
  for (int round = 0; round < 20000; ++round) {
    const std::string in = RandomText(rng, /*allow_invalid=*/false);
    const std::string once = Text(in);
    ASSERT_EQ(Text(once), once) << in;
  }
}

// Oracle: our segment-wise normalization, with typography folding off, must
// equal ICU normalizing the whole string at once.
TEST(NormalizePropertyTest, MatchesWholeStringIcu) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  ASSERT_TRUE(U_SUCCESS(status));
  std::mt19937 rng(11);
  for (int round = 0; round < 20000; ++round) {
    std::string in = RandomText(rng, /*allow_invalid=*/false);
    std::erase(in, '\r');
    for (bool fold : {false, true}) {
      NormalizeOptions options;
      options.fold_typography = false;
      options.case_fold = fold;
      std::string expected;
      (fold ? nfkc_cf : nfkc)
          ->normalize(icu::UnicodeString::fromUTF8(in), status)
          .toUTF8String(expected);
      ASSERT_EQ(Text(in, options), expected) << in << " case_fold=" << fold;
    }
  }
}

}  // namespace
}  // namespace twicetold
