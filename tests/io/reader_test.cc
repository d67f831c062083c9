// Behaviour of ReadInputs / ReadAll on the input kinds a user passes.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <random>
#include <string>
#include <vector>

#include "io/io_test_util.h"
#include "twicetold/io.h"

namespace twicetold {
namespace {

using namespace std::string_literals;
using ::testing::HasSubstr;
using ::testing::StartsWith;
using testing::MustRead;
using testing::TempDir;
using testing::WriteFile;

TEST(LocationTest, ToString) {
  EXPECT_EQ((Location{"a/b.jsonl", 7}).ToString(), "a/b.jsonl:7");
  EXPECT_EQ((Location{"a.txt", 0}).ToString(), "a.txt");
}

TEST(ReaderTest, TextFileTitleAndBody) {
  TempDir dir;
  std::string bytes = "\n  \n  The Title  \n\n \n  First para.\n\nSecond.\t\n\n  ";
  std::string path = WriteFile(dir / "story.txt", bytes);
  ReadResult r = MustRead({path});
  ASSERT_EQ(r.articles.size(), 1u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.title, "The Title");
  EXPECT_EQ(a.body, "  First para.\n\nSecond.");  // indent kept, tail trimmed
  EXPECT_EQ(a.id, path);
  EXPECT_EQ(a.location.file, path);
  EXPECT_EQ(a.location.line, 0u);
  EXPECT_EQ(a.original, bytes);
}

TEST(ReaderTest, TextFileCrlfAndBom) {
  TempDir dir;
  std::string path = WriteFile(dir / "a.txt", "\xEF\xBB\xBFTitle\r\n\r\nBody one.\r\nTwo.\r\n");
  ReadResult r = MustRead({path});
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title, "Title");
  EXPECT_EQ(r.articles[0].body, "Body one.\r\nTwo.");
}

TEST(ReaderTest, KeepOriginalOff) {
  TempDir dir;
  std::string text = WriteFile(dir / "a.txt", "T\nBody\n");
  std::string lines = WriteFile(dir / "b.jsonl", "{\"text\":\"x\"}\n");
  ReadOptions options;
  options.keep_original = false;
  ReadResult r = MustRead({text, lines}, options);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].original, "");
  EXPECT_EQ(r.articles[1].original, "");
}

TEST(ReaderTest, TextRejections) {
  TempDir dir;
  std::string empty = WriteFile(dir / "empty.txt", "");
  std::string title_only = WriteFile(dir / "title.txt", "Only a title\n\n   \n");
  std::string blank = WriteFile(dir / "blank.txt", " \n\t\n");
  std::string bad = WriteFile(dir / "bad.txt", "Title\nabc\xC3(def\n");
  std::string missing = dir / "nope.txt";
  ReadResult r = MustRead({empty, title_only, blank, bad, missing});
  // A title alone is a headline-only article, analysed from its title.
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title, "Only a title");
  EXPECT_EQ(r.articles[0].body, "Only a title");
  EXPECT_TRUE(r.articles[0].headline_only);
  ASSERT_EQ(r.rejected.size(), 4u);
  EXPECT_EQ(r.rejected[0].reason, "empty file");
  EXPECT_THAT(r.rejected[1].reason, StartsWith("empty file"));
  EXPECT_EQ(r.rejected[2].reason, "invalid UTF-8 at byte 9");
  EXPECT_EQ(r.rejected[3].reason, "cannot open: No such file or directory");
  EXPECT_EQ(r.rejected[3].location.ToString(), missing);
}

TEST(ReaderTest, BinaryJunkFile) {
  TempDir dir;
  std::mt19937 rng(7);
  std::string junk = "\x89PNG\r\n\x1a\n";
  for (int i = 0; i < 5000; ++i) junk += static_cast<char>(rng() & 0xFF);
  std::string no_nul = junk;
  for (char& c : no_nul) c = c == 0 ? 1 : c;
  ReadResult r = MustRead({WriteFile(dir / "img.png", junk),
                           WriteFile(dir / "img2.bin", no_nul),
                           WriteFile(dir / "x.jsonl", "{\"text\":\"a\"}\n{\"te\0xt\":1}\n"s)});
  ASSERT_EQ(r.rejected.size(), 3u);
  EXPECT_THAT(r.rejected[0].reason, StartsWith("binary data"));
  EXPECT_EQ(r.rejected[1].reason, "binary data (not text)");
  EXPECT_EQ(r.rejected[2].reason, "binary data (NUL byte at byte 4)");
  EXPECT_EQ(r.rejected[2].location.line, 2u);
  EXPECT_EQ(r.articles.size(), 1u);
}

