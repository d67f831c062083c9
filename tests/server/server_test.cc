// `twicetold serve` end to end: each test starts the built program on
// 127.0.0.1 with a free port and a fresh store, talks HTTP to it, and stops
// it with SIGTERM (which must end it cleanly, exit 0).
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "cli/cli_runner.h"
#include "server/test_server.h"

namespace twicetold {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::twicetold::testing::TempDir;
using ::twicetold::testing::TestServer;
using json = nlohmann::json;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const fs::path kExamples = fs::path(TWICETOLD_SOURCE_DIR) / "examples" / "articles.jsonl";
const fs::path kShared = fs::path(TWICETOLD_SOURCE_DIR) / ".." / "shared";

// POSTs `body` (JSON lines) to /v1/articles.
httplib::Result PostLines(TestServer& server, const std::string& body) {
  return server.client().Post("/v1/articles", body, "application/x-ndjson");
}

json Json(const httplib::Result& r) { return json::parse(r->body); }

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(server_.Start(Db())) << "server did not start"; }
  void TearDown() override { EXPECT_EQ(server_.Stop(), 0); }
  std::string Db() const { return (dir_.path() / "store.db").string(); }

  TempDir dir_{"server_test"};
  TestServer server_;
};

TEST_F(ServerTest, HealthMetricsAndOpenApi) {
  auto health = server_.client().Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(Json(health)["status"], "ok");
  auto spec = server_.client().Get("/openapi.json");
  ASSERT_TRUE(spec);
  const json j = Json(spec);
  EXPECT_EQ(j["openapi"], "3.0.3");
  for (const char* path : {"/v1/articles", "/v1/stories", "/v1/stories/{id}",
                           "/v1/articles/{id}", "/v1/compare", "/healthz", "/metrics"}) {
    EXPECT_TRUE(j["paths"].contains(path)) << path;
  }
  // A request is counted just after its answer is sent: poll briefly.
  const std::string counted =
      "twicetold_http_requests_total{route=\"/healthz\",method=\"GET\",code=\"200\"} 1";
  httplib::Result metrics = server_.client().Get("/metrics");
  for (int i = 0; i < 50 && metrics && metrics->body.find(counted) == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    metrics = server_.client().Get("/metrics");
  }
  ASSERT_TRUE(metrics);
  EXPECT_THAT(metrics->get_header_value("Content-Type"), HasSubstr("text/plain"));
  EXPECT_THAT(metrics->body, HasSubstr(counted));
  EXPECT_THAT(metrics->body, HasSubstr("twicetold_articles 0"));
  EXPECT_THAT(metrics->body, HasSubstr("twicetold_http_request_duration_seconds_bucket"));
}

TEST_F(ServerTest, IngestListStoryArticleRoundTrip) {
  const std::string lines = ReadFile(kExamples);
  const size_t records = std::count(lines.begin(), lines.end(), '\n');
  auto post = PostLines(server_, lines);
  ASSERT_TRUE(post);
  ASSERT_EQ(post->status, 200) << post->body;
  const json ingest = Json(post);
  ASSERT_EQ(ingest["articles"].size(), records);
  EXPECT_EQ(ingest["rejected"].size(), 0u);
  const json first = ingest["articles"][0];
  for (const char* key : {"id", "story", "relation", "duplicate_of", "closest", "similarity"}) {
    EXPECT_TRUE(first.contains(key)) << key;
  }

  auto list = server_.client().Get("/v1/stories?limit=5");
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200);
  const json page = Json(list);
  ASSERT_EQ(page["stories"].size(), 5u);
  // Newest activity first.
  EXPECT_GT(page["stories"][0]["last_seq"], page["stories"][1]["last_seq"]);

  // The story of the first article: its members, and one edge per
  // member derived from an earlier one.
  const uint64_t story = first["story"];
  auto detail = server_.client().Get("/v1/stories/" + std::to_string(story));
  ASSERT_TRUE(detail);
  ASSERT_EQ(detail->status, 200);
  const json s = Json(detail);
  ASSERT_GE(s["members"].size(), 2u);
  EXPECT_EQ(s["edges"].size(), s["members"].size() - 1);
  EXPECT_EQ(s["members"][0]["relation"], "origin");

  const std::string id = s["members"][1]["id"];
  auto article = server_.client().Get("/v1/articles/" + id);
  ASSERT_TRUE(article);
  ASSERT_EQ(article->status, 200) << article->body;
  const json a = Json(article);
  EXPECT_EQ(a["id"], id);
  EXPECT_EQ(a["story"]["story"], story);
  EXPECT_EQ(a["versions"].size(), 1u);
  EXPECT_TRUE(a["quotes"].is_array());
  EXPECT_FALSE(a["text"].get<std::string>().empty());

  auto missing = server_.client().Get("/v1/articles/no-such-id");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(Json(missing)["error"], "not_found");
  auto no_story = server_.client().Get("/v1/stories/999999");
  ASSERT_TRUE(no_story);
  EXPECT_EQ(no_story->status, 404);
}

