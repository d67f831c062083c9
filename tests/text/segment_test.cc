// Segment: blocks (paragraphs, headings, list items), sentences, tokens.
#include "twicetold/segment.h"

#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "twicetold/normalize.h"

namespace twicetold {
namespace {

struct Shown {
  std::string text;
  BlockKind kind;
  friend bool operator==(const Shown&, const Shown&) = default;
  friend std::ostream& operator<<(std::ostream& os, const Shown& s) {
    return os << BlockKindName(s.kind) << ":[" << s.text << "]";
  }
};

std::vector<Shown> Blocks(std::string_view text) {
  std::vector<Shown> out;
  for (const Block& b : Segment(text, {}).blocks) {
    out.push_back({std::string(b.span.In(text)), b.kind});
  }
  return out;
}

std::vector<std::string> Sentences(std::string_view text) {
  std::vector<std::string> out;
  for (const Sentence& s : Segment(text, {}).sentences) {
    out.emplace_back(s.span.In(text));
  }
  return out;
}

constexpr BlockKind kP = BlockKind::kParagraph;
constexpr BlockKind kH = BlockKind::kHeading;
constexpr BlockKind kL = BlockKind::kListItem;

TEST(SegmentTest, AbbreviationsAndInitialsDoNotEndSentences) {
  EXPECT_EQ(Sentences("Mr. Smith met Gen. Jones on Dec. 2 in Paris. The U.S. "
                      "Senate and J. R. Smith agreed. Talks end Sept. 30. "
                      "Room No. 10 was used."),
            (std::vector<std::string>{
                "Mr. Smith met Gen. Jones on Dec. 2 in Paris.",
                "The U.S. Senate and J. R. Smith agreed.",
                "Talks end Sept. 30.", "Room No. 10 was used."}));
}

TEST(SegmentTest, OrdinarySentenceEndsSplit) {
  EXPECT_EQ(
      Sentences("Prices rose 2.5% in 2024. Nobody knew why! Did they? "
                "Yes..."),
      (std::vector<std::string>{"Prices rose 2.5% in 2024.", "Nobody knew why!",
                                "Did they?", "Yes..."}));
}

TEST(SegmentTest, QuotationSpanningSentencesStaysWhole) {
  EXPECT_EQ(Sentences("Trump conceded it was hard. \"Not an easy situation, "
                      "let me tell you. What a mess,\" he said during a "
                      "cabinet meeting. Yet Rubio saw progress."),
            (std::vector<std::string>{
                "Trump conceded it was hard.",
                "\"Not an easy situation, let me tell you. What a mess,\" he "
                "said during a cabinet meeting.",
                "Yet Rubio saw progress."}));
}

TEST(SegmentTest, QuestionInQuoteFollowedByLowercaseStays) {
  EXPECT_EQ(Sentences("\"Why?\" he asked. Nobody knew."),
            (std::vector<std::string>{"\"Why?\" he asked.", "Nobody knew."}));
}

TEST(SegmentTest, UnclosedQuoteDoesNotSwallowTheBlock) {
  // Multi-paragraph quotes leave the paragraph's quote open.
  EXPECT_EQ(Sentences("\"We will go. We will win.\n\n\"Then we rest.\""),
            (std::vector<std::string>{"\"We will go.", "We will win.",
                                      "\"Then we rest.\""}));
}

TEST(SegmentTest, SentencesNeverCrossBlocksAndIgnoreLineWrapping) {
  const std::string text =
      "Arrivals for the week were 155,221 bags\nof 60 kilos. Again it\n"
      "seemed late\n\nNext block starts here. Ends.";
  Segmentation seg = Segment(text, {});
  ASSERT_EQ(seg.blocks.size(), 2u);
  EXPECT_EQ(Sentences(text),
            (std::vector<std::string>{
                "Arrivals for the week were 155,221 bags\nof 60 kilos.",
                "Again it\nseemed late", "Next block starts here.", "Ends."}));
  EXPECT_EQ(seg.sentences[1].block, 0u);
  EXPECT_EQ(seg.sentences[2].block, 1u);
}

TEST(SegmentTest, HeadingsAreShortUnpunctuatedSingleLines) {
  const std::string text =
      "Kremlin: No Deal on Territory\n\n"
      "Trump: \"Not an Easy Situation\"\n\n"
      "Ukraine faces mounting pressure:\n\n"
      "The talks ended.\n\n"
      "This single line has far too many words to be taken for any kind of "
      "heading at all\n\n"
      "Two short lines\nmake a paragraph";
  EXPECT_EQ(Blocks(text),
            (std::vector<Shown>{
                {"Kremlin: No Deal on Territory", kH},
                {"Trump: \"Not an Easy Situation\"", kH},
                {"Ukraine faces mounting pressure:", kP},
                {"The talks ended.", kP},
                {"This single line has far too many words to be taken for "
                 "any kind of heading at all",
                 kP},
                {"Two short lines\nmake a paragraph", kP}}));
}

TEST(SegmentTest, MaxHeadingWordsIsAnOption) {
  SegmentOptions options;
  options.max_heading_words = 2;
  const std::string text = "Growing European Anxiety";
  EXPECT_EQ(Segment(text, options).blocks[0].kind, kP);
  EXPECT_EQ(Segment(text, {}).blocks[0].kind, kH);
}

TEST(SegmentTest, BulletsSeparatedBySingleNewlines) {
  const std::string text =
      "Russia rejected key parts, including:\n\n"
      "  \u2022 Any requirement that Russia relinquish land\n"
      "  \u2022 Any involvement of monitoring forces\n\n"
      "Next paragraph.";
  EXPECT_EQ(
      Blocks(text),
      (std::vector<Shown>{{"Russia rejected key parts, including:", kP},
                          {"Any requirement that Russia relinquish land", kL},
                          {"Any involvement of monitoring forces", kL},
                          {"Next paragraph.", kP}}));
}

TEST(SegmentTest, LeadInAndItemsInOneBlock) {
  EXPECT_EQ(Blocks("Ukraine faces pressure:\n- Rapid advances\n* Attacks\n"
                   "\u00b7 Turmoil, including\n  a resignation"),
            (std::vector<Shown>{{"Ukraine faces pressure:", kP},
                                {"Rapid advances", kL},
                                {"Attacks", kL},
                                {"Turmoil, including\n  a resignation", kL}}));
}

TEST(SegmentTest, NumberedAndLetteredLists) {
  EXPECT_EQ(Blocks("1. First point.\n2) Second point\n\na) alpha\nb) beta"),
            (std::vector<Shown>{{"First point.", kL},
                                {"Second point", kL},
                                {"alpha", kL},
                                {"beta", kL}}));
}

TEST(SegmentTest, WrappedLinesStartingWithNumbersOrDashesAreNotItems) {
  EXPECT_EQ(Blocks("Sales rose sharply in\n1986. Analysts expect more in\n"
                   "- and beyond - the next year."),
            (std::vector<Shown>{{"Sales rose sharply in\n1986. Analysts "
                                 "expect more in\n- and beyond - the next "
                                 "year.",
                                 kP}}));
}

TEST(SegmentTest, EmptyAndBlankInput) {
  EXPECT_TRUE(Segment("", {}).blocks.empty());
  Segmentation seg = Segment(" \n \n\t\n", {});
  EXPECT_TRUE(seg.blocks.empty());
  EXPECT_TRUE(seg.sentences.empty());
  EXPECT_TRUE(seg.tokens.empty());
}

TEST(SegmentTest, TokensAreOptionalAndExcludeListMarkers) {
  const std::string text = "1. Five-hour talks\n2. No deal";
  Segmentation seg = Segment(text, {});
  std::vector<std::string> tokens;
  for (const Token& t : seg.tokens) tokens.emplace_back(t.span.In(text));
  EXPECT_EQ(tokens,
            (std::vector<std::string>{"Five-hour", "talks", "No", "deal"}));
  SegmentOptions options;
  options.tokens = false;
  EXPECT_TRUE(Segment(text, options).tokens.empty());
}

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t'; }

// Every span lies inside the text, is non-empty and trimmed; sentences lie
// inside their block, in order; tokens lie inside blocks.
void ExpectWellFormed(std::string_view text, const Segmentation& seg) {
  for (const Block& b : seg.blocks) {
    ASSERT_LE(b.span.end, text.size());
    ASSERT_FALSE(b.span.empty());
    EXPECT_FALSE(IsSpace(text[b.span.begin]) || IsSpace(text[b.span.end - 1]));
  }
  uint32_t last_end = 0;
  for (const Sentence& s : seg.sentences) {
    ASSERT_LT(s.block, seg.blocks.size());
    const Span b = seg.blocks[s.block].span;
    EXPECT_GE(s.span.begin, b.begin);
    EXPECT_LE(s.span.end, b.end);
    EXPECT_GE(s.span.begin, last_end);
    ASSERT_FALSE(s.span.empty());
    EXPECT_FALSE(IsSpace(text[s.span.begin]) || IsSpace(text[s.span.end - 1]));
    last_end = s.span.end;
  }
  size_t block = 0;
  for (const Token& t : seg.tokens) {
    while (block < seg.blocks.size() && seg.blocks[block].span.end < t.span.end)
      ++block;
    ASSERT_LT(block, seg.blocks.size());
    EXPECT_GE(t.span.begin, seg.blocks[block].span.begin);
  }
}

TEST(SegmentTest, SpansWellFormedOnRandomText) {
  std::mt19937 rng(5);
  const std::vector<std::string> pieces = {
      "The",     "said", "Mr.",       "U.S.",      "\"Yes.", "no,\"",
      "2.5%",    "\n",   "\n\n",      "  \u2022 ", "- ",     "1. ",
      "Heading", "end.", "caf\u00e9", "?",         " "};
  for (int i = 0; i < 2000; ++i) {
    std::string text;
    for (int w = 0; w < 30; ++w) {
      text += pieces[rng() % pieces.size()];
      text += ' ';
    }
    ExpectWellFormed(text, Segment(text, {}));
  }
}

std::string ReadSeed(const char* name) {
  std::ifstream in(std::string(TWICETOLD_SOURCE_DIR) + "/../shared/seeds/" +
                   name);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(SegmentTest, SeedArticleHeadingsAndListItems) {
  std::string raw = ReadSeed("002_3a9a5a7e32f96ca7.txt");
  if (raw.empty()) GTEST_SKIP() << "seed 002 not available";
  // The first line is the title; the body follows the first blank line.
  std::string body = raw.substr(raw.find("\n\n") + 2);
  MappedText normalized = Normalize(body, NormalizeOptions{});
  const std::string& text = normalized.text;
  Segmentation seg = Segment(text, {});
  ExpectWellFormed(text, seg);
  std::vector<std::string> headings, items;
  for (const Block& b : seg.blocks) {
    if (b.kind == kH) headings.emplace_back(b.span.In(text));
    if (b.kind == kL) items.emplace_back(b.span.In(text));
  }
  EXPECT_EQ(headings.size(), 6u) << ::testing::PrintToString(headings);
  EXPECT_EQ(items.size(), 5u) << ::testing::PrintToString(items);
  EXPECT_EQ(headings[0], "Kremlin: No Deal on Territory");
  EXPECT_EQ(headings[1], "Trump: \"Not an Easy Situation\"");
  EXPECT_EQ(items[0],
            "Any requirement that Russia relinquish occupied "
            "territories");
  // With the title line, the title is a heading too.
  Segmentation whole = Segment(Normalize(raw, NormalizeOptions{}).text, {});
  EXPECT_EQ(whole.blocks[0].kind, kH);
}

}  // namespace
}  // namespace twicetold