TEST(ReaderTest, JsonLinesFieldsAndIds) {
  TempDir dir;
  std::string path = WriteFile(dir / "a.jsonl",
      "{\"id\":\"x1\",\"title\":\"T\",\"text\":\"Caf\\u00e9 \\\"q\\\"\",\"source\":\"S\","
      "\"url\":\"http://u\",\"published\":\"2024-01-02\"}\n"
      "\n"
      "  {\"id\":12,\"text\":\"b\",\"published\":null}\r\n"
      "{\"id\":1.5,\"text\":\"c\"}\n"
      "{\"text\":\"d\",\"title\":null}");  // no final newline
  ReadResult r = MustRead({path});
  ASSERT_EQ(r.articles.size(), 4u);
  EXPECT_TRUE(r.rejected.empty());
  const Article& a = r.articles[0];
  EXPECT_EQ(a.id, "x1");
  EXPECT_EQ(a.title, "T");
  EXPECT_EQ(a.body, "Caf\xC3\xA9 \"q\"");
  EXPECT_EQ(a.source, "S");
  EXPECT_EQ(a.url, "http://u");
  EXPECT_EQ(a.published, "2024-01-02");
  EXPECT_EQ(a.location.ToString(), path + ":1");
  EXPECT_EQ(r.articles[1].id, "12");
  EXPECT_EQ(r.articles[1].location.line, 3u);  // blank line 2 is no record
  EXPECT_EQ(r.articles[1].original, "  {\"id\":12,\"text\":\"b\",\"published\":null}");
  EXPECT_EQ(r.articles[2].id, "1.5");
  EXPECT_EQ(r.articles[3].id, path + ":5");
  EXPECT_EQ(r.articles[3].body, "d");
}

TEST(ReaderTest, JsonLinesRejections) {
  TempDir dir;
  std::string path = WriteFile(dir / "a.ndjson",
      "{\"text\":\"good\"}\n"
      "{\"text\":\"bad \xFF here\"}\n"
      "{\"text\":\"unterminated}\n"
      "{\"title\":\"\"}\n"
      "{\"text\":42}\n"
      "{\"text\":\"  \\n \"}\n"
      "[1,2]\n"
      "{\"text\":\"x\",\"id\":[1]}\n"
      "{\"text\":\"x\",\"title\":5}\n"
      "{\"text\":\"a\\u0000b\"}\n"
      "{\"text\":\"last good\"}\n");
  ReadResult r = MustRead({path});
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].body, "good");
  EXPECT_EQ(r.articles[1].body, "last good");
  std::vector<std::string> reasons;
  for (const Rejected& j : r.rejected) {
    reasons.push_back(j.location.ToString().substr(path.size()) + " " + j.reason);
  }
  EXPECT_THAT(reasons, ::testing::ElementsAre(
      ":2 invalid UTF-8 at byte 13", StartsWith(":3 malformed JSON: "),
      ":4 no title and no text (empty record)", ":5 field \"text\" is not a string",
      ":6 no title and no text (empty record)", ":7 not a JSON object",
      ":8 field \"id\" is not a string or number", ":9 field \"title\" is not a string",
      StartsWith(":10 binary data")));
}

TEST(ReaderTest, HeadlineOnlyRecords) {
  TempDir dir;
  std::string path = WriteFile(dir / "h.jsonl",
      "{\"id\":\"h1\",\"title\":\"Port strike ends after pay deal\",\"text\":\"\"}\n"
      "{\"id\":\"h2\",\"title\":\"  Dockers back at work \",\"text\":null}\n"
      "{\"id\":\"h3\",\"title\":\"No text field at all\"}\n"
      "{\"id\":\"h4\",\"title\":\" \",\"text\":\" \"}\n"
      "{\"id\":\"h5\",\"title\":\"T\",\"text\":\"A body\"}\n");
  ReadResult r = MustRead({path});
  ASSERT_EQ(r.articles.size(), 4u);
  EXPECT_EQ(r.articles[0].body, "Port strike ends after pay deal");
  EXPECT_TRUE(r.articles[0].headline_only);
  EXPECT_EQ(r.articles[1].body, "Dockers back at work");
  EXPECT_EQ(r.articles[2].body, "No text field at all");
  EXPECT_EQ(r.articles[3].body, "A body");
  EXPECT_FALSE(r.articles[3].headline_only);
  ASSERT_EQ(r.rejected.size(), 1u);
  EXPECT_EQ(r.rejected[0].location.line, 4u);
  EXPECT_EQ(r.rejected[0].reason, "no title and no text (empty record)");
}

TEST(ReaderTest, CustomFieldNames) {
  TempDir dir;
  std::string path = WriteFile(dir / "a.json",
      "{\"doc_id\":\"d1\",\"headline\":\"H\",\"content\":\"C\",\"outlet\":\"O\","
      "\"link\":\"L\",\"date\":\"2020\",\"text\":\"ignored\",\"id\":\"ignored\"}\n"
      "{\"text\":\"no content field\"}\n");
  ReadOptions options;
  options.id_field = "doc_id";
  options.title_field = "headline";
  options.body_field = "content";
  options.source_field = "outlet";
  options.url_field = "link";
  options.published_field = "date";
  ReadResult r = MustRead({path}, options);
  ASSERT_EQ(r.articles.size(), 1u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.id, "d1");
  EXPECT_EQ(a.title, "H");
  EXPECT_EQ(a.body, "C");
  EXPECT_EQ(a.source, "O");
  EXPECT_EQ(a.url, "L");
  EXPECT_EQ(a.published, "2020");
  ASSERT_EQ(r.rejected.size(), 1u);
  EXPECT_EQ(r.rejected[0].reason, "no headline and no content (empty record)");
}

