// `twicetold quotes --json`: one line per article, spans in code points into
// the body as given.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/cli_runner.h"
#include "gtest/gtest.h"

namespace {

std::string RunCli(const std::string& args) {
  return twicetold::testing::RunCli(args).out;
}

// Code points of `s` from code point `begin` to `end`.
std::u32string Slice(const std::u32string& s, size_t begin, size_t end) {
  return s.substr(begin, end - begin);
}

std::u32string Utf32(const std::string& s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = s[i];
    const int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : c & (0x3F >> (n - 1));
    for (int k = 1; k < n; ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
    out += cp;
    i += n;
  }
  return out;
}

TEST(QuotesCli, JsonSpansAreCodePointsIntoTheBody) {
  const std::string body =
      "Zoë Müller, the café owner, spoke on Monday.\n\n"
      "\u201cWe stay open all winter,\u201d Müller said.";
  const auto dir = std::filesystem::temp_directory_path();
  const auto path = dir / "twicetold_quotes_cli_test.jsonl";
  {
    std::ofstream f(path);
    f << nlohmann::json({{"id", "x1"}, {"text", body}}).dump() << "\n";
  }
  const std::string out = RunCli("quotes --json --quiet " + path.string());
  std::filesystem::remove(path);
  const auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["id"], "x1");
  ASSERT_EQ(j["quotes"].size(), 1u);
  const auto& q = j["quotes"][0];
  EXPECT_EQ(q["text"], "We stay open all winter");
  EXPECT_EQ(q["speaker"], "Zoë Müller");
  EXPECT_EQ(q["fragment"], false);
  const std::u32string body32 = Utf32(body);
  EXPECT_EQ(Slice(body32, q["span"][0], q["span"][1]),
            U"We stay open all winter");
  EXPECT_EQ(Slice(body32, q["speaker_span"][0], q["speaker_span"][1]),
            U"Müller");
}

TEST(QuotesCli, ReadableListingNamesSpeakers) {
  const auto path =
      std::filesystem::temp_directory_path() / "twicetold_quotes_cli_test.txt";
  {
    std::ofstream f(path);
    f << "A title\n\n\"The road is open again,\" said Ivo Petrov.\n";
  }
  const std::string out = RunCli("quotes --quiet " + path.string());
  std::filesystem::remove(path);
  EXPECT_NE(out.find("Ivo Petrov: \"The road is open again\""),
            std::string::npos) << out;
}

TEST(QuotesCli, ArchiveApostrophesAndEmbeddedPhrasesOnRequest) {
  const auto path = std::filesystem::temp_directory_path() / "twicetold_quotes_cli_flags.txt";
  {
    std::ofstream f(path);
    f << "''We will rebuild the pier,'' said Ivo Petrov. Petrov said there had been "
         "\"hundreds of complaints\" in the district.\n";
  }
  const auto count = [&](const std::string& flags) {
    return nlohmann::json::parse(RunCli("quotes --json --quiet " + flags + path.string()))["quotes"]
        .size();
  };
  EXPECT_EQ(count(""), 0u);
  EXPECT_EQ(count("--apostrophe-quotes "), 1u);
  EXPECT_EQ(count("--embedded-phrases "), 1u);
  EXPECT_EQ(count("--apostrophe-quotes --embedded-phrases "), 2u);
  std::filesystem::remove(path);
}

}  // namespace