TEST_F(ServerTest, SameTextIsSkippedNewTextIsAnUpdate) {
  const std::string one = R"({"id": "v", "title": "Harbour crane collapses", "text": )"
                          R"("A crane collapsed at the harbour on Monday, officials said."})";
  auto first = server_.client().Post("/v1/articles", one, "application/json");
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 200) << first->body;
  EXPECT_EQ(Json(first)["articles"][0]["relation"], "origin");
  auto again = server_.client().Post("/v1/articles", one, "application/json");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200);
  EXPECT_EQ(Json(again)["skipped"], 1);
  EXPECT_EQ(Json(again)["articles"].size(), 0u);
  const std::string two = R"({"id": "v", "title": "Harbour crane collapses", "text": )"
                          R"("A crane collapsed at the harbour on Monday; two workers were hurt."})";
  auto update = server_.client().Post("/v1/articles", two, "application/json");
  ASSERT_TRUE(update);
  ASSERT_EQ(update->status, 200) << update->body;
  EXPECT_EQ(Json(update)["articles"][0]["relation"], "update");
  auto article = server_.client().Get("/v1/articles/v");
  ASSERT_TRUE(article);
  EXPECT_EQ(Json(article)["version"], 2);
  EXPECT_EQ(Json(article)["versions"].size(), 2u);
  auto v1 = server_.client().Get("/v1/articles/v?version=1");
  ASSERT_TRUE(v1);
  EXPECT_THAT(Json(v1)["text"].get<std::string>(), HasSubstr("officials said"));
}

TEST_F(ServerTest, PerRecordRejectionsAndAllRejectedIs400) {
  const std::string mixed =
      "{\"id\": \"ok\", \"title\": \"Bridge reopens\", \"text\": \"The bridge reopened.\"}\n"
      "{\"id\": \"bad\", \"text\": 5}\n"
      "not json\n"
      "{\"id\": \"headline\", \"title\": \"Only a headline\"}\n";
  auto post = PostLines(server_, mixed);
  ASSERT_TRUE(post);
  ASSERT_EQ(post->status, 200) << post->body;
  const json j = Json(post);
  EXPECT_EQ(j["articles"].size(), 2u);  // headline-only records are accepted
  ASSERT_EQ(j["rejected"].size(), 2u);
  EXPECT_EQ(j["rejected"][0]["record"], 2);
  EXPECT_EQ(j["rejected"][0]["reason"], "field \"text\" is not a string");
  EXPECT_EQ(j["rejected"][1]["record"], 3);
  EXPECT_THAT(j["rejected"][1]["reason"].get<std::string>(), HasSubstr("malformed JSON"));

  auto all_bad = PostLines(server_, "[1,2]\n{\"id\": \"x\"}\n");
  ASSERT_TRUE(all_bad);
  EXPECT_EQ(all_bad->status, 400);
  EXPECT_EQ(Json(all_bad)["rejected"].size(), 2u);
  EXPECT_EQ(Json(all_bad)["rejected"][1]["reason"], "no title and no text (empty record)");
}

