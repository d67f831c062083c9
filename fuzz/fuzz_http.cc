// Fuzzes the server's request handling (`twicetold serve`, server/): raw
// bytes go through cpp-httplib's request parsing, the token check, the
// routes and the /v1 handlers (stories, articles, compare, ingest), the
// error bodies and the metrics, as in production (server/state.h:
// OpenState and Configure, the same calls Serve makes). Two servers live
// in the fuzzing process, each over its own SQLite store in a temporary
// folder: one open, one with the bearer token "fuzz-token".
//
// The connection is in memory (MemoryStream): the server's own
// per-connection loop (ConnectionServer::ServeConnection,
// server/connection.h) reads the client's bytes from a buffer and writes
// the answers to a string, so no socket, thread hand-off or timeout paces
// the fuzzer.
//
// Input: byte 0, bit 0: send to the server with the token; the rest is
// what the client writes on one connection (one request or several,
// pipelined), then the connection ends.
//
// Asserts: what the server writes back is whole answers, each starting
// with an HTTP/1.1 status line; no handler throws (500 "internal error");
// a 401 answer ends the connection (nothing is answered after it); the
// store gains exactly the articles the answers to POST /v1/articles
// acknowledge, in their order and with their story numbers (none lost,
// none stored unacknowledged), so a connection without the token adds
// none to the guarded store; the metrics text stays valid Prometheus
// exposition (label values without raw quotes, backslashes or line
// breaks).
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <strings.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fuzz_check.h"
#include "fuzz_temp.h"
#include "server/connection.h"
#include "server/state.h"

namespace {

namespace fz = twicetold::fuzz;
namespace sv = twicetold::server;

constexpr std::string_view kToken = "fuzz-token";

// One client connection in memory: reads take the client's bytes in
// order, writes append to `written`.
class MemoryStream : public sv::ConnectionStream {
 public:
  explicit MemoryStream(std::string_view in) : in_(in) {}

  bool is_readable() const override { return pos_ < in_.size(); }
  bool is_writable() const override { return true; }
  ssize_t read(char* ptr, size_t size) override {
    const size_t n = std::min(size, in_.size() - pos_);
    std::memcpy(ptr, in_.data() + pos_, n);
    pos_ += n;
    return static_cast<ssize_t>(n);
  }
  ssize_t write(const char* ptr, size_t size) override {
    written.append(ptr, size);
    return static_cast<ssize_t>(size);
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = "127.0.0.1";
    port = 50000;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip = "127.0.0.1";
    port = 8080;
  }
  socket_t socket() const override { return INVALID_SOCKET; }
  // The client's bytes end, then it closes the connection.
  bool WaitForRequest(time_t, const std::function<bool()>&) override { return is_readable(); }

  std::string written;

