#include "twicetold/clean.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace twicetold {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

CleanedBody Clean(std::string_view body) {
  return CleanBody(body, CleanOptions{});
}

std::vector<std::string> RemovedTexts(const CleanedBody& cleaned,
                                      RemovalReason reason) {
  std::vector<std::string> out;
  for (const Removal& r : cleaned.removed) {
    if (r.reason == reason) out.push_back(r.text);
  }
  return out;
}

// Everything cut from the body: the removals and the dateline, in order.
std::vector<Span> Cuts(const CleanedBody& cleaned) {
  std::vector<Span> cuts;
  for (const Removal& r : cleaned.removed) cuts.push_back(r.span);
  if (cleaned.dateline) cuts.push_back(cleaned.dateline->span);
  std::sort(cuts.begin(), cuts.end(),
            [](Span x, Span y) { return x.begin < y.begin; });
  return cuts;
}

size_t Utf8Length(char lead) {
  auto b = static_cast<uint8_t>(lead);
  return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

// Checks the MappedText contract and the span contract of every removal.
// Returns, per body byte, whether the cleaned text keeps it.
std::vector<bool> ExpectWellFormed(std::string_view body,
                                   const CleanedBody& cleaned) {
  const MappedText& t = cleaned.text;
  std::vector<bool> kept(body.size(), false);
  EXPECT_EQ(t.to_original.size(), t.text.size() + 1);
  if (t.to_original.size() != t.text.size() + 1) return kept;
  EXPECT_LE(t.to_original.back(), body.size());
  if (!t.text.empty()) EXPECT_GT(t.to_original.back(), t.to_original[t.text.size() - 1]);
  for (size_t i = 0; i < t.text.size();) {
    uint32_t o = t.to_original[i];
    EXPECT_LT(o, body.size());
    if (o >= body.size()) return kept;
    EXPECT_LE(o, t.to_original[i + 1]);
    EXPECT_NE(static_cast<uint8_t>(body[o]) & 0xC0, 0x80) << "mid-character";
    if (t.text[i] == '\n') {  // kept or separator newline
      EXPECT_TRUE(body[o] == '\n' || body[o] == '\r') << i;
      kept[o] = true;
      ++i;
      continue;
    }
    // A whole character, copied from where it maps to.
    size_t len = Utf8Length(t.text[i]);
    EXPECT_EQ(t.text.substr(i, len), body.substr(o, len)) << i;
    for (size_t k = 0; k < len && i + k < t.text.size(); ++k) {
      EXPECT_EQ(t.to_original[i + k], o);
      if (o + k < body.size()) kept[o + k] = true;
    }
    i += len;
  }
  // Removals never create runs of blank lines (the body may have its own).
  if (body.find("\n\n\n") == std::string_view::npos) {
    EXPECT_THAT(t.text, Not(HasSubstr("\n\n\n")));
  }
  uint32_t last_end = 0;
  for (const Removal& r : cleaned.removed) {
    EXPECT_LE(r.span.end, body.size());
    EXPECT_EQ(r.span.In(body), r.text);
    EXPECT_GE(r.span.begin, last_end) << "removals overlap or out of order";
    last_end = r.span.end;
  }
  return kept;
}

// --- One test per removal kind, on fictional text. ---

TEST(CleanBodyTest, NothingToRemoveKeepsBodyByteForByte) {
  std::string body =
      "The harbour council met on Tuesday.\n\n"
      "Members voted 7-2 to repair the north pier before winter.\n";
  CleanedBody cleaned = Clean(body);
  ExpectWellFormed(body, cleaned);
  EXPECT_TRUE(cleaned.removed.empty());
  EXPECT_FALSE(cleaned.dateline.has_value());
  EXPECT_EQ(cleaned.text.text, body);
  EXPECT_EQ(cleaned.text.to_original, MappedText::Identity(body).to_original);
}

TEST(CleanBodyTest, RemovesLaterCopyOfRepeatedLine) {
  std::string body =
      "The mayor opened the lantern festival on Sunday.\n\n"
      "The mayor opened the lantern festival on Sunday.\n\n"
      "Crowds filled the square until midnight.\n\n"
      "Photo\n\nPhoto\n";
  CleanedBody cleaned = Clean(body);
  ExpectWellFormed(body, cleaned);
  ASSERT_EQ(cleaned.removed.size(), 1u);
  EXPECT_EQ(cleaned.removed[0].reason, RemovalReason::kRepeatedLine);
  EXPECT_EQ(cleaned.removed[0].span.begin, body.find("The mayor", 1));
  // The first copy stays; short repeats ("Photo") stay.
  EXPECT_EQ(cleaned.text.text,
            "The mayor opened the lantern festival on Sunday.\n\n"
            "Crowds filled the square until midnight.\n\n"
            "Photo\n\nPhoto\n");
}

TEST(CleanBodyTest, RemovesRepeatedRunsAndNonSentences) {
  std::string body =
      "SPECIAL REPORT: Floods on the coast\n\n"
      "Gallery one shows the pier at dawn.\n"
      "Gallery two shows the pier at dusk.\n\n"
      "The council met on Tuesday.\n\n"
      "Gallery one shows the pier at dawn.\n"
      "Gallery two shows the pier at dusk.\n\n"
      "The council adjourned on Wednesday.\n\n"
      "SPECIAL REPORT: Floods on the coast\n";
  CleanedBody cleaned = Clean(body);
  ExpectWellFormed(body, cleaned);
  EXPECT_THAT(RemovedTexts(cleaned, RemovalReason::kRepeatedLine),
              ElementsAre("Gallery one shows the pier at dawn.",
                          "Gallery two shows the pier at dusk.",
                          "SPECIAL REPORT: Floods on the coast"));
}

TEST(CleanBodyTest, KeepsARefrainRepeatedBetweenParagraphs) {
  std::string body =
      "Rents rose again this spring.\n\n"
      "Yet the harbour still floods every year.\n\n"
      "Wages stayed flat for a decade.\n\n"
      "Yet the harbour still floods every year.\n\n"
      "Insurers left the town in 2019.\n\n"
      "Yet the harbour still floods every year.\n";
  CleanedBody cleaned = Clean(body);
  EXPECT_TRUE(cleaned.removed.empty());
  EXPECT_EQ(cleaned.text.text, body);
}

TEST(CleanBodyTest, RepeatsCompareAfterNormalization) {
  std::string body =
      "\u201CWe will rebuild,\u201D the mayor said on Sunday.\n\n"
      "\"We will  rebuild,\" the mayor said on\u00A0Sunday.\n";
  CleanedBody cleaned = Clean(body);
  ExpectWellFormed(body, cleaned);
  EXPECT_THAT(
      RemovedTexts(cleaned, RemovalReason::kRepeatedLine),
      ElementsAre("\"We will  rebuild,\" the mayor said on\u00A0Sunday."));
}

TEST(CleanBodyTest, RemovesCaptions) {
  const std::vector<std::string> captions = {
      "Photo: Jane Roe",
      "PHOTO CREDIT: Office of the Harbour Master",
      "File photo - the north pier in 2019.",
      "Fishing boats return to the harbour at dawn. (XYZ)",
      "Fishing boats return to the harbour at dawn. (Wire/Jane Roe)",
      "Fishing boats return to the harbour at dawn (AP Photo/Jane Roe)",
      "Fishing boats return to the harbour at dawn. Jane Roe / Getty Images",
      "The old lighthouse, seen from the pier. (Courtesy of the museum)",
  };
  for (const std::string& caption : captions) {
    std::string body = "The pier reopened on Monday.\n\n" + caption +
                       "\n\nRepairs cost 2 million crowns.";
    CleanedBody cleaned = Clean(body);
    ExpectWellFormed(body, cleaned);
    EXPECT_THAT(RemovedTexts(cleaned, RemovalReason::kCaption),
                ElementsAre(caption));
    EXPECT_EQ(cleaned.text.text,
              "The pier reopened on Monday.\n\nRepairs cost 2 million crowns.");
  }
}

TEST(CleanBodyTest, RemovesAdvertisementLines) {
  const std::vector<std::string> ads = {
      "Advertisement",
      "ADVERTISEMENT",
      "Advertisment",
      "Sponsored content",
      "Fly Northwind Advertisement",
      "Sponsored",
      "Ad Feedback",
  };
  for (const std::string& ad : ads) {
    std::string body = "Ferries resume service.\n" + ad + "\nTickets are free.";
    CleanedBody cleaned = Clean(body);
    ExpectWellFormed(body, cleaned);
    EXPECT_THAT(RemovedTexts(cleaned, RemovalReason::kAdvertisement),
                ElementsAre(ad));
    EXPECT_EQ(cleaned.text.text, "Ferries resume service.\nTickets are free.");
  }
}

TEST(CleanBodyTest, RemovesFurniture) {
  const std::vector<std::string> lines = {
      "Story continues below advertisement",
      "Story Continued Below",
      "Please enable JavaScript to view the comments.",
      "Click here to read the full report.",
      "CLICK HERE TO GET THE NORTHWIND NEWS APP",
      "Sign up for our morning newsletter",
      "Manage Newsletters",
      "Copyright (c) 2024 Harbour Gazette. All rights reserved.",
      "\u00A9 2023 Example Media Group",
      "All rights reserved.",
      "Read more: Ferries return to the north pier",
      "Share this article",
      "Follow us on Instagram",
      "This article was originally published by the Harbour Gazette.",
      "The Wire Service contributed to this report.",
  };
  for (const std::string& line : lines) {
    std::string body =
        "Ferries resume service.\n\n" + line + "\n\nTickets are free.";
    CleanedBody cleaned = Clean(body);
    ExpectWellFormed(body, cleaned);
    EXPECT_THAT(RemovedTexts(cleaned, RemovalReason::kFurniture),
                ElementsAre(line));
    EXPECT_EQ(cleaned.text.text,
              "Ferries resume service.\n\nTickets are free.");
  }
}

TEST(CleanBodyTest, RemovesBlankFillerAndKeepsParagraphBreak) {
  for (std::string filler : {"\u00A0", "* * *", "\u200B", " \u2022 ", "---"}) {
    std::string body =
        "Ferries resume service.\n" + filler + "\nTickets are free.";
    CleanedBody cleaned = Clean(body);
    ExpectWellFormed(body, cleaned);
    EXPECT_THAT(RemovedTexts(cleaned, RemovalReason::kBlankFiller),
                ElementsAre(filler));
    // A filler line separated two paragraphs: the break survives.
    EXPECT_EQ(cleaned.text.text,
              "Ferries resume service.\n\nTickets are free.");
  }
}

TEST(CleanBodyTest, OptionsTurnRulesOff) {
  std::string body =
      "Advertisement\n\u00A0\nPhoto: Jane Roe\nStory continues below";
  CleanOptions off;
  off.remove_advertisements = off.remove_blank_filler = false;
  off.remove_captions = off.remove_furniture = false;
  CleanedBody cleaned = CleanBody(body, off);
  EXPECT_TRUE(cleaned.removed.empty());
  EXPECT_EQ(cleaned.text.text, body);
}

// --- Datelines. ---

struct DatelineCase {
  std::string line;
  std::string place;
  std::string outlet;
  std::string rest;
};

TEST(CleanBodyTest, ExtractsDatelines) {
  const std::vector<DatelineCase> cases = {
      {"MOSCOW / WASHINGTON \u2014 Talks ended on Tuesday.",
       "MOSCOW / WASHINGTON", "", "Talks ended on Tuesday."},
      {"NORTHPORT (Harbour Wire) \u2014 Talks ended on Tuesday.", "NORTHPORT",
       "Harbour Wire", "Talks ended on Tuesday."},
      {"LONDON, March 3 (Wire) - Talks ended on Tuesday.", "LONDON", "Wire",
       "Talks ended on Tuesday."},
      {"ST. LOUIS \u2013 Talks ended on Tuesday.", "ST. LOUIS", "",
       "Talks ended on Tuesday."},
      {"AUSTIN, Texas -- Talks ended on Tuesday.", "AUSTIN, Texas", "",
       "Talks ended on Tuesday."},
      {"S\u00C3O PAULO\u00A0\u2014\u00A0Talks ended on Tuesday.",
       "S\u00C3O PAULO", "", "Talks ended on Tuesday."},
      {"WINSTON-SALEM, N.C. (XY) \u2014 Talks ended on Tuesday.",
       "WINSTON-SALEM, N.C.", "XY", "Talks ended on Tuesday."},
      {"GENEVA (Wire) - WHO officials met on Tuesday.", "GENEVA", "Wire",
       "WHO officials met on Tuesday."},
  };
  for (const DatelineCase& c : cases) {
    std::string body = "\n" + c.line + "\n\nMore talks are planned.";
    CleanedBody cleaned = Clean(body);
    ExpectWellFormed(body, cleaned);
    ASSERT_TRUE(cleaned.dateline.has_value()) << c.line;
    EXPECT_EQ(cleaned.dateline->place, c.place);
    EXPECT_EQ(cleaned.dateline->outlet, c.outlet);
    std::string_view span = cleaned.dateline->span.In(body);
    EXPECT_EQ(span.substr(0, c.place.size()), c.place);
    EXPECT_TRUE(span.back() == '-' || span.ends_with("\u2014") ||
                span.ends_with("\u2013"))
        << span;
    EXPECT_TRUE(cleaned.removed.empty()) << "a dateline is metadata, not a removal";
    EXPECT_EQ(cleaned.text.text, c.rest + "\n\nMore talks are planned.");
  }
}

TEST(CleanBodyTest, DoesNotMistakeOtherOpeningsForDatelines) {
  const std::vector<std::string> openings = {
      "US\u2013Nordic trade talks ended on Tuesday.",
      "I \u2014 and many others \u2014 disagree.",
      "The LONDON \u2014 PARIS train was late.",
      "Harbour talks ended \u2014 for now.",
      "NORTHPORT officials said talks ended.",
      "NORTHWIND \u2014 along with two other ferry lines \u2014 cut fares.",
      "UPDATE - The vote was moved to Friday.",
      "BREAKING \u2014 The pier has collapsed.",
      "HARBOUR TANKERS - April 1",
      "NORTHPORT \u2014",
      "FEDERAL HARBOUR FUNDING REVIEW BOARD - The board met on Tuesday.",
      // Wire table titles: the words after the dash stay in capitals.
      "PORT GRAIN RATES - NORTHERN STATE TERMINAL EFFECTIVE MAY 2, 2026",
      "KESSICK EXCHANGE OPENING - MAY 4 us 1.2210/15 (1.2260/70) stg",
  };
  for (const std::string& line : openings) {
    std::string body = line + "\n\nMore talks are planned.";
    CleanedBody cleaned = Clean(body);
    EXPECT_FALSE(cleaned.dateline.has_value()) << line;
    EXPECT_EQ(cleaned.text.text, body);
  }
}

TEST(CleanBodyTest, DatelineOnlyNearTheTop) {
  std::string body = "One.\n\nTwo.\n\nThree.\n\nNORTHPORT \u2014 Four.\n";
  EXPECT_FALSE(Clean(body).dateline.has_value());
  CleanOptions no_dateline;
  no_dateline.extract_dateline = false;
  EXPECT_FALSE(CleanBody("NORTHPORT \u2014 One.", no_dateline).dateline);
}

// --- Real sentences that mention ads, photos or credits stay. ---

TEST(CleanBodyTest, KeepsRealSentencesWithTriggerWords) {
  const std::vector<std::string> keep = {
      "The company spent more on advertisement than on research, filings show.",
      "Advertising revenue fell sharply",
      "State-sponsored hackers targeted the grid",
      "Sponsored bills rarely pass",
      "The treaty was signed by members of the Northern Fisheries Organization "
      "(NFO)",
      "Inspectors from the Atomic Agency arrived (IAEA).",
      "The photo was taken by a bystander, police said.",
      "Photographers gathered outside the court on Monday.",
      "Readers were asked to click here and there, the study found, which "
      "confused many of them.",
      "Copyright law has changed little since 1998, experts said.",
      "She said the crash was caused by a pilot error (see image).",
      "The senator said the memo was leaked (the file was later released)",
      "Click-through data are in the appendix (PDF file)",
      "\"We will not leave,\" she said. \"Not now.\" He agreed. (ALERT)",
      "night's higher harbour market, dealers said. (ABCD)",
  };
  for (const std::string& line : keep) {
    std::string body =
        "Ferries resume service.\n\n" + line + "\n\nTickets are free.";
    CleanedBody cleaned = Clean(body);
    EXPECT_TRUE(cleaned.removed.empty())
        << line << " -> "
        << (cleaned.removed.empty()
                ? ""
                : RemovalReasonName(cleaned.removed[0].reason));
    EXPECT_EQ(cleaned.text.text, body);
  }
}

TEST(CleanBodyTest, LongParagraphEndingInAgencyCreditIsNotACaption) {
  std::string paragraph;
  for (int i = 0; i < 8; ++i) {
    paragraph += "The harbour council debated the pier repairs for hours. ";
  }
  paragraph += "(XYZ)";  // 8 * 8 = 64 words before the credit
  std::string body = "Intro.\n\n" + paragraph + "\n\nOutro.";
  EXPECT_TRUE(Clean(body).removed.empty());
  // The same credit after a short caption is removed.
  std::string caption = "The harbour council debated the pier repairs. (XYZ)";
  EXPECT_THAT(
      RemovedTexts(Clean("Intro.\n\n" + caption), RemovalReason::kCaption),
      ElementsAre(caption));
}

TEST(CleanBodyTest, CrLfLinesAndNoKeptLines) {
  std::string body = "Advertisement\r\n\r\nRead more: other news\r\n";
  CleanedBody cleaned = Clean(body);
  ExpectWellFormed(body, cleaned);
  EXPECT_EQ(cleaned.removed.size(), 2u);
  EXPECT_EQ(cleaned.removed[0].text, "Advertisement");
  EXPECT_EQ(cleaned.text.text, "");
  EXPECT_EQ(Clean("").text.text, "");
  EXPECT_EQ(Clean("").text.to_original.size(), 1u);
}

TEST(CleanBodyTest, ReasonNames) {
  EXPECT_EQ(RemovalReasonName(RemovalReason::kRepeatedLine), "repeated_line");
  EXPECT_EQ(RemovalReasonName(RemovalReason::kCaption), "caption");
  EXPECT_EQ(RemovalReasonName(RemovalReason::kAdvertisement), "advertisement");
  EXPECT_EQ(RemovalReasonName(RemovalReason::kFurniture), "furniture");
  EXPECT_EQ(RemovalReasonName(RemovalReason::kBlankFiller), "blank_filler");
}

// --- Seed acceptance (read at test time, skipped if absent). ---

std::optional<std::string> ReadSeedBody(const std::string& prefix) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(TWICETOLD_SOURCE_DIR) / ".." / "shared" / "seeds";
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (!entry.path().filename().string().starts_with(prefix)) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string file = ss.str();
    size_t title = file.find_first_not_of("\r\n");
    size_t nl = file.find('\n', title);
    return nl == std::string::npos ? "" : file.substr(nl + 1);
  }
  return std::nullopt;
}

