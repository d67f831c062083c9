// Randomized check: JSON-lines files with a random mix of good and bad
// records, plain or compressed (and sometimes truncated), must account for
// every record exactly once, in order. The generator is the reference: it
// knows what each line is and what the reader must say about it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>
#include <vector>

#include "io/io_test_util.h"
#include "twicetold/io.h"

namespace twicetold {
namespace {

using testing::Gzip;
using testing::TempDir;
using testing::WriteFile;
using testing::Zstd;

// What the reader must report for one record.
struct Expected {
  uint64_t line = 0;
  bool good = false;
  std::string reason_prefix;  // when !good
  bool headline_only = false;  // good only because the title became the body
  std::string id, title, body, original;  // when good
};

constexpr uint64_t kMaxRecord = 300;

class Generator {
 public:
  explicit Generator(uint32_t seed) : rng_(seed) {}

  int Uniform(int n) { return static_cast<int>(rng_() % static_cast<uint32_t>(n)); }

  // A random decoded string: ASCII, accents, CJK, emoji, quotes, controls.
  std::string Text(int max_pieces) {
    static const std::vector<std::string> kPieces = {
        "a", "Z", " ", "word", "\"", "\\", "/", "\n", "\t", "\x01", "\xC3\xA9",
        "\xE4\xB8\xAD", "\xF0\x9F\x98\x80", "{", "}", "0", "."};
    std::string out;
    for (int i = Uniform(max_pieces + 1); i > 0; --i) out += kPieces[Uniform(kPieces.size())];
    return out;
  }

  // JSON-encodes `s`, randomly escaping characters as \uXXXX.
  std::string Encode(const std::string& s) {
    std::string out = "\"";
    for (size_t i = 0; i < s.size(); ++i) {
      unsigned char c = s[i];
      if (c == '"' || c == '\\') {
        out += '\\';
        out += static_cast<char>(c);
      } else if (c < 0x20 || (c < 0x80 && Uniform(8) == 0)) {
        char buf[8];
        snprintf(buf, sizeof(buf), "\\u%04x", c);
        out += buf;
      } else if (s.compare(i, 4, "\xF0\x9F\x98\x80") == 0 && Uniform(2) == 0) {
        out += "\\ud83d\\ude00";  // surrogate pair
        i += 3;
      } else {
        out += static_cast<char>(c);
      }
    }
    return out + "\"";
  }

  bool Blank(const std::string& s) {
    return s.find_first_not_of(" \t\n\r\f\v") == std::string::npos;
  }

  std::mt19937& rng() { return rng_; }

