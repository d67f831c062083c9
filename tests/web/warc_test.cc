// The WARC reader on archives made at test time: pages served on 127.0.0.1
// and recorded by GNU wget, and hand-made damaged archives.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "io/io_test_util.h"
#include "twicetold/io.h"

namespace twicetold {
namespace {

using testing::ExpectCountsAddUp;
using testing::MustRead;
using testing::TempDir;

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

std::string Page(const std::string& title, const std::string& paragraphs) {
  return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title +
         "</title></head><body><nav><a href=\"/\">Home</a> <a href=\"/about\">About us</a>"
         "</nav><article><h1>" + title + "</h1>" + paragraphs +
         "</article><footer>Copyright Example Town Crier</footer></body></html>\n";
}

const char* const kParagraphs[] = {
    "<p>The county fair opened on Friday with a record number of entries in the pie "
    "contest, organisers said, and queues at the gate stretched past the car park.</p>"
    "<p>Judges tasted more than 300 pies over two days, from apple to rhubarb and "
    "gooseberry, before awarding the first prize to a retired teacher.</p>",
    "<p>A small earthquake shook the valley at 4:12 on Tuesday morning, waking residents "
    "but causing no injuries, according to the regional survey office.</p>"
    "<p>The quake had a magnitude of 3.1 and its centre lay about eight kilometres below "
    "the old mill, the office said in a statement.</p>",
    "<p>The town library will stay open until ten at night during the exam season, the "
    "council announced, after a petition signed by 1,200 students.</p>"
    "<ul><li>Monday to Thursday: until 22:00</li><li>Friday: until 20:00</li></ul>",
};

// A free TCP port on 127.0.0.1 (the kernel picks one; it is released just
// before the server binds it).
int FreePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr));
  socklen_t len = sizeof(addr);
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

bool CanConnect(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0;
  close(fd);
  return ok;
}

