// Word tokens and sentence-break candidates: the ASCII fast paths against the
// ICU reference in tests/reference/icu_tokenizer.h, plus the documented
// token shapes.
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "reference/icu_tokenizer.h"
#include "text/ascii_tokens.h"
#include "text/sentence_splitter.h"
#include "text/word_tokenizer.h"
#include "twicetold/clean.h"
#include "twicetold/io.h"
#include "twicetold/normalize.h"
#include "twicetold/segment.h"

namespace twicetold {

void PrintTo(const Span& s, std::ostream* os) {
  *os << "[" << s.begin << "," << s.end << ")";
}

namespace {

std::vector<std::string> TokenTexts(std::string_view text,
                                    const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) out.emplace_back(t.span.In(text));
  return out;
}

std::vector<Span> FastWordSpans(std::string_view text) {
  std::vector<Span> out;
  AppendAsciiWordSpans(text, &out);
  return out;
}

std::vector<uint32_t> FastSentenceBreaks(std::string_view text) {
  std::vector<uint32_t> out;
  AppendAsciiSentenceBreaks(text, &out);
  return out;
}

// Random ASCII: half the characters from the classes the UAX #29 rules
// distinguish, half from all of ASCII (controls included, NUL excluded).
std::string RandomAscii(std::mt19937& rng, size_t max_len) {
  static const std::string kAlphabet =
      "aAbBxXzZ019.,';:-%\"!?()[]_ \n\t#/&*+@$";
  std::uniform_int_distribution<size_t> len(0, max_len);
  std::uniform_int_distribution<size_t> pick(0, kAlphabet.size() - 1);
  std::uniform_int_distribution<int> any(1, 127);
  std::string s(len(rng), ' ');
  for (char& c : s) {
    c = rng() % 2 ? kAlphabet[pick(rng)] : static_cast<char>(any(rng));
  }
  return s;
}

// Random news-like ASCII: words, numbers, abbreviations, quotes.
std::string RandomNewsAscii(std::mt19937& rng, size_t words) {
  static const std::vector<std::string> kPieces = {
      "the",   "The",       "said",     "Mr.",   "U.S.", "Dec.",   "2",
      "4,000", "2.5%",      "28-point", "don't", "J.",   "R.",     "Smith",
      "e.g.",  "a.m.",      "\"Yes.",   "No!\"", "why?", "(AFP)",  "1.",
      "--",    "five-hour", "It's",     "3.4",   "end.", "end.\"", "x",
      "...",   "O'Neil",    "p.m.",     "_a",    "a_1"};
  static const std::vector<std::string> kSeparators = {
      " ",  " ",  " ",  "  ", "\n",  ", ",  ". ", "? ",
      "! ", ": ", "; ", "-",  "\" ", " \"", ") ", ""};
  std::uniform_int_distribution<size_t> piece(0, kPieces.size() - 1);
  std::uniform_int_distribution<size_t> sep(0, kSeparators.size() - 1);
  std::string s;
  for (size_t i = 0; i < words; ++i) {
    s += kPieces[piece(rng)];
    s += kSeparators[sep(rng)];
  }
  return s;
}

TEST(TokenizerTest, AsciiWordSpansMatchIcuOnRandomStrings) {
  std::mt19937 rng(20240601);
  for (int i = 0; i < 20000; ++i) {
    std::string s = RandomAscii(rng, 40);
    ASSERT_EQ(FastWordSpans(s), reference::IcuWordSpans(s)) << "[" << s << "]";
  }
}

TEST(TokenizerTest, SimdWordSpansMatchScalarAndIcuAcrossChunks) {
  // Lengths past 64 bytes cross the vector loop's chunk boundaries.
  std::mt19937 rng(64);
  for (int i = 0; i < 20000; ++i) {
    std::string s = RandomAscii(rng, 300);
    std::vector<Span> scalar;
    AppendAsciiWordSpansScalar(s, &scalar);
    ASSERT_EQ(FastWordSpans(s), scalar) << "[" << s << "]";
    if (i % 10 == 0) ASSERT_EQ(scalar, reference::IcuWordSpans(s));
  }
}

TEST(TokenizerTest, AsciiTokensMatchIcuOnRandomNewsText) {
  std::mt19937 rng(7);
  for (int i = 0; i < 3000; ++i) {
    std::string s = RandomNewsAscii(rng, 25);
    ASSERT_EQ(TokenTexts(s, Tokenize(s)),
              TokenTexts(s, reference::IcuTokenize(s)))
        << "[" << s << "]";
  }
}

// The fused path of the fingerprint (text_internal::ForEachAsciiToken)
// against the vector path it replaces, AppendTokens(text, 0, true, ...):
// random ASCII (chunk boundaries, '%', '-', '_', controls), runs of the
// join characters, news-like text; and on the text with capitals lowered,
// which the fingerprint tokenizes instead.
std::vector<Span> CallbackTokenSpans(std::string_view text) {
  std::vector<Span> out;
  text_internal::ForEachAsciiToken(text, [&](uint32_t begin, uint32_t end) {
    out.push_back({begin, end});
  });
  return out;
}

std::vector<Span> VectorTokenSpans(std::string_view text) {
  std::vector<Span> scratch;
  std::vector<Token> tokens;
  AppendTokens(text, 0, /*fast_path=*/true, &scratch, &tokens);
  std::vector<Span> out;
  for (const Token& t : tokens) out.push_back(t.span);
  return out;
}

std::string Lowered(std::string s) {
  LowerAscii(s.data(), s.size(), s.data());
  return s;
}

TEST(TokenizerTest, CallbackTokensMatchVectorTokensOnRandomText) {
  std::mt19937 rng(141);
  static const std::string kJoiners = "a5%-_Z9.,' x";
  for (int i = 0; i < 30000; ++i) {
    std::string s;
    switch (i % 3) {
      case 0: s = RandomAscii(rng, 300); break;
      case 1: s = RandomNewsAscii(rng, 1 + rng() % 60); break;
      default:
        s.resize(rng() % 200);
        for (char& c : s) c = kJoiners[rng() % kJoiners.size()];
    }
    const std::vector<Span> want = VectorTokenSpans(s);
    ASSERT_EQ(CallbackTokenSpans(s), want) << "[" << s << "]";
    ASSERT_EQ(CallbackTokenSpans(Lowered(s)), want) << "[" << s << "]";
    // The callback's raw segments are AppendAsciiWordSpans's.
    std::vector<Span> raw, scalar;
    text_internal::ForEachAsciiWordSpan(s, [&](uint32_t b, uint32_t e) {
      raw.push_back({b, e});
    });
    AppendAsciiWordSpansScalar(s, &scalar);
    ASSERT_EQ(raw, scalar) << "[" << s << "]";
    // Lowering in the same pass: the whole text, and each token's bytes
    // already there when the token is handed over.
    const std::string low = Lowered(s);
    std::string out(s.size(), '\0');
    std::vector<Span> spans;
    text_internal::ForEachAsciiToken(s, [&](uint32_t b, uint32_t e) {
      ASSERT_EQ(out.substr(b, e - b), low.substr(b, e - b)) << "[" << s << "]";
      spans.push_back({b, e});
    }, out.data());
    ASSERT_EQ(out, low) << "[" << s << "]";
    ASSERT_EQ(spans, want) << "[" << s << "]";
  }
}

TEST(TokenizerTest, AsciiSentenceBreaksMatchIcuOnRandomStrings) {
  std::mt19937 rng(99);
  for (int i = 0; i < 20000; ++i) {
    std::string s = RandomAscii(rng, 40);
    ASSERT_EQ(FastSentenceBreaks(s), reference::IcuSentenceBreaks(s))
        << "[" << s << "]";
  }
  for (int i = 0; i < 3000; ++i) {
    std::string s = RandomNewsAscii(rng, 30);
    ASSERT_EQ(FastSentenceBreaks(s), reference::IcuSentenceBreaks(s))
        << "[" << s << "]";
  }
}

TEST(TokenizerTest, FastPathSymbolsAreOtherForWordAndSentenceBreaks) {
  for (std::string_view symbol : kFastPathSymbols) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(symbol.data(), static_cast<int32_t>(symbol.size())));
    ASSERT_EQ(u.countChar32(), 1) << symbol;
    UChar32 cp = u.char32At(0);
    EXPECT_EQ(u_getIntPropertyValue(cp, UCHAR_WORD_BREAK), U_WB_OTHER)
        << symbol;
    EXPECT_EQ(u_getIntPropertyValue(cp, UCHAR_SENTENCE_BREAK), U_SB_OTHER)
        << symbol;
    EXPECT_FALSE(u_hasBinaryProperty(cp, UCHAR_EXTENDED_PICTOGRAPHIC))
        << symbol;
  }
}