TEST(ReaderTest, EmptyJsonLinesFiles) {
  TempDir dir;
  ReadResult r = MustRead({WriteFile(dir / "a.jsonl", ""),
                           WriteFile(dir / "b.jsonl", "\n  \n\n")});
  EXPECT_TRUE(r.articles.empty());
  ASSERT_EQ(r.rejected.size(), 2u);
  EXPECT_EQ(r.rejected[0].reason, "empty file");
  EXPECT_EQ(r.rejected[1].reason, "empty file (only blank lines)");
}

TEST(ReaderTest, FolderOrderIdsAndHiddenFiles) {
  TempDir dir;
  std::string root = dir / "in";
  for (std::string name : {"b.txt", "a/z.txt", "a.txt", "A.txt", "\xC3\xA9.txt", "a/b/c.txt",
                           ".hidden.txt", ".git/x.txt", "a/.h/y.txt"}) {
    WriteFile(root + "/" + name, "Title " + name + "\nBody of " + name + "\n");
  }
  WriteFile(root + "/lines.jsonl", "{\"text\":\"one\"}\n{\"text\":\"two\"}\n");
  ReadResult r = MustRead({root + "/"});
  std::vector<std::string> ids;
  for (const Article& a : r.articles) ids.push_back(a.id);
  EXPECT_THAT(ids, ::testing::ElementsAre("A.txt", "a.txt", "a/b/c.txt", "a/z.txt", "b.txt",
                                          "lines.jsonl:1", "lines.jsonl:2", "\xC3\xA9.txt"));
  EXPECT_TRUE(r.rejected.empty());
  EXPECT_EQ(r.articles[2].location.file, root + "/a/b/c.txt");
  EXPECT_EQ(r.articles[2].title, "Title a/b/c.txt");
}

TEST(ReaderTest, EmptyFolderIsOneRejection) {
  TempDir dir;
  std::filesystem::create_directories(dir / "empty/.hidden");
  ReadResult r = MustRead({dir / "empty"});
  ASSERT_EQ(r.rejected.size(), 1u);
  EXPECT_THAT(r.rejected[0].reason, HasSubstr("empty folder"));
}

// Runs ReadAll({"-"}) with standard input redirected from `path`.
ReadResult ReadStdinFrom(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY);
  int saved = dup(STDIN_FILENO);
  dup2(fd, STDIN_FILENO);
  close(fd);
  ReadResult r = MustRead({"-"});
  dup2(saved, STDIN_FILENO);
  close(saved);
  return r;
}

TEST(ReaderTest, StdinJsonLinesAndText) {
  TempDir dir;
  ReadResult lines = ReadStdinFrom(
      WriteFile(dir / "in1", "\n  {\"text\":\"a\"}\n{\"text\":\"b\"}\n"));
  ASSERT_EQ(lines.articles.size(), 2u);
  EXPECT_EQ(lines.articles[0].location.ToString(), "-:2");
  EXPECT_EQ(lines.articles[1].id, "-:3");
  ReadResult text = ReadStdinFrom(WriteFile(dir / "in2", "Head\n\nBody {x}\n"));
  ASSERT_EQ(text.articles.size(), 1u);
  EXPECT_EQ(text.articles[0].id, "-");
  EXPECT_EQ(text.articles[0].body, "Body {x}");
  ReadResult gz = ReadStdinFrom(WriteFile(dir / "in3", testing::Gzip("{\"text\":\"z\"}\n")));
  ASSERT_EQ(gz.articles.size(), 1u);
  EXPECT_EQ(gz.articles[0].body, "z");
}

TEST(ReaderTest, InvalidOptions) {
  ReadOptions options;
  options.max_record_bytes = 0;
  EXPECT_EQ(ReadAll({}, options).status().code(), StatusCode::kInvalidArgument);
  options = ReadOptions();
  options.body_field = "";
  EXPECT_EQ(ReadAll({}, options).status().code(), StatusCode::kInvalidArgument);
}

TEST(ReaderTest, CallbacksSeeInputOrder) {
  TempDir dir;
  std::string path = WriteFile(dir / "a.jsonl", "{\"text\":\"1\"}\nbad\n{\"text\":\"3\"}\n");
  std::vector<std::string> events;
  Result<ReadSummary> s = ReadInputs(
      {path, dir / "missing.txt"}, ReadOptions(),
      [&](Article&& a) { events.push_back("A" + a.body); },
      [&](Rejected&& j) { events.push_back("R" + std::to_string(j.location.line)); });
  ASSERT_TRUE(s.ok());
  EXPECT_THAT(events, ::testing::ElementsAre("A1", "R2", "A3", "R0"));
  EXPECT_EQ(s->read, 4u);
  EXPECT_EQ(s->accepted, 2u);
  EXPECT_EQ(s->rejected, 2u);
}

}  // namespace
}  // namespace twicetold