// Bad JSON, wrong types and huge fields get 400 with a reason; the server
// keeps serving.
TEST_F(ServerTest, HostileRequestsGet400NeverACrash) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"/v1/articles", ""},
      {"/v1/articles", "{"},
      {"/v1/articles", "\"just a string\""},
      {"/v1/articles", "{\"id\": {\"n\": 5}, \"text\": \"x\"}"},
      {"/v1/articles", "{\"text\": \"x\", \"published\": 2024}"},
      {"/v1/articles", "{\"text\": \"\xff\xfe invalid utf-8\"}"},
      {"/v1/articles", std::string(100000, '[')},
      {"/v1/articles", "{\"text\": \"" + std::string(11 << 20, 'a') + "\"}"},
      {"/v1/compare", ""},
      {"/v1/compare", "[]"},
      {"/v1/compare", "{\"a\": 1, \"b\": 2}"},
      {"/v1/compare", "{\"a_id\": 7, \"b_id\": \"x\"}"},
      {"/v1/compare", "{\"a\": {\"text\": \"x\"}}"},
      {"/v1/compare", "{\"a\": {\"text\": \"x\"}, \"a_id\": \"y\", \"b\": {\"text\": \"z\"}}"},
      {"/v1/compare", std::string(200000, '[') + std::string(200000, ']')},
      {"/v1/compare", "{\"a\": {\"text\": [\"x\"]}, \"b\": {\"text\": \"y\"}}"},
  };
  for (const auto& [path, body] : cases) {
    auto r = server_.client().Post(path, body, "application/json");
    ASSERT_TRUE(r) << path << " " << body.substr(0, 60);
    EXPECT_EQ(r->status, 400) << path << " " << body.substr(0, 60) << " -> " << r->body;
    const json j = json::parse(r->body, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << r->body.substr(0, 200);
    EXPECT_TRUE(j.contains("message") || j.contains("rejected")) << r->body.substr(0, 200);
  }
  auto huge = server_.client().Post(
      "/v1/articles", "{\"text\": \"" + std::string(11 << 20, 'a') + "\"}", "application/json");
  ASSERT_TRUE(huge);
  EXPECT_THAT(huge->body, HasSubstr("record larger than"));
  for (const char* query : {"/v1/stories?limit=-1", "/v1/stories?offset=abc",
                            "/v1/stories?limit=100000"}) {
    auto r = server_.client().Get(query);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400) << query;
  }
  auto health = server_.client().Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
}

// Text of a seed file as the text reader takes it: the first non-blank
// line is the title, the rest the body.
json SeedArticle(const fs::path& path, const std::string& id) {
  std::istringstream in(ReadFile(path));
  std::string line, title, body;
  while (title.empty() && std::getline(in, line)) title = line;
  std::stringstream rest;
  rest << in.rdbuf();
  body = rest.str();
  body.erase(0, body.find_first_not_of("\r\n"));
  return json{{"id", id}, {"title", title}, {"text", body}};
}

TEST_F(ServerTest, CompareSeedsSaysRewrite) {
  const fs::path seeds = kShared / "seeds";
  if (!fs::exists(seeds)) GTEST_SKIP() << "no " << seeds;
  const json a = SeedArticle(seeds / "000_f9ef4238e9286527.txt", "a");
  const json b = SeedArticle(seeds / "002_3a9a5a7e32f96ca7.txt", "b");
  auto inline_pair = server_.client().Post("/v1/compare", json{{"a", a}, {"b", b}}.dump(),
                                           "application/json");
  ASSERT_TRUE(inline_pair);
  ASSERT_EQ(inline_pair->status, 200) << inline_pair->body;
  const json j = Json(inline_pair);
  EXPECT_EQ(j["relation"], "rewrite");
  EXPECT_EQ(j["a"]["id"], "a");
  EXPECT_TRUE(j.contains("alignment") && j.contains("quotes") && j.contains("facts"));

  // The same pair stored, compared by id: the same relation; and the
  // side-by-side page.
  auto post = PostLines(server_, a.dump() + "\n" + b.dump() + "\n");
  ASSERT_TRUE(post);
  ASSERT_EQ(post->status, 200) << post->body;
  const std::string by_id = json{{"a_id", "a"}, {"b_id", "b"}}.dump();
  auto stored = server_.client().Post("/v1/compare", by_id, "application/json");
  ASSERT_TRUE(stored);
  EXPECT_EQ(Json(stored)["relation"], "rewrite");
  auto html = server_.client().Post("/v1/compare?format=html", by_id, "application/json");
  ASSERT_TRUE(html);
  EXPECT_THAT(html->get_header_value("Content-Type"), HasSubstr("text/html"));
  EXPECT_THAT(html->body, HasSubstr("rewrite"));
  auto unknown = server_.client().Post("/v1/compare", R"({"a_id": "a", "b_id": "zz"})",
                                       "application/json");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
}

