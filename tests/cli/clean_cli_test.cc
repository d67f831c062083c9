// `twicetold clean` as a user runs it: on the bundled examples (every planted
// noise line goes, nothing else does), on the seed articles (the acceptance
// cases of the foundation issue) and on broken inputs.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli_runner.h"

namespace twicetold {
namespace {

using ::testing::HasSubstr;
using ::twicetold::testing::JsonLines;
using ::twicetold::testing::RunCli;
using json = nlohmann::json;

// Code points [begin, end) of UTF-8 `s`.
std::string CodePointSlice(const std::string& s, const json& span) {
  const size_t begin = span[0], end = span[1];
  size_t cp = 0, b = 0, byte_begin = s.size(), byte_end = s.size();
  for (; b <= s.size(); ++b) {
    if (b < s.size() && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) continue;
    if (cp == begin) byte_begin = b;
    if (cp == end) { byte_end = b; break; }
    ++cp;
  }
  return s.substr(byte_begin, byte_end - byte_begin);
}

std::string Trim(const std::string& s) {
  const auto is_space = [](unsigned char c) { return c == ' ' || c == '\n'; };
  size_t b = 0, e = s.size();
  while (b < e && is_space(s[b])) ++b;
  while (e > b && is_space(s[e - 1])) --e;
  return s.substr(b, e - b);
}

TEST(CleanCliTest, RemovesEveryPlantedNoiseLineAndNothingElse) {
  const auto run = RunCli("clean --json -q examples/articles");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::map<std::string, json> by_id;
  for (json& article : JsonLines(run.out)) {
    // Every span points at exactly the text it claims.
    for (const json& r : article["removed"]) {
      EXPECT_EQ(CodePointSlice(article["text"], r["span"]), r["text"]);
    }
    const std::string id = article["id"];
    by_id[id] = std::move(article);
  }
  std::ifstream truth(TWICETOLD_SOURCE_DIR "/examples/truth.jsonl");
  int checked = 0;
  for (std::string line; std::getline(truth, line);) {
    const json row = json::parse(line);
    const std::string id = row["file"].get<std::string>().substr(strlen("articles/"));
    ASSERT_TRUE(by_id.count(id)) << id;
    const json& article = by_id[id];
    std::multiset<std::string> expected_removed;
    for (const json& noise : row["boilerplate"]) {
      if (noise["reason"] == "dateline") {
        ASSERT_FALSE(article["dateline"].is_null()) << id;
        EXPECT_EQ(Trim(CodePointSlice(article["text"], article["dateline"]["span"])),
                  Trim(noise["text"]))
            << id;
      } else {
        expected_removed.insert(Trim(noise["text"]));
      }
    }
    std::multiset<std::string> removed;
    for (const json& r : article["removed"]) removed.insert(Trim(r["text"]));
    EXPECT_EQ(removed, expected_removed) << id;
    ++checked;
  }
  EXPECT_GE(checked, 30);
}

std::filesystem::path Seed(const char* name) {
  return std::filesystem::path(TWICETOLD_SOURCE_DIR) / ".." / "shared" / "seeds" / name;
}

TEST(CleanCliTest, SeedScrapedOriginal) {
  const auto path = Seed("000_f9ef4238e9286527.txt");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "seeds not present";
  const auto run = RunCli("clean --json -q '" + path.string() + "'");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json article = json::parse(run.out);
  EXPECT_EQ(article["dateline"]["place"], "ERBIL");
  EXPECT_EQ(article["dateline"]["outlet"], "Kurdistan24");
  std::map<std::string, int> reasons;
  std::string caption;
  for (const json& r : article["removed"]) {
    ++reasons[r["reason"]];
    if (r["reason"] == "repeated_line") caption = r["text"];
  }
  EXPECT_EQ(reasons["repeated_line"], 1);  // one of the two identical captions
  EXPECT_THAT(caption, HasSubstr("(AFP)"));
  EXPECT_EQ(reasons["advertisement"], 1);
  const std::string body = article["body"];
  EXPECT_EQ(body.find("Advertisment"), std::string::npos);
  EXPECT_EQ(body.find("Kurdistan24"), std::string::npos);
  // Every body paragraph from "High-stakes..." to "As both sides..." stays.
  const std::string text = article["text"];
  const size_t first = text.find("High-stakes negotiations");
  const size_t last_begin = text.find("As both sides now prepare");
  const size_t last_end = text.find('\n', last_begin);
  ASSERT_NE(first, std::string::npos);
  std::istringstream paragraphs(text.substr(first, last_end - first));
  int kept = 0;
  for (std::string p; std::getline(paragraphs, p);) {
    if (p.empty()) continue;
    EXPECT_THAT(body, HasSubstr(p));
    ++kept;
  }
  EXPECT_EQ(kept, 18);
}

TEST(CleanCliTest, SeedRewriteKeepsEverythingAndTypesParagraphs) {
  const auto path = Seed("002_3a9a5a7e32f96ca7.txt");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "seeds not present";
  const auto run = RunCli("clean --json -q '" + path.string() + "'");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json article = json::parse(run.out);
  EXPECT_TRUE(article["removed"].empty());
  EXPECT_EQ(article["dateline"]["place"], "MOSCOW / WASHINGTON");
  int headings = 0, items = 0;
  for (const json& p : article["paragraphs"]) {
    EXPECT_EQ(CodePointSlice(article["text"], p["span"]), p["text"]);
    headings += p["kind"] == "heading";
    items += p["kind"] == "list_item";
  }
  EXPECT_EQ(headings, 6);
  EXPECT_EQ(items, 5);
}

TEST(CleanCliTest, BrokenInputsAreRejectedOneByOneAndCounted) {
  const auto run = RunCli("clean --json examples/bad");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(JsonLines(run.out).size(), 3u);  // the three good JSON lines
  EXPECT_THAT(run.err, HasSubstr("mixed.jsonl:3"));
  EXPECT_THAT(run.err, HasSubstr("mixed.jsonl:5"));
  EXPECT_THAT(run.err, HasSubstr("invalid UTF-8"));
  EXPECT_THAT(run.err, HasSubstr("read 7 records: 3 accepted, 0 skipped, 4 rejected"));
  const auto strict = RunCli("clean --json --strict examples/bad");
  EXPECT_EQ(strict.exit_code, 3);
}

TEST(CleanCliTest, ReadsStandardInput) {
  const auto run = RunCli(
      "clean --json -q -",
      "{\"id\": \"a1\", \"title\": \"T\", \"text\": \"OSLO (Fjord Wire) "
      "\\u2014 Talks between the unions ended.\\n\\nAdvertisement\\n\\nThey resume Monday.\"}\n");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json article = json::parse(run.out);
  EXPECT_EQ(article["id"], "a1");
  EXPECT_EQ(article["dateline"]["outlet"], "Fjord Wire");
  ASSERT_EQ(article["removed"].size(), 1u);
  EXPECT_EQ(article["removed"][0]["reason"], "advertisement");
  EXPECT_EQ(article["body"], "Talks between the unions ended.\n\nThey resume Monday.");
}

// A web page on standard input is recognised as HTML; its metadata shows
// in clean --json. The same page inside a WARC response, with a request
// before it: one article, one skipped record.
TEST(CleanCliTest, HtmlAndWarcOnStandardInput) {
  const std::string page =
      "<!DOCTYPE html><html lang=\"nb\"><head><title>Ferry | Fjord Post</title>"
      "<meta property=\"og:site_name\" content=\"Fjord Post\">"
      "<meta name=\"author\" content=\"Kari Nes\">"
      "<meta property=\"article:published_time\" content=\"2031-05-06\"></head><body>"
      "<nav><a href=\"/\">Front page</a></nav><article><h1>Ferry</h1>"
      "<p>The night ferry to the islands will run twice a week from June, the county said, "
      "after a trial last summer carried more passengers than expected.</p>"
      "<p>Tickets go on sale on Monday.</p></article></body></html>";
  const auto run = RunCli("clean --json -", page);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json article = json::parse(run.out);
  EXPECT_EQ(article["id"], "-");
  EXPECT_EQ(article["title"], "Ferry | Fjord Post");
  EXPECT_EQ(article["authors"], json::array({"Kari Nes"}));
  EXPECT_EQ(article["site"], "Fjord Post");
  EXPECT_EQ(article["source"], "Fjord Post");
  EXPECT_EQ(article["language"], "nb");
  EXPECT_EQ(article["published"], "2031-05-06");
  EXPECT_EQ(article["text"].get<std::string>().rfind("The night ferry", 0), 0u);
  EXPECT_THAT(run.err, HasSubstr("read 1 record: 1 accepted, 0 skipped, 0 rejected"));

  const std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page;
  const std::string warc =
      "WARC/1.1\r\nWARC-Type: request\r\nContent-Length: 4\r\n\r\nGET \r\n\r\n"
      "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://fjord.example/ferry\r\n"
      "WARC-Date: 2031-05-07T08:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
      "Content-Length: " + std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
  const auto from_warc = RunCli("clean --json -", warc);
  ASSERT_EQ(from_warc.exit_code, 0) << from_warc.err;
  const json warc_article = json::parse(from_warc.out);
  EXPECT_EQ(warc_article["id"], "https://fjord.example/ferry");
  EXPECT_EQ(warc_article["url"], "https://fjord.example/ferry");
  EXPECT_EQ(warc_article["text"], article["text"]);
  EXPECT_THAT(from_warc.err, HasSubstr("read 2 records: 1 accepted, 1 skipped, 0 rejected"));
}

}  // namespace
}  // namespace twicetold
