// Fuzzes the server's request handling (`twicetold serve`, server/): raw
// bytes go to a real server over a loopback TCP connection, so they pass
// through cpp-httplib's request parsing, the token check, the routes and
// the /v1 handlers (stories, articles, compare, ingest), the error bodies
// and the metrics, as in production (server/state.h: OpenState and
// Configure, the same calls Serve makes). Two servers run in the fuzzing
// process, each over its own SQLite store in a temporary folder: one open,
// one with the bearer token "fuzz-token".
//
// Input: byte 0, bit 0: send to the server with the token; the rest is
// what the client writes (one request or several, pipelined), followed by
// a last request of the harness's, GET /healthz with Connection: close
// (kLastRequest).
//
// Asserts: the server answers within 10 s and closes the connection; an
// answer starts with an HTTP/1.1 status line; no handler throws (500
// "internal error"); a 401 answer closes the connection (no request body
// left to be read as the next request); the metrics text stays valid
// Prometheus exposition (label values without raw quotes, backslashes or
// line breaks).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <httplib.h>

#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <thread>

#include "fuzz_check.h"
#include "fuzz_temp.h"
#include "server/state.h"

namespace {

namespace fz = twicetold::fuzz;
namespace sv = twicetold::server;

constexpr std::string_view kToken = "fuzz-token";

struct Running {
  sv::State* state = nullptr;
  int port = 0;
};

Running Start(const char* db_name, std::string_view token) {
  sv::ServeOptions options;
  options.db = fz::TempDir() + "/" + db_name;
  options.token = std::string(token);
  options.threads = 2;
  options.max_body = 1 << 16;
  // Both leak on purpose: the servers run until the process exits.
  auto* state = new sv::State(options);
  FUZZ_CHECK(sv::OpenState(*state).ok());
  auto* http = new httplib::Server;
  sv::Configure(*http, *state);
  const int port = http->bind_to_any_port("127.0.0.1");
  FUZZ_CHECK(port > 0);
  std::thread([http] { http->listen_after_bind(); }).detach();
  for (int i = 0; i < 1000 && !http->is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  FUZZ_CHECK(http->is_running());
  return {state, port};
}

const Running& Server(bool with_token) {
  static const Running open = Start("open.db", "");
  static const Running guarded = Start("guarded.db", kToken);
  return with_token ? guarded : open;
}

// The client's last request, after the fuzzed bytes: it ends an
// unfinished header block, asks the server to close the connection once
// answered, and is answered quickly. Closing the sending side instead
// would not do: httplib drops the answer to a request whose client has
// half-closed (it peeks, sees the end of the stream, and takes the client
// for gone), at random, depending on timing.
constexpr std::string_view kLastRequest =
    "\r\n\r\nGET /healthz HTTP/1.1\r\nHost: fuzz\r\nConnection: close\r\n\r\n";

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

// `bytes` is one or more whole answers, each with a Content-Length.
bool WholeAnswers(std::string_view bytes) {
  if (bytes.empty()) return false;
  while (!bytes.empty()) {
    const size_t head_end = bytes.find("\r\n\r\n");
    if (head_end == std::string_view::npos) return false;
    const std::string length = HeaderValue(bytes.substr(0, head_end), "Content-Length");
    if (length.empty()) return false;
    const size_t end = head_end + 4 + std::strtoul(length.c_str(), nullptr, 10);
    if (end > bytes.size()) return false;
    bytes.remove_prefix(end);
  }
  return true;
}

// Writes `request` and kLastRequest on a new connection and returns
// everything the server sent until it closed the connection. If the
// server waits for more (a body longer than what was sent), the sending
// side is closed after 50 ms without an answer. Once what arrived is whole
// answers and nothing more comes for kIdleAfterAnswers, the exchange ends
// there: cpp-httplib 0.11 drops requests that arrive in one read with the
// one before (a new stream per request loses the read-ahead), so the
// server rarely answers kLastRequest and would otherwise hold every
// exchange open until the 50 ms half-close.
constexpr int kIdleAfterAnswersMs = 3;

std::string Exchange(int port, std::string_view request) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  FUZZ_CHECK(fd >= 0);
  timeval timeout{10, 0};
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  FUZZ_CHECK(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  std::string bytes(request);
  bytes += kLastRequest;
  size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may close before reading everything
    sent += static_cast<size_t>(n);
  }
  std::string response;
  char buf[16384];
  bool half_closed = false;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  for (;;) {
    pollfd p{fd, POLLIN, 0};
    const bool answered = !half_closed && WholeAnswers(response);
    const int ready = ::poll(&p, 1, half_closed ? 1000 : answered ? kIdleAfterAnswersMs : 50);
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0 && answered) break;  // whole answers, then silence
    if (ready == 0) {
      // A hang: the server neither answered nor closed in 10 s.
      FUZZ_CHECK(std::chrono::steady_clock::now() < deadline);
      if (!half_closed) ::shutdown(fd, SHUT_WR);
      half_closed = true;
      continue;
    }
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n > 0) {
      response.append(buf, static_cast<size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && std::getenv("FUZZ_HTTP_VERBOSE")) std::perror("recv");
    break;  // closed (or reset)
  }
  if (std::getenv("FUZZ_HTTP_VERBOSE")) {
    std::fprintf(stderr, "sent %zu of %zu bytes, %s\n", sent, bytes.size(),
                 half_closed           ? "half-closed after waiting"
                 : WholeAnswers(response) ? "whole answers"
                                          : "closed by the server");
  }
  ::close(fd);
  return response;
}

void CheckResponses(std::string_view response, bool with_token) {
  if (response.empty()) return;  // closed without an answer (nothing parsed)
  FUZZ_CHECK(response.substr(0, 9) == "HTTP/1.1 ");
  FUZZ_CHECK(response.size() >= 12);
  const int status = std::atoi(std::string(response.substr(9, 3)).c_str());
  FUZZ_CHECK(status >= 100 && status <= 599);
  FUZZ_CHECK(response.find("\"internal error\"") == std::string_view::npos);
  if (with_token && status == 401) {
    const size_t head_end = response.find("\r\n\r\n");
    FUZZ_CHECK(head_end != std::string_view::npos);
    const std::string_view head = response.substr(0, head_end);
    FUZZ_CHECK(HeaderValue(head, "Connection") == "close");
    const size_t length = std::strtoul(HeaderValue(head, "Content-Length").c_str(), nullptr, 10);
    // Nothing after the 401: the rest of the request is never answered.
    FUZZ_CHECK(response.size() == head_end + 4 + length);
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

void CheckMetrics(const sv::State& state) {
  const std::string text = state.metrics.Text({});
  FUZZ_CHECK(fz::IsValidUtf8(text));
  std::string_view rest = text;
  while (!rest.empty()) {
    const size_t end = rest.find('\n');
    FUZZ_CHECK(end != std::string_view::npos);  // every line ends in \n
    CheckMetricLine(rest.substr(0, end));
    rest.remove_prefix(end + 1);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const bool with_token = data[0] & 1;
  const Running& server = Server(with_token);
  const std::string_view request(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::string response = Exchange(server.port, request);
  // For triage: FUZZ_HTTP_VERBOSE=1 prints what the server answered.
  static const bool verbose = std::getenv("FUZZ_HTTP_VERBOSE") != nullptr;
  if (verbose) std::fprintf(stderr, "--- response:\n%s\n---\n", response.c_str());
  CheckResponses(response, with_token);
  CheckMetrics(*server.state);
  return 0;
}