TEST_F(ServerTest, RestartServesTheSameStories) {
  auto post = PostLines(server_, ReadFile(kExamples));
  ASSERT_TRUE(post);
  ASSERT_EQ(post->status, 200);
  auto before = server_.client().Get("/v1/stories?limit=1000");
  ASSERT_TRUE(before);
  ASSERT_EQ(server_.Stop(), 0);
  EXPECT_THAT(server_.last_output(), HasSubstr("stopped"));
  ASSERT_TRUE(server_.Start(Db()));
  auto after = server_.client().Get("/v1/stories?limit=1000");
  ASSERT_TRUE(after);
  EXPECT_EQ(before->body, after->body);
  // New articles keep joining the restored stories: the same records again
  // are all skipped.
  auto again = PostLines(server_, ReadFile(kExamples));
  ASSERT_TRUE(again);
  EXPECT_EQ(Json(again)["articles"].size(), 0u);
}

// SIGTERM while a POST is being ingested: the server finishes it (the
// client gets its answer), exits 0, and a restart has the articles.
TEST_F(ServerTest, SigtermFinishesTheRequestInFlight) {
  std::string body;
  for (int copy = 0; copy < 6; ++copy) {
    std::istringstream in(ReadFile(kExamples));
    for (std::string line; std::getline(in, line);) {
      if (line.empty()) continue;
      json record = json::parse(line);
      record["id"] = record["id"].get<std::string>() + "#" + std::to_string(copy);
      body += record.dump() + "\n";
    }
  }
  const size_t records = std::count(body.begin(), body.end(), '\n');
  httplib::Client client("127.0.0.1", server_.port());
  client.set_read_timeout(300, 0);
  std::optional<httplib::Result> answer;
  std::thread poster([&] { answer = client.Post("/v1/articles", body, "application/x-ndjson"); });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(server_.Stop(), 0);
  poster.join();
  ASSERT_TRUE(answer && *answer) << "the request in flight got no answer";
  EXPECT_EQ((*answer)->status, 200);
  EXPECT_EQ(Json(*answer)["articles"].size(), records);
  ASSERT_TRUE(server_.Start(Db()));
  auto health = server_.client().Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(Json(health)["articles"], records);
}

// SIGTERM as soon as the port is announced, before the server has begun
// to accept: it still stops, at once (httplib's stop() does nothing until
// listening has begun; the server waits for that).
TEST_F(ServerTest, SigtermRightAfterThePortIsAnnouncedStopsTheServer) {
  for (int attempt = 0; attempt < 10; ++attempt) {
    SCOPED_TRACE("attempt " + std::to_string(attempt));
    const auto start = std::chrono::steady_clock::now();
    ASSERT_EQ(server_.Stop(), 0);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
    ASSERT_TRUE(server_.Start(Db()));
  }
}

TEST_F(ServerTest, PagesAreServedWithAPolicyThatForbidsInlineScripts) {
  for (const char* path : {"/", "/stories/0", "/articles/some%2Fid", "/compare?a=x&b=y",
                           "/paste", "/assets/app.js", "/assets/app.css"}) {
    auto r = server_.client().Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 200) << path;
    EXPECT_THAT(r->get_header_value("Content-Security-Policy"), HasSubstr("script-src 'self'"))
        << path;
  }
  auto index = server_.client().Get("/");
  EXPECT_THAT(index->body, HasSubstr("/assets/app.js"));
}

