// The text-only variants used by FingerprintArticle give exactly the text
// of CleanBody and Normalize, on random bodies mixing the lines the rules
// cut (captions, ads, furniture, repeats, datelines, filler) with prose,
// typography, non-ASCII words and odd whitespace.
#include "text/text_only.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "twicetold/clean.h"
#include "twicetold/corpus_boilerplate.h"
#include "twicetold/normalize.h"

namespace twicetold {
namespace {

const std::vector<std::string>& Pieces() {
  static const std::vector<std::string> kPieces = {
      "Brell quandor opal tisk varno mell dorrin said on Tuesday.",
      "\u201cWe will see,\u201d the minister said \u2014 twice.",
      "Advertisement",
      "Story continues below",
      "Sign up for our newsletter",
      "VARNOPOLIS (Wire) - Skade plim hovar jentle crask ulm pevvy norrow.",
      "A woman walks by. (Photo: Jane Roe/Agency)",
      "\u00a0",
      "* * *",
      "Stra\u00dfe \u00c4rger \u0130stanbul \u03a3\u039f\u03a6\u0399\u0391 caf\u0065\u0301.",
      "  tabs\tand\vspaces   inside  ",
      "\ufb01ne \u2026 and \u2018quoted\u2019 words",
      "Recurring source line here",
      "",
  };
  return kPieces;
}

std::string RandomBody(std::mt19937& rng) {
  std::string body;
  const int lines = 1 + static_cast<int>(rng() % 14);
  for (int i = 0; i < lines; ++i) {
    if (i > 0) body += rng() % 4 == 0 ? "\r\n" : (rng() % 3 == 0 ? "\n\n" : "\n");
    body += Pieces()[rng() % Pieces().size()];
  }
  return body;
}

TEST(TextOnlyTest, CleanBodyTextOnlyMatchesCleanBody) {
  CorpusBoilerplate corpus({});
  std::mt19937 rng(3);
  for (int i = 0; i < 20; ++i) {
    Article a;
    a.source = "Src";
    a.body = "Recurring source line here\nBody " + std::to_string(i);
    corpus.Observe(a);
  }
  corpus.Freeze();
  std::string text = "stale contents from an earlier article";
  for (int round = 0; round < 500; ++round) {
    const std::string body = RandomBody(rng);
    CleanOptions options;
    if (round % 2 == 0) options.corpus = &corpus;
    options.extract_dateline = round % 3 != 0;
    const std::string source = round % 4 == 0 ? "Other" : "Src";
    const CleanedBody full = CleanBody(body, options, source);
    uint32_t repeats = 99;
    const std::string_view got =
        text_internal::CleanBodyTextOnly(body, options, source, &text, &repeats);
    ASSERT_EQ(got, full.text.text) << body;
    // Either the body itself (nothing cut) or the buffer.
    ASSERT_TRUE(got.data() == body.data() || got.data() == text.data()) << body;
    uint32_t expected = 0;
    for (const Removal& r : full.removed) {
      expected += r.reason == RemovalReason::kSourceRepeat;
    }
    ASSERT_EQ(repeats, expected) << body;
  }
}

TEST(TextOnlyTest, NormalizeTextOnlyMatchesNormalize) {
  std::mt19937 rng(4);
  std::string out = "stale";
  for (int round = 0; round < 500; ++round) {
    std::string input = RandomBody(rng);
    if (round % 5 == 0) input += "\xC3(\xE2\x80";  // ill-formed tail
    NormalizeOptions options;
    options.case_fold = round % 2 == 0;
    text_internal::NormalizeTextOnly(input, options, &out);
    ASSERT_EQ(out, Normalize(input, options).text) << input;
  }
}

// NormalizeKeepsText is a promise: whenever it says yes, Normalize gives
// the input back. Random ASCII (with every control byte) and UTF-8 strings
// of every length around its 16-byte blocks; it must say yes to printable
// ASCII and '\n' without case folding.
TEST(TextOnlyTest, NormalizeKeepsTextOnlyWhenNormalizeDoes) {
  std::mt19937 rng(5);
  const std::vector<std::string> rare = {"\t", "\r", "\r\n", "\x01", "\x7f",
                                         "\x1f", "\u00e9", "e\u0301", "\u2019",
                                         "\u00a0", "\xC3", "\n"};
  int kept = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string input;
    const size_t size = rng() % 70;
    while (input.size() < size) input += static_cast<char>(0x20 + rng() % 0x5F);
    if (round % 3 == 0) input.insert(rng() % (input.size() + 1), rare[rng() % rare.size()]);
    NormalizeOptions options;
    options.case_fold = round % 7 == 0;
    const bool keeps = text_internal::NormalizeKeepsText(input, options);
    const bool printable = std::all_of(input.begin(), input.end(), [](char c) {
      return (c >= 0x20 && c < 0x7f) || c == 0x7f || c == '\n';
    });
    ASSERT_EQ(keeps, printable && !options.case_fold) << input;
    if (keeps) ASSERT_EQ(Normalize(input, options).text, input) << input;
    kept += keeps;
  }
  EXPECT_GT(kept, 10000);
}

}  // namespace
}  // namespace twicetold