 private:
  std::string_view in_;
  size_t pos_ = 0;
};

// Past this many stored articles a server starts over on a new, empty
// store: reads grow with the store (an id posted thousands of times
// answers GET /v1/articles/{id} with every version). Without a limit the
// executions per second fell fourfold in 100,000 inputs; at 500 articles
// a third of the time still went to such answers.
constexpr uint64_t kMaxStoredArticles = 100;

struct Running {
  const char* name = nullptr;
  std::string_view token;
  sv::State* state = nullptr;
  sv::ConnectionServer* http = nullptr;
  int generation = 0;     // stores started so far
  uint64_t last_seq = 0;  // the store's newest article after the last input
  uint64_t stored = 0;    // articles in the store
  size_t label_sets_checked = 0;  // the metrics' label sets when last checked
};

void Start(Running* server) {
  sv::ServeOptions options;
  options.db = fz::TempDir() + "/" + server->name + "-" + std::to_string(server->generation++) +
               ".db";
  options.token = std::string(server->token);
  options.threads = 1;
  options.max_body = 1 << 16;
  server->state = new sv::State(options);
  FUZZ_CHECK(sv::OpenState(*server->state).ok());
  server->http = new sv::ConnectionServer;
  sv::Configure(*server->http, *server->state);
  server->last_seq = 0;
  server->stored = 0;
  server->label_sets_checked = 0;
}

// Closes the server's store, removes its files and starts on a new one.
void Restart(Running* server) {
  const std::string db = server->state->options.db;
  delete server->http;
  delete server->state;
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((db + suffix).c_str());
  Start(server);
}

Running& Server(bool with_token) {
  static Running* open = [] {
    auto* r = new Running{"open", ""};
    Start(r);
    return r;
  }();
  static Running* guarded = [] {
    auto* r = new Running{"guarded", kToken};
    Start(r);
    return r;
  }();
  return with_token ? *guarded : *open;
}

// An article as an ingest answer names it: its id and story number.
using Placed = std::pair<std::string, uint64_t>;

// The articles the store of `server` gained since the last call, in order.
std::vector<Placed> NewArticles(Running& server) {
  std::vector<Placed> gained;
  const twicetold::Status scanned =
      server.state->writer->Scan(server.last_seq, [&](twicetold::StoredArticle&& a) {
        server.last_seq = a.seq;
        gained.emplace_back(std::move(a.article.id), a.story);
        return twicetold::Status::Ok();
      });
  FUZZ_CHECK(scanned.ok());
  return gained;
}

// The articles an answer to POST /v1/articles acknowledges (appended to
// `acknowledged`): its body is {"articles":[...],"skipped":n,"rejected":[...]}
// (IngestResultToJson). Other answers acknowledge none.
void AddAcknowledged(int status, std::string_view body, std::vector<Placed>* acknowledged) {
  if ((status != 200 && status != 400) || !body.starts_with("{\"articles\":")) return;
  const nlohmann::json answer = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  FUZZ_CHECK(answer.is_object() && answer.size() == 3);
  const auto articles = answer.find("articles");
  const auto skipped = answer.find("skipped");
  const auto rejected = answer.find("rejected");
  FUZZ_CHECK(articles != answer.end() && articles->is_array());
  FUZZ_CHECK(skipped != answer.end() && skipped->is_number_unsigned());
  FUZZ_CHECK(rejected != answer.end() && rejected->is_array());
  for (const nlohmann::json& a : *articles) {
    FUZZ_CHECK(a.is_object());
    const auto id = a.find("id");
    const auto story = a.find("story");
    FUZZ_CHECK(id != a.end() && id->is_string());
    FUZZ_CHECK(story != a.end() && story->is_number_unsigned());
    acknowledged->emplace_back(id->get<std::string>(), story->get<uint64_t>());
  }
}

// Lower-cased header block value of `name` in `head`, or "".
std::string HeaderValue(std::string_view head, std::string_view name) {
  size_t pos = head.find("\r\n");
  while (pos != std::string_view::npos && pos + 2 < head.size()) {
    const size_t start = pos + 2;
    const size_t end = head.find("\r\n", start);
    std::string_view line = head.substr(start, end - start);
    const size_t colon = line.find(':');
    if (colon != std::string_view::npos && colon == name.size() &&
        strncasecmp(line.data(), name.data(), name.size()) == 0) {
      std::string value(line.substr(colon + 1));
      while (!value.empty() && value.front() == ' ') value.erase(0, 1);
      for (char& c : value) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return value;
    }
    pos = end;
  }
  return "";
}

bool StartsAnswer(std::string_view rest) {
  return rest.empty() || rest.substr(0, 9) == "HTTP/1.1 ";
}

// `written` is whole answers, one after another. Appends the articles
// they acknowledge to `acknowledged`.
void CheckResponses(std::string_view written, bool with_token,
                    std::vector<Placed>* acknowledged) {
  while (!written.empty()) {
    FUZZ_CHECK(written.substr(0, 9) == "HTTP/1.1 ");
    FUZZ_CHECK(written.size() >= 12);
    const int status = std::atoi(std::string(written.substr(9, 3)).c_str());
    FUZZ_CHECK(status >= 100 && status <= 599);
    const size_t head_end = written.find("\r\n\r\n");
    FUZZ_CHECK(head_end != std::string_view::npos);
    const std::string_view head = written.substr(0, head_end);
    const size_t length = std::strtoul(HeaderValue(head, "Content-Length").c_str(), nullptr, 10);
    // The answer to HEAD has the Content-Length of GET's, without a body.
    size_t end = head_end + 4 + length;
    if (end > written.size() || !StartsAnswer(written.substr(end))) end = head_end + 4;
    FUZZ_CHECK(StartsAnswer(written.substr(end)));
    const std::string_view body = written.substr(head_end + 4, end - head_end - 4);
    FUZZ_CHECK(body.find("\"internal error\"") == std::string_view::npos);
    AddAcknowledged(status, body, acknowledged);
    if (with_token && status == 401) {
      FUZZ_CHECK(HeaderValue(head, "Connection") == "close");
      // Nothing after the 401: its unread body is never taken for a request.
      FUZZ_CHECK(end == written.size());
    }
    written.remove_prefix(end);
  }
}

// One sample line: name, optional {k="v",...}, a space and a number.
void CheckMetricLine(std::string_view line) {
  if (line.empty() || line[0] == '#') return;
  size_t i = 0;
  while (i < line.size() && (std::isalnum(static_cast<unsigned char>(line[i])) || line[i] == '_')) {
    ++i;
  }
  FUZZ_CHECK(i > 0);
  if (i < line.size() && line[i] == '{') {
    ++i;
    for (;;) {
      const size_t key = i;
      while (i < line.size() && (std::isalnum(static_cast<unsigned char>(line[i])) ||
                                 line[i] == '_')) {
        ++i;
      }
      FUZZ_CHECK(i > key);
      FUZZ_CHECK(line.substr(i, 2) == "=\"");
      i += 2;
      while (i < line.size() && line[i] != '"') {
        FUZZ_CHECK(line[i] != '\\');
        ++i;
      }
      FUZZ_CHECK(i < line.size());
      ++i;  // the closing quote
      FUZZ_CHECK(i < line.size());
      if (line[i] == '}') break;
      FUZZ_CHECK(line[i] == ',');
      ++i;
    }
    ++i;
  }
  FUZZ_CHECK(i < line.size() && line[i] == ' ');
  char* end = nullptr;
  const std::string value(line.substr(i + 1));
  std::strtod(value.c_str(), &end);
  FUZZ_CHECK(end != value.c_str() && *end == '\0');
}

// The metrics text is checked when its label sets change: what an
// input can put into the text is a new combination of route, method and
// code (labels); the values are counts and sums Metrics formats as
// numbers.
void CheckMetrics(Running& server) {
  const size_t label_sets = server.state->metrics.LabelSets();
  if (label_sets == server.label_sets_checked) return;
  const std::string text = server.state->metrics.Text({});
  FUZZ_CHECK(fz::IsValidUtf8(text));
  std::string_view rest = text;
  while (!rest.empty()) {
    const size_t end = rest.find('\n');
    FUZZ_CHECK(end != std::string_view::npos);  // every line ends in \n
    CheckMetricLine(rest.substr(0, end));
    rest.remove_prefix(end + 1);
  }
  server.label_sets_checked = label_sets;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const bool with_token = data[0] & 1;
  Running& server = Server(with_token);
  const std::string_view request(reinterpret_cast<const char*>(data) + 1, size - 1);
  MemoryStream connection(request);
  server.http->ServeConnection(connection, [] { return false; });
  const std::string& response = connection.written;
  // For triage: FUZZ_HTTP_VERBOSE=1 prints what the server answered.
  static const bool verbose = std::getenv("FUZZ_HTTP_VERBOSE") != nullptr;
  if (verbose) std::fprintf(stderr, "--- response:\n%s\n---\n", response.c_str());
  std::vector<Placed> acknowledged;
  CheckResponses(response, with_token, &acknowledged);
  // The store gained what was acknowledged; without the token, nothing.
  const std::vector<Placed> gained = NewArticles(server);
  FUZZ_CHECK(gained == acknowledged);
  if (with_token && request.find(kToken) == std::string_view::npos) FUZZ_CHECK(gained.empty());
  CheckMetrics(server);
  server.stored += gained.size();
  if (server.stored > kMaxStoredArticles) Restart(&server);
  return 0;
}