// A method nobody knows is counted, under the label "other": a client
// cannot write what it likes into the metrics.
TEST_F(ServerTest, MetricsLabelAnInventedMethodOther) {
  httplib::Request brew;
  brew.method = "BREW";
  brew.path = "/healthz";
  auto answer = server_.client().send(brew);
  ASSERT_TRUE(answer);
  EXPECT_GE(answer->status, 400);
  const std::string counted = "method=\"other\"";
  httplib::Result metrics = server_.client().Get("/metrics");
  for (int i = 0; i < 50 && metrics && metrics->body.find(counted) == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    metrics = server_.client().Get("/metrics");
  }
  ASSERT_TRUE(metrics);
  EXPECT_THAT(metrics->body, HasSubstr(counted));
  EXPECT_EQ(metrics->body.find("BREW"), std::string::npos);
}

// The shared objects mapped into process `pid`, by file name.
std::set<std::string> MappedLibraries(pid_t pid) {
  std::ifstream maps("/proc/" + std::to_string(pid) + "/maps");
  std::set<std::string> names;
  std::string line;
  while (std::getline(maps, line)) {
    const size_t slash = line.rfind('/');
    if (slash != std::string::npos && line.find(".so", slash) != std::string::npos) {
      names.insert(line.substr(slash + 1));
    }
  }
  return names;
}

bool AnyStartsWith(const std::set<std::string>& names, const std::string& prefix) {
  return std::any_of(names.begin(), names.end(),
                     [&prefix](const std::string& n) { return n.rfind(prefix, 0) == 0; });
}

// The server, cpp-httplib and OpenSSL are loaded by `serve` only: every
// other run starts without them (server/serve_module.h).
TEST_F(ServerTest, OnlyServeLoadsTheServerAndItsLibraries) {
  const std::set<std::string> serving = MappedLibraries(server_.pid());
  EXPECT_TRUE(AnyStartsWith(serving, "libtwicetold_serve.so"));
  EXPECT_TRUE(AnyStartsWith(serving, "libcpp-httplib"));

  // `twicetold dedup -` waits on its standard input: look at it meanwhile.
  int in[2];
  ASSERT_EQ(::pipe(in), 0);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    ::dup2(in[0], 0);
    ::close(in[0]);
    ::close(in[1]);
    const int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, 1);
    ::dup2(null, 2);
    ::execl(TWICETOLD_CLI, TWICETOLD_CLI, "dedup", "-", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(in[0]);
  std::set<std::string> reading;
  for (int i = 0; i < 250 && !AnyStartsWith(reading, "libstdc++"); ++i) {
    ::usleep(20 * 1000);
    reading = MappedLibraries(pid);
  }
  ::usleep(300 * 1000);  // past the loader and any start-up loading
  for (const std::string& name : MappedLibraries(pid)) reading.insert(name);
  ::close(in[1]);  // end of input: dedup exits
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(AnyStartsWith(reading, "libstdc++")) << "dedup did not start";
  EXPECT_FALSE(AnyStartsWith(reading, "libtwicetold_serve.so"));
  EXPECT_FALSE(AnyStartsWith(reading, "libcpp-httplib"));
  EXPECT_FALSE(AnyStartsWith(reading, "libssl"));
  EXPECT_FALSE(AnyStartsWith(reading, "libcrypto"));
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
}

// A damaged server module is refused with a message that names it, before
// any store is opened.
TEST(ServeModuleTest, ADamagedServerModuleIsAClearError) {
  TempDir dir("serve_module");
  const fs::path module = dir.path() / "libtwicetold_serve.so";
  std::ofstream(module) << "not a shared object\n";
  ASSERT_EQ(::setenv("TWICETOLD_MODULE_DIR", dir.path().c_str(), 1), 0);
  const twicetold::testing::CliRun run =
      twicetold::testing::RunCli("serve --db '" + (dir.path() / "store.db").string() + "' --port 0");
  ::unsetenv("TWICETOLD_MODULE_DIR");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.err, HasSubstr("The HTTP server (libtwicetold_serve.so) cannot be loaded"));
  EXPECT_THAT(run.err, HasSubstr(module.string()));
  EXPECT_FALSE(fs::exists(dir.path() / "store.db"));
}