 private:
  std::mt19937 rng_;
};

struct File {
  std::string content;  // uncompressed bytes
  std::vector<Expected> expected;
};

// Appends one random record line (or blank line) to `file`.
void AddLine(Generator& g, const ReadOptions& o, const std::string& id_base, uint64_t line_no,
             File* file) {
  Expected e;
  e.line = line_no;
  std::string body = g.Text(12);
  if (g.Uniform(6) == 0) body = "x" + body;  // mostly non-blank
  std::string title = g.Text(4);
  std::string id_json, id;
  switch (g.Uniform(4)) {
    case 0: id = "id" + std::to_string(g.Uniform(1000)); id_json = "\"" + id + "\""; break;
    case 1: id = std::to_string(g.Uniform(100000)); id_json = id; break;
    case 2: id_json = "null"; break;
    default: break;  // missing
  }
  if (id.empty()) id = id_base + ":" + std::to_string(line_no);
  std::string head = "{";
  if (!id_json.empty()) head += "\"" + o.id_field + "\":" + id_json + ",";
  if (g.Uniform(2)) head += "\"" + o.title_field + "\":" + g.Encode(title) + ",";
  else title.clear();
  std::string encoded = g.Encode(body);
  std::string line = head + "\"" + o.body_field + "\":" + encoded + "}";
  size_t body_start = head.size() + o.body_field.size() + 4;  // after the quote
  int kind = g.Uniform(12);
  e.good = false;
  // A record with a blank or absent body and a non-blank title is a
  // headline-only article whose body is the trimmed title.
  const auto headline_only = [&] {
    e.good = !g.Blank(title);
    e.reason_prefix = "no " + o.title_field + " and no " + o.body_field;
    e.headline_only = e.good;
    if (e.good) {
      const size_t first = title.find_first_not_of(" \t\n\r\f\v");
      const size_t last = title.find_last_not_of(" \t\n\r\f\v");
      body = title.substr(first, last - first + 1);
    }
  };
  if (kind <= 3) {
    e.good = !g.Blank(body);
    if (!e.good) headline_only();
  } else if (kind == 4) {  // invalid UTF-8 inside the body string
    static const std::vector<std::string> kBad = {"\xFF", "\xC0\xAF", "\xED\xA0\x80",
                                                  "\xE4\xB8", "\xF5\x80\x80\x80"};
    size_t at = body_start;  // right after the opening quote
    line.insert(at, kBad[g.Uniform(kBad.size())]);
    e.reason_prefix = "invalid UTF-8 at byte " + std::to_string(at);
  } else if (kind == 5) {
    size_t at = g.Uniform(line.size());
    line.insert(at, 1, '\0');
    e.reason_prefix = "binary data (NUL byte at byte " + std::to_string(at) + ")";
  } else if (kind == 6) {  // cut at a character boundary
    size_t at = 1 + g.Uniform(line.size() - 1);
    while ((static_cast<unsigned char>(line[at]) & 0xC0) == 0x80) --at;
    line.resize(at);
    e.reason_prefix = "malformed JSON";
  } else if (kind == 7) {
    line = head + "\"other\":1}";
    headline_only();
  } else if (kind == 8) {
    line = head + "\"" + o.body_field + "\":" + (g.Uniform(2) ? "[1]" : "12") + "}";
    e.reason_prefix = "field \"" + o.body_field + "\" is not a string";
  } else if (kind == 9) {
    line = "[" + encoded + "]";
    e.reason_prefix = "not a JSON object";
  } else if (kind == 10) {  // long, often oversized
    body = std::string(200 + g.Uniform(300), 'L');
    line = head + "\"" + o.body_field + "\":\"" + body + "\"}";
    e.good = true;
  } else {
    file->content += g.Uniform(2) ? "\n" : "  \t\r\n";  // blank: no record
    return;
  }
  if (line.size() > kMaxRecord) {
    e.good = false;
    e.reason_prefix = "record larger than 300 bytes";
  }
  if (e.good) {
    e.id = id;
    e.title = title;
    e.body = body;
    e.original = line;
  }
  file->content += line + (g.Uniform(4) == 0 ? "\r\n" : "\n");
  file->expected.push_back(std::move(e));
}

// Compresses in several members / frames; returns the bytes and the offsets
// where a member ends (cutting there leaves a valid stream).
std::string Compress(Generator& g, const std::string& content, bool gzip,
                     std::vector<size_t>* boundaries) {
  std::string out;
  size_t pos = 0;
  int members = 1 + g.Uniform(3);
  for (int m = 0; m < members; ++m) {
    size_t end = m + 1 == members ? content.size()
                                  : pos + g.Uniform(static_cast<int>(content.size() - pos) + 1);
    std::string part = content.substr(pos, end - pos);
    out += gzip ? Gzip(part) : Zstd(part);
    boundaries->push_back(out.size());
    pos = end;
  }
  return out;
}

struct Event {
  bool good;
  uint64_t line;
  std::string text;  // reason, or id|title|body|original
};

std::string Describe(const Expected& e) {
  return e.good ? e.id + "|" + e.title + "|" + e.body + "|" + e.original : e.reason_prefix;
}

TEST(RandomReaderTest, EveryRecordAccountedForExactlyOnceInOrder) {
  TempDir dir;
  Generator g(20240611);
  std::map<std::string, int> seen;  // expected outcome kind -> count
  for (int iter = 0; iter < 300; ++iter) {
    ReadOptions o;
    o.max_record_bytes = kMaxRecord;
    if (g.Uniform(3) == 0) o.body_field = "content", o.id_field = "key";
    int compression = g.Uniform(3);  // plain, gzip, zstd
    std::string name = "f" + std::to_string(iter) + ".jsonl" +
                       (compression == 1 ? ".gz" : compression == 2 ? ".zst" : "");
    std::string path = dir / name;
    File file;
    int lines = g.Uniform(25);
    for (int i = 1; i <= lines; ++i) AddLine(g, o, path, i, &file);
    if (g.Uniform(4) == 0 && !file.content.empty() && file.content.back() == '\n') {
      file.content.pop_back();  // no final newline
      if (!file.content.empty() && file.content.back() == '\r') file.content.pop_back();
    }
    std::vector<size_t> boundaries;
    std::string bytes = compression == 0 ? file.content
                                         : Compress(g, file.content, compression == 1, &boundaries);
    bool truncated = compression != 0 && g.Uniform(3) == 0 && bytes.size() > 12;
    if (truncated) {
      size_t cut = 10 + g.Uniform(static_cast<int>(bytes.size() - 10));
      truncated = std::find(boundaries.begin(), boundaries.end(), cut) == boundaries.end();
      if (truncated) bytes.resize(cut);
    }
    WriteFile(path, bytes);

    std::vector<Event> events;
    Result<ReadSummary> summary = ReadInputs(
        {path}, o,
        [&](Article&& a) {
          events.push_back({true, a.location.line,
                            a.id + "|" + a.title + "|" + a.body + "|" + a.original});
        },
        [&](Rejected&& r) { events.push_back({false, r.location.line, r.reason}); });
    ASSERT_TRUE(summary.ok());
    ASSERT_EQ(summary->read, summary->accepted + summary->rejected);
    ASSERT_EQ(summary->read, events.size());
    SCOPED_TRACE("iteration " + std::to_string(iter) + " file " + name);

    size_t matched = events.size();
    seen[truncated ? "truncated" : compression == 0 ? "plain" : "compressed"]++;
    for (const Expected& e : file.expected) {
      seen[e.good ? "good" : e.reason_prefix.substr(0, 7)]++;
      if (e.headline_only) seen["headline"]++;
    }
    if (truncated) {
      // A prefix of the expected records, then the damage, once.
      ASSERT_GE(events.size(), 1u);
      ASSERT_FALSE(events.back().good);
      EXPECT_THAT(events.back().text, ::testing::AnyOf(::testing::HasSubstr("truncated"),
                                                       ::testing::HasSubstr("corrupt")));
      matched = events.size() - 1;
      ASSERT_LE(matched, file.expected.size());
    } else if (file.expected.empty()) {
      ASSERT_EQ(events.size(), 1u);
      EXPECT_THAT(events[0].text, ::testing::StartsWith("empty file"));
      continue;
    } else {
      ASSERT_EQ(events.size(), file.expected.size());
    }
    for (size_t i = 0; i < matched; ++i) {
      const Expected& e = file.expected[i];
      SCOPED_TRACE("record " + std::to_string(i));
      EXPECT_EQ(events[i].good, e.good) << events[i].text;
      EXPECT_EQ(events[i].line, e.line);
      if (e.good) {
        EXPECT_EQ(events[i].text, Describe(e));
      } else {
        EXPECT_THAT(events[i].text, ::testing::StartsWith(e.reason_prefix));
      }
    }
  }
  // The mix really covered every kind of record and input.
  for (const char* kind : {"good", "truncated", "plain", "compressed", "headline", "no titl",
                           "invalid", "binary ", "malform", "field \"", "not a J", "record "}) {
    EXPECT_GE(seen[kind], 10) << kind;
  }
}

}  // namespace
}  // namespace twicetold