std::vector<std::string> NonEmptyLines(std::string_view body) {
  std::vector<std::string> lines;
  std::istringstream in{std::string(body)};
  for (std::string line; std::getline(in, line);) {
    if (line.find_first_not_of(" \t\r") != std::string::npos) {
      lines.push_back(line);
    }
  }
  return lines;
}

TEST(CleanBodySeedTest, Seed000) {
  std::optional<std::string> body = ReadSeedBody("000_");
  if (!body) GTEST_SKIP() << "seed 000 not found";
  CleanedBody cleaned = Clean(*body);
  ExpectWellFormed(*body, cleaned);
  std::vector<std::string> lines = NonEmptyLines(*body);
  ASSERT_GE(lines.size(), 6u);
  const std::string& caption = lines[1];
  ASSERT_EQ(lines[2], caption);
  EXPECT_THAT(RemovedTexts(cleaned, RemovalReason::kCaption),
              ElementsAre(caption));
  EXPECT_THAT(RemovedTexts(cleaned, RemovalReason::kRepeatedLine),
              ElementsAre(caption));
  EXPECT_THAT(RemovedTexts(cleaned, RemovalReason::kAdvertisement),
              ElementsAre("Fly Erbil Advertisment"));
  EXPECT_THAT(RemovedTexts(cleaned, RemovalReason::kBlankFiller),
              ElementsAre("\u00A0"));
  EXPECT_TRUE(RemovedTexts(cleaned, RemovalReason::kFurniture).empty());
  ASSERT_TRUE(cleaned.dateline.has_value());
  EXPECT_EQ(cleaned.dateline->place, "ERBIL");
  EXPECT_EQ(cleaned.dateline->outlet, "Kurdistan24");
  EXPECT_EQ(cleaned.removed.size(), 4u);
  // The subtitle and every paragraph from "High-stakes" to "As both sides"
  // survive intact; the first one without its dateline.
  const std::string& text = cleaned.text.text;
  EXPECT_THAT(text, HasSubstr(lines[0] + "\n\nHigh-stakes negotiations"));
  for (size_t i = 4; i + 2 < lines.size(); ++i) {
    EXPECT_THAT(text, HasSubstr(lines[i]));
  }
  EXPECT_TRUE(lines[lines.size() - 3].starts_with("As both sides"));
  EXPECT_TRUE(text.ends_with(lines[lines.size() - 3]));
}