// python3 -m http.server over a folder, stopped (by its pid) on destruction.
class PageServer {
 public:
  explicit PageServer(const std::string& folder) : port_(FreePort()) {
    pid_ = fork();
    if (pid_ == 0) {
      const std::string port = std::to_string(port_);
      execlp("python3", "python3", "-m", "http.server", port.c_str(), "--bind", "127.0.0.1",
             "--directory", folder.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    for (int i = 0; i < 100 && !CanConnect(port_); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  ~PageServer() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
    }
  }
  int port() const { return port_; }
  bool up() const { return CanConnect(port_); }

 private:
  int port_;
  pid_t pid_ = -1;
};

bool HaveTool(const std::string& name) {
  return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

class WgetWarcTest : public ::testing::TestWithParam<bool> {};

// Reading the WARC gives the articles that reading the served files gives.
TEST_P(WgetWarcTest, SameArticlesAsTheFiles) {
  const bool compressed = GetParam();
  if (!HaveTool("wget") || !HaveTool("python3")) GTEST_SKIP() << "needs wget and python3";
  TempDir dir;
  const std::string site = dir / "site";
  std::filesystem::create_directory(site);
  std::vector<std::string> names;
  for (int i = 0; i < 3; ++i) {
    names.push_back("story" + std::to_string(i) + ".html");
    WriteFile(site + "/" + names.back(), Page("Story " + std::to_string(i), kParagraphs[i]));
  }
  WriteFile(site + "/notes.txt", "plain text, not a page\n");
  PageServer server(site);
  ASSERT_TRUE(server.up()) << "http.server did not start";
  const std::string base = "http://127.0.0.1:" + std::to_string(server.port()) + "/";
  std::string cmd = "cd " + dir.path() + " && wget -q --no-proxy -O /dev/null --warc-file=crawl" +
                    (compressed ? "" : " --no-warc-compression");
  for (const std::string& name : names) cmd += " " + base + name;
  cmd += " " + base + "notes.txt " + base + "missing.html";
  // wget exits 8 for the 404; the archive is written all the same.
  const int rc = std::system((cmd + " >/dev/null 2>&1").c_str());
  ASSERT_TRUE(WIFEXITED(rc));
  const std::string warc = dir / (compressed ? "crawl.warc.gz" : "crawl.warc");
  ASSERT_TRUE(std::filesystem::exists(warc));

  const ReadResult from_warc = MustRead({warc});
  ExpectCountsAddUp(from_warc);
  EXPECT_EQ(from_warc.summary.rejected, 0u);
  ASSERT_EQ(from_warc.articles.size(), 3u);
  // warcinfo, 5 requests, the text and 404 responses, wget's own metadata
  // and log records: all skipped, none lost.
  EXPECT_GE(from_warc.summary.skipped, 8u);

  std::vector<std::string> files;
  for (const std::string& name : names) files.push_back(site + "/" + name);
  const ReadResult from_files = MustRead(files);
  ASSERT_EQ(from_files.articles.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    const Article& a = from_warc.articles[i];
    const Article& b = from_files.articles[i];
    EXPECT_EQ(a.id, base + names[i]);
    EXPECT_EQ(a.url, base + names[i]);
    EXPECT_EQ(a.body, b.body);
    EXPECT_EQ(a.title, b.title);
    EXPECT_EQ(a.language, "en");
    EXPECT_EQ(a.original, b.original);
    EXPECT_EQ(a.body_map, b.body_map);
    EXPECT_EQ(a.published.size(), 20u) << a.published;  // WARC-Date, e.g. 2031-...Z
    EXPECT_EQ(b.body.find("Home"), std::string::npos);
  }
}

INSTANTIATE_TEST_SUITE_P(PlainAndGzip, WgetWarcTest, ::testing::Values(false, true));

// ---- hand-made archives

std::string Record(const std::string& type, const std::string& extra_headers,
                   const std::string& block, const std::string& length = "") {
  return "WARC/1.1\r\nWARC-Type: " + type +
         "\r\nWARC-Date: 2031-02-03T04:05:06Z\r\nWARC-Record-ID: <urn:uuid:1>\r\n" +
         extra_headers + "Content-Length: " +
         (length.empty() ? std::to_string(block.size()) : length) + "\r\n\r\n" + block +
         "\r\n\r\n";
}

std::string Response(const std::string& uri, const std::string& http) {
  return Record("response",
                "WARC-Target-URI: " + uri + "\r\nContent-Type: application/http; msgtype=response\r\n",
                http);
}

std::string HtmlResponse(const std::string& uri, int i) {
  const std::string html = Page("Page " + std::to_string(i), kParagraphs[i]);
  return Response(uri, "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                       "Content-Length: " + std::to_string(html.size()) + "\r\n\r\n" + html);
}

std::string Gzip(const std::string& bytes) {
  std::string out(compressBound(bytes.size()) + 64, '\0');
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

ReadResult ReadWarcBytes(const TempDir& dir, const std::string& bytes,
                         const ReadOptions& options = ReadOptions()) {
  const std::string path = dir / "test.warc";
  WriteFile(path, bytes);
  ReadResult r = MustRead({path}, options);
  ExpectCountsAddUp(r);
  return r;
}

TEST(WarcReaderTest, SkipsRecordsThatAreNotArticles) {
  TempDir dir;
  const std::string warc =
      Record("warcinfo", "Content-Type: application/warc-fields\r\n", "software: hand\r\n") +
      Record("request", "WARC-Target-URI: http://a.example/\r\n", "GET / HTTP/1.1\r\n\r\n") +
      HtmlResponse("http://a.example/", 0) +
      Record("metadata", "WARC-Target-URI: http://a.example/\r\n", "outlinks: none\r\n") +
      Response("http://a.example/logo.png",
               "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG") +
      Response("http://a.example/gone", "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>no</p>") +
      Record("resource", "WARC-Target-URI: file:///b.html\r\nContent-Type: text/html\r\n",
             Page("Resource", kParagraphs[1]));
  const ReadResult r = ReadWarcBytes(dir, warc);
  EXPECT_EQ(r.summary.read, 7u);
  EXPECT_EQ(r.summary.skipped, 5u);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].id, "http://a.example/");
  EXPECT_EQ(r.articles[0].published, "2031-02-03T04:05:06Z");
  EXPECT_EQ(r.articles[1].id, "file:///b.html");
  EXPECT_NE(r.articles[1].body.find("small earthquake"), std::string::npos);
}

TEST(WarcReaderTest, ChunkedAndGzipEncodedPayloads) {
  TempDir dir;
  const std::string html = Page("Encoded", kParagraphs[2]);
  const std::string gz = Gzip(html);
  std::string chunked;
  for (size_t at = 0; at < gz.size(); at += 100) {
    const std::string piece = gz.substr(at, 100);
    char size[16];
    snprintf(size, sizeof(size), "%zx", piece.size());
    chunked += std::string(size) + ";ext=1\r\n" + piece + "\r\n";
  }
  chunked += "0\r\n\r\n";
  const std::string warc = Response(
      "http://c.example/lib",
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n"
      "Content-Encoding: gzip\r\n\r\n" + chunked);
  const ReadResult r = ReadWarcBytes(dir, warc);
  ASSERT_EQ(r.articles.size(), 1u) << (r.rejected.empty() ? "" : r.rejected[0].reason);
  EXPECT_EQ(r.articles[0].original, html);
  EXPECT_NE(r.articles[0].body.find("\xE2\x80\xA2 Friday: until 20:00"), std::string::npos);
}

TEST(WarcReaderTest, DamagedRecordsAreRejectedAndReadingGoesOn) {
  TempDir dir;
  const std::string good0 = HtmlResponse("http://d.example/0", 0);
  const std::string garbage = "this is not a record\r\nnor is this\r\n";
  const std::string bad_length =
      Record("response", "WARC-Target-URI: http://d.example/x\r\n", "abc", "12x");
  const std::string bad_gzip = Response(
      "http://d.example/z",
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\nnot gzip at all");
  const std::string bad_http = Response("http://d.example/h", "HTTP/1.1 2x0 OK\r\n\r\n");
  const std::string good1 = HtmlResponse("http://d.example/1", 1);
  const std::string good2 = HtmlResponse("http://d.example/2", 2);
  const std::string truncated = good2.substr(0, good2.size() / 2);
  const std::string warc = good0 + garbage + bad_length + bad_gzip + bad_http + good1 + truncated;
  const ReadResult r = ReadWarcBytes(dir, warc);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].id, "http://d.example/0");
  EXPECT_EQ(r.articles[1].id, "http://d.example/1");
  ASSERT_EQ(r.rejected.size(), 5u);
  const size_t garbage_at = good0.size();
  EXPECT_EQ(r.rejected[0].reason, "record at byte " + std::to_string(garbage_at) +
                                      ": not a WARC record (expected \"WARC/1.x\")");
  EXPECT_EQ(r.rejected[1].reason, "record at byte " + std::to_string(garbage_at + garbage.size()) +
                                      ": missing or malformed Content-Length");
  EXPECT_NE(r.rejected[2].reason.find("corrupt gzip content"), std::string::npos);
  EXPECT_NE(r.rejected[3].reason.find("malformed HTTP status line"), std::string::npos);
  const size_t truncated_at = warc.size() - truncated.size();
  EXPECT_EQ(r.rejected[4].reason.rfind("record at byte " + std::to_string(truncated_at) +
                                           ": truncated (found ", 0), 0u)
      << r.rejected[4].reason;
}

TEST(WarcReaderTest, OversizedRecordIsRejectedAndReadingGoesOn) {
  TempDir dir;
  const std::string html = Page("Big", "<p>" + std::string(20000, 'x') + "</p>");
  const std::string big = Response("http://e.example/big",
                                   "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + html);
  const std::string huge_metadata =
      Record("metadata", "", std::string(50000, 'm'));  // skipped, whatever its size
  const std::string warc = big + huge_metadata + HtmlResponse("http://e.example/small", 1);
  ReadOptions options;
  options.max_record_bytes = 5000;
  const ReadResult r = ReadWarcBytes(dir, warc, options);
  ASSERT_EQ(r.rejected.size(), 1u);
  EXPECT_EQ(r.rejected[0].reason, "record at byte 0: record larger than 5000 bytes");
  EXPECT_EQ(r.summary.skipped, 1u);
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].id, "http://e.example/small");
}

TEST(WarcReaderTest, MultiMemberGzipOneRecordPerMember) {
  TempDir dir;
  std::string warc;
  for (int i = 0; i < 3; ++i) {
    warc += Gzip(HtmlResponse("http://f.example/" + std::to_string(i), i));
    warc += Gzip(Record("request", "", "GET / HTTP/1.1\r\n\r\n"));
  }
  const std::string path = dir / "f.warc.gz";
  WriteFile(path, warc);
  const ReadResult r = MustRead({path});
  ExpectCountsAddUp(r);
  EXPECT_EQ(r.articles.size(), 3u);
  EXPECT_EQ(r.summary.skipped, 3u);
  // A truncated gzip stream: what was read stays, the damage is one rejection.
  WriteFile(path, warc.substr(0, warc.size() - 10));
  const ReadResult cut = MustRead({path});
  ExpectCountsAddUp(cut);
  EXPECT_EQ(cut.articles.size(), 3u);
  EXPECT_EQ(cut.summary.rejected, 1u);
}

// A damaged gzip member costs its record only: reading resumes at the next
// member, and the rejection names the member's compressed offset.
TEST(WarcReaderTest, DamagedGzipMemberCostsOneRecord) {
  TempDir dir;
  std::vector<std::string> members;
  for (int i = 0; i < 3; ++i) members.push_back(Gzip(HtmlResponse("http://g.example/" + std::to_string(i), i)));
  std::string damaged = members[1];
  for (size_t k = 20; k < 60 && k < damaged.size(); ++k) damaged[k] = static_cast<char>(damaged[k] ^ 0x5A);
  const std::string path = dir / "g.warc.gz";
  WriteFile(path, members[0] + damaged + members[2]);
  const ReadResult r = MustRead({path});
  ExpectCountsAddUp(r);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].id, "http://g.example/0");
  EXPECT_EQ(r.articles[1].id, "http://g.example/2");
  ASSERT_GE(r.rejected.size(), 1u);
  EXPECT_NE(r.rejected[0].reason.find("gzip member at byte " + std::to_string(members[0].size())),
            std::string::npos) << r.rejected[0].reason;
  // A member cut short at the end of the file: the records before it stay.
  WriteFile(path, members[0] + members[1] + members[2].substr(0, members[2].size() / 2));
  const ReadResult cut = MustRead({path});
  ExpectCountsAddUp(cut);
  EXPECT_EQ(cut.articles.size(), 2u);
  ASSERT_EQ(cut.rejected.size(), 1u);
  EXPECT_NE(cut.rejected[0].reason.find("truncated gzip member at byte " +
                                        std::to_string(members[0].size() + members[1].size())),
            std::string::npos) << cut.rejected[0].reason;
}

}  // namespace
}  // namespace twicetold