// What a client sees when it writes `bytes` on one new connection and
// reads until the server closes it (or `give_up_s` pass).
struct RawExchange {
  std::string answers;
  bool closed_by_server = false;
  double seconds = 0;
};
RawExchange Exchange(int port, const std::string& bytes, double give_up_s = 20) {
  RawExchange out;
  const auto start = std::chrono::steady_clock::now();
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) return out;
  ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
  char buf[4096];
  for (;;) {
    const double left =
        give_up_s - std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    pollfd p{fd, POLLIN, 0};
    if (left <= 0 || ::poll(&p, 1, static_cast<int>(left * 1000) + 1) <= 0) break;
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) {
      out.closed_by_server = true;
      break;
    }
    out.answers.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return out;
}

size_t CountOf(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(ServerAuthTest, TokenAndBodyLimit) {
  TempDir dir("server_auth_test");
  TestServer server;
  ASSERT_TRUE(server.Start((dir.path() / "store.db").string(), {"--max-body", "4096"},
                           {"TWICETOLD_TOKEN=s3cret-token"}));
  auto none = server.client().Get("/v1/stories");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 401);
  EXPECT_EQ(Json(none)["error"], "unauthenticated");
  // A refused request's body is never read: the connection ends with it.
  EXPECT_EQ(none->get_header_value("Connection"), "close");
  httplib::Headers wrong = {{"Authorization", "Bearer s3cret-tokem"}};
  auto bad = server.client().Get("/v1/stories", wrong);
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 401);
  httplib::Headers right = {{"Authorization", "Bearer s3cret-token"}};
  auto ok = server.client().Get("/v1/stories", right);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
  auto post = server.client().Post("/v1/articles", {}, "{}", "application/json");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 401);  // refused before the body is read
  auto health = server.client().Get("/healthz");  // not under /v1
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  // The server ends the connection after the 401: the unread body is not
  // taken for a request, and the client does not wait for a timeout.
  const std::string body = "GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n";
  const RawExchange refused = Exchange(
      server.port(), "POST /v1/articles HTTP/1.1\r\nHost: t\r\nContent-Type: text/plain\r\n"
                     "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
  EXPECT_EQ(refused.answers.rfind("HTTP/1.1 401 ", 0), 0u) << refused.answers;
  EXPECT_EQ(CountOf(refused.answers, "HTTP/1.1 "), 1u) << refused.answers;
  EXPECT_TRUE(refused.closed_by_server);
  EXPECT_LT(refused.seconds, 3.0);  // the keep-alive and read timeouts are 5 s
  // A body far larger than one read is neither read as requests nor
  // waited for: the client gets the one 401 and the end of the connection.
  const std::string large(512 * 1024, 'x');
  const RawExchange refused_large = Exchange(
      server.port(), "POST /v1/articles HTTP/1.1\r\nHost: t\r\nContent-Type: text/plain\r\n"
                     "Content-Length: " + std::to_string(large.size()) + "\r\n\r\n" + large);
  EXPECT_EQ(refused_large.answers.rfind("HTTP/1.1 401 ", 0), 0u) << refused_large.answers;
  EXPECT_EQ(CountOf(refused_large.answers, "HTTP/1.1 "), 1u);
  EXPECT_TRUE(refused_large.closed_by_server);
  EXPECT_LT(refused_large.seconds, 3.0);

  auto big = server.client().Post("/v1/articles", right,
                                  "{\"text\": \"" + std::string(5000, 'a') + "\"}",
                                  "application/json");
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 413);
  EXPECT_EQ(Json(big)["error"], "resource_exhausted");
  auto small = server.client().Post(
      "/v1/articles", right, R"({"title": "Short", "text": "A short article."})",
      "application/json");
  ASSERT_TRUE(small);
  EXPECT_EQ(small->status, 200) << small->body;
  EXPECT_EQ(server.Stop(), 0);
}