TEST(CleanBodySeedTest, Seed002) {
  std::optional<std::string> body = ReadSeedBody("002_");
  if (!body) GTEST_SKIP() << "seed 002 not found";
  CleanedBody cleaned = Clean(*body);
  ExpectWellFormed(*body, cleaned);
  ASSERT_TRUE(cleaned.dateline.has_value());
  EXPECT_EQ(cleaned.dateline->place, "MOSCOW / WASHINGTON");
  EXPECT_EQ(cleaned.dateline->outlet, "");
  EXPECT_TRUE(cleaned.removed.empty());  // the dateline is metadata
  std::vector<std::string> lines = NonEmptyLines(*body);
  for (size_t i = 1; i < lines.size(); ++i) {
    EXPECT_THAT(cleaned.text.text, HasSubstr(lines[i]));
  }
  EXPECT_TRUE(cleaned.text.text.starts_with("High-level negotiations"));
}

TEST(CleanBodyTest, TextEndMapsToTheEndOfWhatWasKept) {
  const std::string body = "Talks ended today in the city.\n\nAdvertisement\n";
  CleanedBody cleaned = Clean(body);
  ExpectWellFormed(body, cleaned);
  ASSERT_EQ(cleaned.text.text, "Talks ended today in the city.");
  // A span ending at the end of the text ends after "city.", not after the ad.
  EXPECT_EQ(cleaned.text.to_original.back(), body.find("city.") + 5);
}

