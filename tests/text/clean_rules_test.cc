// The fast paths of CleanBody's line rules against slow references: FoldLine
// against the per-line Normalize + ICU fold in tests/reference/
// clean_reference.h, and the literal prefilters of the rules against the
// bare regexes, on random lines and (when present) on real news.
#include "text/clean_rules.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "reference/clean_reference.h"
#include "twicetold/clean.h"
#include "twicetold/io.h"

namespace twicetold {
namespace {

// Pieces a random line is built from: ASCII words and spacing, the
// typographic characters the fast path folds, and characters it must leave
// to ICU (accents precomposed and combining, emoji, CJK, invisibles, the
// two characters (?i) folds to ASCII letters). Rule phrases make the regexes
// fire often enough to test the prefilters.
const std::vector<std::string>& Pieces() {
  static const std::vector<std::string> kPieces = {
      "the", "Vorland", "council", "said", "42", "3.5%", "O'Brien", "e-mail",
      " ", " ", " ", "  ", "\t", "\r", "\f", "\x01", "\x7f", ".", ",", ":",
      "(", ")", "/", "\"", "'", "-", "--", "&",
      "\u2018", "\u2019", "\u201c", "\u201d", "\u2013", "\u2014", "\u2026",
      "\u00a0", "\u00a0\u00a0", "\u2015", "\u2009", "\u202f", "\u00ad",
      "\u200b", "\ufeff", "caf\u00e9", "cafe\u0301", "\u0301", "Z\u00fcrich",
      "\U0001F600", "\u5317\u4eac", "\u017f", "\u212a", "\uff21", "\u2122",
      "\u00a9", "\u00bd", "\u2033", "\u00ab", "\u00bb",
      "Story continues below", "Please enable JavaScript", "Click here",
      "Sign up for our newsletter", "Subscribe now", "Copyright 2021",
      "(c) 2020", "All rights reserved.", "Read more:", "Share this article",
      "Follow us", "Follow Jane Doe on Twitter", "contributed to this report.",
      "This article was originally published", "Advertisement",
      "Sponsored content", "Sponsored by", "Paid content", "Ad feedback",
      "Photo:", "File photo", "(AP Photo/Jane Roe)", "/ Getty Images",
      "Pictures", "(Reuters)", "VORLAND \u2014 ", "NEW VORLAND, Ore. - ",
      "ST. MELBY (Wire) -- "};
  return kPieces;
}

std::string RandomLine(std::mt19937& rng) {
  const std::vector<std::string>& pieces = Pieces();
  std::string line;
  const int n = static_cast<int>(rng() % 14);
  for (int i = 0; i < n; ++i) {
    line += pieces[rng() % pieces.size()];
    if (rng() % 3 != 0) line += ' ';
  }
  return line;
}

void ExpectSameFold(std::string_view line) {
  const clean_internal::FoldedLine got = clean_internal::FoldLine(line);
  const reference::FoldedLine want = reference::FoldLine(line);
  ASSERT_EQ(got.text, want.text) << "[" << line << "]";
  ASSERT_EQ(got.key, want.key) << "[" << line << "]";
  ASSERT_EQ(got.words, want.words) << "[" << line << "]";
  ASSERT_EQ(got.chars, want.chars) << "[" << line << "]";
  ASSERT_EQ(got.has_alnum, want.has_alnum) << "[" << line << "]";
}

// A FoldedLine with exotic_case set makes the rules skip their literal
// prefilters and run every regex, so the two answers must agree.
void ExpectPrefiltersExact(std::string_view line) {
  clean_internal::FoldedLine folded = clean_internal::FoldLine(line);
  clean_internal::FoldedLine bare = folded;
  bare.exotic_case = true;
  ASSERT_EQ(clean_internal::IsFurniture(folded),
            clean_internal::IsFurniture(bare)) << "[" << line << "]";
  ASSERT_EQ(clean_internal::IsAdvertisement(folded),
            clean_internal::IsAdvertisement(bare)) << "[" << line << "]";
  ASSERT_EQ(clean_internal::IsCaption(folded), clean_internal::IsCaption(bare))
      << "[" << line << "]";
  if (clean_internal::DatelineRegexMatches(line)) {
    ASSERT_TRUE(clean_internal::MayStartDateline(line)) << "[" << line << "]";
  }
}

TEST(CleanRulesTest, FoldLineMatchesReferenceOnRandomLines) {
  std::mt19937 rng(20240611);
  for (int i = 0; i < 30000; ++i) ExpectSameFold(RandomLine(rng));
}

TEST(CleanRulesTest, FoldLineMatchesReferenceOnEdgeCases) {
  for (const char* line :
       {"", " ", "a", "  a  b  ", "\u2014", "a\u2014b", "a \u2014 b",
        "\u2014a", "a\u2014", "a\u2014\u00a0b", "e\u0301", "\u2019\u0301",
        "x\r\ny", "\u2026\u2026", "\u00a0\u00a0a", "\u00c2\u00a0"}) {
    ExpectSameFold(line);
  }
}

// Long ASCII lines, as a body without line breaks is: the 16-byte scan of
// the plain-ASCII fast path, its carry of a space across blocks and its
// scalar tail, at every length around the block size, and its space count
// past 255 blocks.
TEST(CleanRulesTest, FoldLineMatchesReferenceOnLongAsciiLines) {
  std::mt19937 rng(250);
  const std::string alphabet = "abcXYZ09 .,'@[`{~";
  for (int i = 0; i < 20000; ++i) {
    // Now and then longer than 255 blocks, where the space count is summed.
    std::string line(i % 500 == 0 ? 4000 + rng() % 5000 : rng() % 80, 'a');
    for (char& c : line) c = alphabet[rng() % alphabet.size()];
    if (!line.empty() && rng() % 4 == 0) {  // a rare byte anywhere
      const char rare[] = {'\t', '\x01', '\x7f', '\x1f', ' '};
      line[rng() % line.size()] = rare[rng() % 5];
    }
    ExpectSameFold(line);
    ExpectSameFold("A" + line + "z");  // no space at either end
  }
  for (int i = 0; i < 20; ++i) {  // long plain lines: single spaces only
    std::string line = "Start";
    while (line.size() < 3000 + 300 * static_cast<size_t>(i)) {
      line += ' ';
      line += alphabet.substr(rng() % 4, 1 + rng() % 4);  // within "abcXYZ09"
    }
    ExpectSameFold(line + "end");
  }
}

TEST(CleanRulesTest, RulePrefiltersNeverHideAMatch) {
  std::mt19937 rng(7);
  int fired = 0;
  for (int i = 0; i < 30000; ++i) {
    const std::string line = RandomLine(rng);
    ExpectPrefiltersExact(line);
    const clean_internal::FoldedLine f = clean_internal::FoldLine(line);
    fired += clean_internal::IsFurniture(f) || clean_internal::IsCaption(f) ||
             clean_internal::IsAdvertisement(f);
  }
  EXPECT_GT(fired, 1000);  // the generator does exercise the rules
}

TEST(CleanRulesTest, DatelinePrefilterRejectsSentences) {
  EXPECT_FALSE(clean_internal::MayStartDateline("The mayor said - no."));
  EXPECT_FALSE(clean_internal::MayStartDateline("In 2020 - a year"));
  EXPECT_FALSE(clean_internal::MayStartDateline("  x"));
  EXPECT_TRUE(clean_internal::MayStartDateline("VORLAND - The mayor"));
  EXPECT_TRUE(clean_internal::MayStartDateline("A - b"));
  EXPECT_TRUE(clean_internal::MayStartDateline("\u00c9VORA \u2014 x"));
  EXPECT_TRUE(clean_internal::DatelineRegexMatches("VORLAND - The mayor"));
}

// Real news, read at run time: every line of the first articles folds as
// the reference does and the prefilters agree with the bare regexes.
TEST(CleanRulesTest, MatchesReferenceOnRealNews) {
  const std::string path =
      TWICETOLD_SOURCE_DIR "/../shared/data/corpora/allsides.jsonl.xz";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " not present";
  constexpr size_t kArticles = 1500;
  std::vector<std::string> bodies;
  ReadOptions options;
  options.keep_original = false;
  auto read = ReadInputs(
      {path}, options,
      [&](Article&& a) {
        if (bodies.size() < kArticles) bodies.push_back(std::move(a.body));
      },
      [](Rejected&&) {});
  ASSERT_TRUE(read.ok());
  ASSERT_EQ(bodies.size(), kArticles);
  for (const std::string& body : bodies) {
    size_t begin = 0;
    while (begin < body.size()) {
      size_t end = body.find('\n', begin);
      if (end == std::string::npos) end = body.size();
      const std::string_view line(body.data() + begin, end - begin);
      ExpectSameFold(line);
      ExpectPrefiltersExact(line);
      if (HasFatalFailure()) return;
      begin = end + 1;
    }
  }
}

}  // namespace
}  // namespace twicetold