// Requests sent together on one connection (HTTP/1.1 pipelining) are all
// answered, in order, without waiting for a timeout.
TEST_F(ServerTest, PipelinedRequestsAreAllAnswered) {
  const RawExchange r = Exchange(server_.port(),
                                 "GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n"
                                 "GET /v1/nothing-here HTTP/1.1\r\nHost: t\r\n\r\n"
                                 "GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(CountOf(r.answers, "HTTP/1.1 "), 3u) << r.answers;
  const size_t not_found = r.answers.find("HTTP/1.1 404 ");
  EXPECT_NE(not_found, std::string::npos);
  EXPECT_LT(r.answers.find("HTTP/1.1 200 "), not_found);
  EXPECT_NE(r.answers.find("HTTP/1.1 200 ", not_found), std::string::npos);
  EXPECT_TRUE(r.closed_by_server);
  EXPECT_LT(r.seconds, 3.0);  // the keep-alive timeout is 5 s
}

// What the server wrote, the CLI reads: the examples posted in published
// order, then `twicetold export --stories` on the store, equal the stories
// of one `twicetold stories` run, byte for byte.
TEST_F(ServerTest, TheCliReadsWhatTheServerWrote) {
  std::vector<std::pair<std::string, std::string>> lines;  // (published, line)
  std::istringstream in(ReadFile(kExamples));
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.emplace_back(json::parse(line).value("published", ""), line);
  }
  std::stable_sort(lines.begin(), lines.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::string body;
  for (const auto& [published, line] : lines) body += line + "\n";
  auto post = PostLines(server_, body);
  ASSERT_TRUE(post);
  ASSERT_EQ(post->status, 200) << post->body.substr(0, 300);
  ASSERT_EQ(server_.Stop(), 0);
  const fs::path one_shot = dir_.path() / "one_shot.jsonl";
  const auto run = twicetold::testing::RunCli("stories -q --no-progress examples/articles.jsonl "
                                              "-o /dev/null --stories '" + one_shot.string() + "'");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto exported = twicetold::testing::RunCli("export --stories --db '" + Db() + "'");
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_EQ(exported.out, ReadFile(one_shot));
  ASSERT_TRUE(server_.Start(Db()));  // TearDown stops it
}

// Stories as sets of ids, whatever their numbers.
std::set<std::set<std::string>> Partition(const std::vector<json>& assignments) {
  std::map<uint64_t, std::set<std::string>> by_story;
  for (const json& a : assignments) by_story[a["story"]].insert(a["id"].get<std::string>());
  std::set<std::set<std::string>> out;
  for (auto& [story, ids] : by_story) out.insert(std::move(ids));
  return out;
}

// BASIL in published order, posted in three batches, gives the stories
// of one `twicetold stories` run over the whole file.
TEST_F(ServerTest, BasilInThreePostsGivesTheOneShotPartition) {
  const fs::path basil = kShared / "data" / "stories" / "basil.jsonl";
  if (!fs::exists(basil)) GTEST_SKIP() << "no " << basil;
  const auto one_shot = twicetold::testing::RunCli("stories -q --no-progress '" +
                                                   basil.string() + "'");
  ASSERT_EQ(one_shot.exit_code, 0) << one_shot.err;
  const std::vector<json> expected = twicetold::testing::JsonLines(one_shot.out);

  std::vector<std::pair<std::string, std::string>> lines;  // (published, line)
  std::istringstream in(ReadFile(basil));
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    lines.emplace_back(json::parse(line).value("published", ""), line);
  }
  std::stable_sort(lines.begin(), lines.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<json> got;
  const size_t third = (lines.size() + 2) / 3;
  for (size_t begin = 0; begin < lines.size(); begin += third) {
    std::string body;
    for (size_t i = begin; i < std::min(lines.size(), begin + third); ++i) {
      body += lines[i].second + "\n";
    }
    auto post = PostLines(server_, body);
    ASSERT_TRUE(post);
    ASSERT_EQ(post->status, 200) << post->body.substr(0, 300);
    const json answer = Json(post);
    for (const json& a : answer["articles"]) got.push_back(a);
  }
  ASSERT_EQ(got.size(), expected.size());
  EXPECT_EQ(Partition(got), Partition(expected));
}

}  // namespace
}  // namespace twicetold