// --- Property: nothing disappears silently. ---

// Whitespace that may vanish between kept parts: ASCII, NBSP, thin spaces.
bool IsDroppableSpace(std::string_view body, size_t i, size_t* len) {
  static const char* const kSpaces[] = {"\u00A0", "\u2009", "\u202F"};
  *len = 1;
  char c = body[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
      c == '\v') {
    return true;
  }
  for (const char* s : kSpaces) {
    if (body.substr(i).starts_with(s)) {
      *len = std::string_view(s).size();
      return true;
    }
  }
  return false;
}

std::string RandomBody(std::mt19937& rng) {
  static const std::vector<std::string> kPool = {
      "The council approved the budget on Tuesday.",
      "\u201CWe are ready,\u201D the minister said \u2014 twice.",
      "Fishing boats return at dawn. (XYZ)",
      "Photo: Jane Roe",
      "Advertisement",
      "ADVERTISMENT",
      "Story continues below",
      "Read more: the budget in numbers",
      "\u00A0",
      "* * *",
      "\u200B",
      "NORTHPORT (Wire) \u2014 The vote was close.",
      "MOSCOW / WASHINGTON \u2014",
      "  indented line with trailing space  ",
      "caf\u00E9 na\u00EFve \u00C5ngstr\u00F6m \u0645\u0631\u062D\u0628\u0627 "
      "\u4E2D\u6587 \U0001F600",
      "e\u0301\u0301 combining marks",
      "",
      "",
      "   ",
  };
  static const std::vector<std::string> kBits = {
      "a", "Z",      " ",          "\u00A0", "\u2014", "-", "(",  ")",      ".",
      "/", "\u00E9", "\U0001F600", "\u200B", "\r",     "7", "AB", "\u2019",
  };
  std::string body;
  int n = std::uniform_int_distribution<int>(0, 14)(rng);
  std::vector<std::string> used;
  for (int i = 0; i < n; ++i) {
    int kind = std::uniform_int_distribution<int>(0, 9)(rng);
    std::string line;
    if (kind < 6) {
      line = kPool[rng() % kPool.size()];
    } else if (kind < 8 && !used.empty()) {
      line = used[rng() % used.size()];  // a repeat
    } else {
      int len = std::uniform_int_distribution<int>(0, 30)(rng);
      for (int j = 0; j < len; ++j) line += kBits[rng() % kBits.size()];
    }
    used.push_back(line);
    body += line;
    if (i + 1 < n || rng() % 2) body += (rng() % 3 == 0) ? "\n\n" : "\n";
  }
  return body;
}