TEST(TokenizerTest, FastPathsMatchIcuWithSymbols) {
  std::mt19937 rng(31);
  for (int i = 0; i < 10000; ++i) {
    std::string s;
    for (int p = 0; p < 4; ++p) {
      s += RandomAscii(rng, 10);
      s += kFastPathSymbols[rng() % std::size(kFastPathSymbols)];
    }
    ASSERT_TRUE(FastPathApplies(s));
    ASSERT_EQ(FastWordSpans(s), reference::IcuWordSpans(s)) << "[" << s << "]";
    ASSERT_EQ(FastSentenceBreaks(s), reference::IcuSentenceBreaks(s))
        << "[" << s << "]";
  }
  EXPECT_FALSE(FastPathApplies("caf\u00e9"));
  EXPECT_FALSE(FastPathApplies("\xa3"));  // truncated, invalid UTF-8
}

// IsAscii (16 bytes at a time) against a byte loop, with one high byte at
// every position of strings around the block size.
TEST(TokenizerTest, IsAsciiMatchesByteLoop) {
  std::mt19937 rng(16);
  for (int i = 0; i < 20000; ++i) {
    std::string s(rng() % 70, 'a');
    for (char& c : s) c = static_cast<char>(rng() % 0x80);
    if (!s.empty() && rng() % 2 == 0) s[rng() % s.size()] = static_cast<char>(0x80 + rng() % 0x80);
    const bool want = std::all_of(s.begin(), s.end(),
                                  [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    ASSERT_EQ(IsAscii(s), want) << i;
  }
}

TEST(TokenizerTest, IcuPathMatchesReferenceOnNonAscii) {
  // Non-ASCII input goes through ICU inside the library; offsets are bytes.
  for (std::string s : {"Caf\u00e9 costs \u00a35.50, na\u00efve - 2.5%.",
                        "\u00c9tat: 28-point \u0434\u043e\u043c \u2022 x",
                        "\u65e5\u672c\u8a9e and \u00fcber-cool"}) {
    EXPECT_EQ(TokenTexts(s, Tokenize(s)),
              TokenTexts(s, reference::IcuTokenize(s)))
        << s;
    std::vector<uint32_t> breaks;
    AppendIcuSentenceBreaks(s, &breaks);
    EXPECT_EQ(breaks, reference::IcuSentenceBreaks(s)) << s;
  }
}

// Text mixing ASCII with characters that need ICU, placed where they touch
// the stretch cuts: combining marks and format characters right after a
// space or a newline, emoji with ZWJ, regional indicators, CJK and Thai
// (dictionary segmentation), NBSP and thin spaces, and the fast-path
// symbols. Tokenize runs ICU only on the stretches around them.
std::string RandomMixedText(std::mt19937& rng, size_t pieces) {
  static const std::vector<std::string> kPieces = {
      "the", "Vorland", "2.5%", "28-point", "don't", "U.S.", "4,000", "a_1",
      "e-mail", "x@y", " ", " ", " ", "  ", "\n", "\n\n", "\r\n", ".", ",",
      "'", "-", "\"", ":", "\t", "caf\u00e9", "\u0301", " \u0301",
      "\n\u0301", "\u00ad", "\u200b", "\u200d", "\u2060", "\U0001F600",
      "\U0001F468\u200d\U0001F469", "\U0001F1EB\U0001F1F7", "\u5317\u4eac",
      "\u6771\u4eac\u90fd", "\u0e20\u0e32\u0e29\u0e32\u0e44\u0e17\u0e22",
      "\u00a0", "\u2009", "\u202f", "\u3000", "\u00a3", "\u20ac", "\u2022",
      "\u00b0", "\u2019", "\u201c", "\u2014", "\u0434\u043e\u043c",
      "\u0661\u0662", "\uff11\uff12", "\u00e9t\u00e9", "na\u00efve."};
  std::string s;
  for (size_t i = 0; i < pieces; ++i) s += kPieces[rng() % kPieces.size()];
  return s;
}

TEST(TokenizerTest, StretchedFastPathMatchesIcuOnMixedText) {
  std::mt19937 rng(424242);
  for (int i = 0; i < 20000; ++i) {
    const std::string s = RandomMixedText(rng, 1 + rng() % 40);
    const std::vector<Token> got = Tokenize(s);
    const std::vector<Token> want = reference::IcuTokenize(s);
    ASSERT_EQ(TokenTexts(s, got), TokenTexts(s, want)) << "[" << s << "]";
    for (size_t k = 0; k < got.size(); ++k) {
      ASSERT_EQ(got[k].span.begin, want[k].span.begin) << s;
      ASSERT_EQ(got[k].kind, want[k].kind) << s;
    }
  }
}

// Real news after cleaning and normalization, as the dedup fast path sees
// it, and raw (read at run time, never copied into the repo). AllSides
// text keeps accented names, symbols and the odd emoji.
TEST(TokenizerTest, TokenizeMatchesIcuOnRealCleanedNews) {
  const std::string path = std::string(TWICETOLD_SOURCE_DIR) +
                           "/../shared/data/corpora/allsides.jsonl.xz";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " not present";
  std::vector<std::string> bodies;
  ReadOptions options;
  options.keep_original = false;
  auto read = ReadInputs(
      {path}, options,
      [&](Article&& a) {
        if (bodies.size() < 1000) bodies.push_back(std::move(a.body));
      },
      [](Rejected&&) {});
  ASSERT_TRUE(read.ok());
  int non_ascii = 0;
  for (const std::string& raw : bodies) {
    const std::string text =
        Normalize(CleanBody(raw, CleanOptions{}).text.text, {}).text;
    non_ascii += !FastPathApplies(text);
    for (const std::string& s : {text, raw}) {
      ASSERT_EQ(TokenTexts(s, Tokenize(s)),
                TokenTexts(s, reference::IcuTokenize(s)));
    }
  }
  EXPECT_GT(non_ascii, 10);
}

TEST(TokenizerTest, FastPathsMatchIcuOnRealNews) {
  // Real text read at run time (never copied into the repo); every 3rd
  // article of the BBC corpus, block by block as Segment sees it.
  std::ifstream in(std::string(TWICETOLD_SOURCE_DIR) +
                   "/../shared/data/corpora/bbc.jsonl");
  if (!in) GTEST_SKIP() << "bbc.jsonl not available";
  std::string line;
  int blocks = 0;
  for (int article = 0; std::getline(in, line); ++article) {
    if (article % 3 != 0) continue;
    auto json = nlohmann::json::parse(line, nullptr, false);
    if (!json.is_object() || !json["text"].is_string()) continue;
    const std::string text =
        Normalize(json["text"].get<std::string>(), {}).text;
    for (const Block& block : Segment(text, {}).blocks) {
      std::string_view s = block.span.In(text);
      if (!FastPathApplies(s)) continue;
      ++blocks;
      ASSERT_EQ(FastWordSpans(s), reference::IcuWordSpans(s)) << s;
      ASSERT_EQ(FastSentenceBreaks(s), reference::IcuSentenceBreaks(s)) << s;
      ASSERT_EQ(TokenTexts(s, Tokenize(s)),
                TokenTexts(s, reference::IcuTokenize(s)));
    }
  }
  EXPECT_GT(blocks, 1000);
}

TEST(TokenizerTest, KeepsNewsShapesWhole) {
  const std::string s =
      "A 28-point lead, 4,000 troops, 2.5% growth after a five-hour "
      "meeting; they don't know U.S. plans.";
  EXPECT_EQ(TokenTexts(s, Tokenize(s)),
            (std::vector<std::string>{"A", "28-point", "lead", "4,000",
                                      "troops", "2.5%", "growth", "after", "a",
                                      "five-hour", "meeting", "they", "don't",
                                      "know", "U.S", "plans"}));
}

TEST(TokenizerTest, DropsPunctuationAndSetsKinds) {
  const std::string s = "-- \"Hi\" (3) 12th x";
  std::vector<Token> tokens = Tokenize(s);
  ASSERT_EQ(TokenTexts(s, tokens),
            (std::vector<std::string>{"Hi", "3", "12th", "x"}));
  EXPECT_EQ(tokens[0].kind, TokenKind::kWord);
  EXPECT_EQ(tokens[1].kind, TokenKind::kNumber);
  EXPECT_EQ(tokens[2].kind, TokenKind::kNumber);
  EXPECT_EQ(tokens[1].span, (Span{9, 10}));
}

TEST(TokenizerTest, DashWithSpacesSeparates) {
  const std::string s = "Moscow - Kyiv x--y";
  EXPECT_EQ(TokenTexts(s, Tokenize(s)),
            (std::vector<std::string>{"Moscow", "Kyiv", "x", "y"}));
}

TEST(TokenizerTest, RealSentencesMatchReference) {
  const std::vector<std::string> sentences = {
      "Quarterly profits at the firm jumped 76% to $1.13bn for the three "
      "months to December, from $639m a year earlier.",
      "Arrivals for the week ended February 22 were 155,221 bags\nof 60 "
      "kilos making a cumulative total of 5.93 mln.",
      "He said: \"We're not going anywhere.\" Officials (who declined to be "
      "named) said talks would resume on Jan. 5 in Geneva.",
      "The U.S.-led coalition's 3rd-quarter e-mail said 10:30 a.m. EST.",
  };
  for (const std::string& s : sentences) {
    EXPECT_EQ(TokenTexts(s, Tokenize(s)),
              TokenTexts(s, reference::IcuTokenize(s)));
    EXPECT_EQ(FastSentenceBreaks(s), reference::IcuSentenceBreaks(s)) << s;
  }
}

}  // namespace
}  // namespace twicetold