TEST(CleanBodyPropertyTest, EveryByteIsKeptRemovedOrWhitespace) {
  std::mt19937 rng(20240601);
  for (int iter = 0; iter < 3000; ++iter) {
    std::string body = RandomBody(rng);
    CleanedBody cleaned = Clean(body);
    SCOPED_TRACE(testing::Message() << "iteration " << iter << " body:\n"
                                    << body);
    std::vector<bool> kept = ExpectWellFormed(body, cleaned);
    if (HasFailure()) return;
    std::vector<int> owners(body.size(), 0);
    for (const Span& cut : Cuts(cleaned)) {
      for (uint32_t i = cut.begin; i < cut.end; ++i) ++owners[i];
    }
    for (size_t o = 0; o < body.size(); ++o) {
      ASSERT_FALSE(kept[o] && owners[o] > 0)
          << "byte " << o << " both kept and removed";
      if (kept[o]) owners[o] = 1;
    }
    for (size_t i = 0; i < body.size();) {
      size_t len = 1;
      if (owners[i] == 0) {
        ASSERT_TRUE(IsDroppableSpace(body, i, &len))
            << "byte " << i << " vanished silently";
      } else {
        ASSERT_EQ(owners[i], 1) << "byte " << i;
      }
      i += len;
    }
  }
}

// Reference: the cleaned text, with whitespace removed, equals the body with
// the removal spans cut and whitespace removed. Catches reordering and
// duplication that the byte-ownership check above cannot see.
std::string WithoutSpaces(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    if (!IsDroppableSpace(s, i, &len)) out.append(s.substr(i, len));
    i += len;
  }
  return out;
}

TEST(CleanBodyPropertyTest, TextEqualsBodyMinusRemovalsUpToWhitespace) {
  std::mt19937 rng(7);
  for (int iter = 0; iter < 3000; ++iter) {
    std::string body = RandomBody(rng);
    CleanedBody cleaned = Clean(body);
    std::string expected;
    uint32_t pos = 0;
    for (const Span& cut : Cuts(cleaned)) {
      expected += body.substr(pos, cut.begin - pos);
      pos = cut.end;
    }
    expected += body.substr(pos);
    ASSERT_EQ(WithoutSpaces(cleaned.text.text), WithoutSpaces(expected))
        << "body:\n"
        << body;
  }
}

}  // namespace
}  // namespace twicetold
