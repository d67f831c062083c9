// The server's lifecycle: open the store and the ingester, route, check
// the token, listen, and stop cleanly on SIGTERM / SIGINT.
#include "server/server.h"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "server/connection.h"
#include "server/state.h"
#include "twicetold/store_json.h"

namespace twicetold::server {
namespace {

// When the request being answered on this thread was routed (the
// pre-routing handler and the logger run on the worker thread).
thread_local std::chrono::steady_clock::time_point t_routed;
thread_local bool t_has_routed = false;

// Equal strings, in time that depends only on their lengths.
bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  unsigned char diff = a.size() != b.size();
  const size_t n = std::max(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    const unsigned char x = i < a.size() ? a[i] : 0;
    const unsigned char y = i < b.size() ? b[i] : 0;
    diff |= x ^ y;
  }
  return diff == 0;
}

httplib::Server::HandlerResponse PreRoute(const State& state, const httplib::Request& req,
                                          httplib::Response& res) {
  t_routed = std::chrono::steady_clock::now();
  t_has_routed = true;
  const bool api = req.path.rfind("/v1/", 0) == 0 || req.path == "/v1";
  if (!api || state.options.token.empty()) return httplib::Server::HandlerResponse::Unhandled;
  const std::string expected = "Bearer " + state.options.token;
  if (ConstantTimeEquals(req.get_header_value("Authorization"), expected)) {
    return httplib::Server::HandlerResponse::Unhandled;
  }
  res.set_header("WWW-Authenticate", "Bearer");
  // Answered before the body is read, which must not be taken for the
  // next request: the connection ends with this answer.
  res.set_header("Connection", "close");
  CloseConnectionAfterThisAnswer();
  SendError(res, 401, "missing or wrong bearer token");
  return httplib::Server::HandlerResponse::Handled;
}

// Fills the body of errors httplib answers itself (404 without a route,
// 413 over --max-body, 400 for a broken request) with the JSON error.
void FillError(const httplib::Request& req, httplib::Response& res) {
  if (!res.body.empty()) return;
  std::string message = "HTTP error " + std::to_string(res.status);
  if (res.status == 400) message = "malformed HTTP request";
  if (res.status == 404) message = "no such resource: " + req.path;
  if (res.status == 405) message = "method not allowed";
  if (res.status == 413) message = "request body larger than --max-body";
  if (res.status == 414) message = "request URI too long";
  SendError(res, res.status, message);
}

void Log(State& state, const httplib::Request& req, const httplib::Response& res) {
  double seconds = 0;
  if (t_has_routed) {
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t_routed).count();
    t_has_routed = false;
  }
  state.metrics.Record(req.method, req.path, res.status, seconds);
}

}  // namespace

void Configure(httplib::Server& http, State& state) {
  http.new_task_queue = [n = state.options.threads] {
    return new httplib::ThreadPool(static_cast<size_t>(n));
  };
  http.set_payload_max_length(state.options.max_body);
  // A client may keep its connection for many requests (the default, 5,
  // makes load generators reconnect all the time).
  http.set_keep_alive_max_count(1000);
  // Headers and body go out in separate writes: without TCP_NODELAY the
  // body waits for the client's delayed ACK (40 ms per request).
  http.set_tcp_nodelay(true);
  http.set_pre_routing_handler(
      [&state](const httplib::Request& req, httplib::Response& res) {
        return PreRoute(state, req, res);
      });
  http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    FillError(req, res);
  });
  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        SendError(res, 500, "internal error");
      });
  http.set_logger([&state](const httplib::Request& req, const httplib::Response& res) {
    Log(state, req, res);
  });
  RegisterApi(http, state);
  RegisterPages(http);
}

namespace {

// Blocks SIGTERM and SIGINT in this thread and every thread it starts, so
// that only WaitForSignal receives them.
sigset_t BlockStopSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  return set;
}

}  // namespace

Status OpenState(State& state) {
  ASSIGN_OR_RETURN(state.writer, OpenStore(state.options.db));
  ASSIGN_OR_RETURN(state.ingester, StoryIngester::Open(*state.writer, state.options.ingest));
  // Read connections for the workers, which also proves the store
  // readable before listening.
  return state.readers.Prefill(state.options.threads);
}

int StatusToHttp(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return 200;
    case StatusCode::kInvalidArgument: return 400;
    case StatusCode::kCorruption: return 400;  // posted bytes are not an article
    case StatusCode::kNotFound: return 404;
    case StatusCode::kResourceExhausted: return 413;
    case StatusCode::kFailedPrecondition: return 409;
    case StatusCode::kUnimplemented: return 501;
    case StatusCode::kIOError: return 503;
    case StatusCode::kInternal: return 500;
  }
  return 500;
}

void SendJson(httplib::Response& res, int http_status, const std::string& json) {
  res.status = http_status;
  res.set_content(json, "application/json");
}

void SendStatus(httplib::Response& res, const Status& status) {
  SendJson(res, StatusToHttp(status.code()),
           ErrorToJson(StatusCodeName(status.code()), status.message()));
}

void SendError(httplib::Response& res, int http_status, std::string_view message) {
  std::string_view code = "error";
  if (http_status == 400) code = "invalid_argument";
  if (http_status == 401) code = "unauthenticated";
  if (http_status == 404) code = "not_found";
  if (http_status == 413) code = "resource_exhausted";
  SendJson(res, http_status, ErrorToJson(code, message));
}

Result<StorePool::Lease> StorePool::Acquire() {
  {
    std::lock_guard lock(mu_);
    if (!free_.empty()) {
      std::unique_ptr<Store> store = std::move(free_.back());
      free_.pop_back();
      return Lease(this, std::move(store));
    }
  }
  ASSIGN_OR_RETURN(std::unique_ptr<Store> store, OpenStore(location_));
  return Lease(this, std::move(store));
}

Status StorePool::Prefill(int n) {
  for (int i = 0; i < n; ++i) {
    ASSIGN_OR_RETURN(std::unique_ptr<Store> store, OpenStore(location_));
    Return(std::move(store));
  }
  return Status::Ok();
}

void StorePool::Return(std::unique_ptr<Store> store) {
  std::lock_guard lock(mu_);
  free_.push_back(std::move(store));
}

Status Serve(const ServeOptions& options,
             const std::function<void(const Listening& listening)>& on_listening) {
  if (options.threads < 1) return InvalidArgumentError("--threads must be at least 1");
  const sigset_t stop_signals = BlockStopSignals();
  State state(options);
  RETURN_IF_ERROR(OpenState(state));
  ConnectionServer http;
  Configure(http, state);
  // cpp-httplib 0.11 listens with a backlog of 5 (compiled into Debian's
  // library): under load, connections past it wait for a SYN retry (1 s,
  // then 3 s). Keep the listening socket and deepen its backlog.
  int listen_fd = -1;
  http.set_socket_options([&listen_fd](int fd) {
    httplib::default_socket_options(fd);
    listen_fd = fd;
  });
  int port = options.port;
  if (port == 0) {
    port = http.bind_to_any_port(options.bind);
  } else if (!http.bind_to_port(options.bind, port)) {
    port = -1;
  }
  if (port < 0) {
    return IOError("cannot listen on " + options.bind + ":" + std::to_string(options.port));
  }
  if (listen_fd >= 0) ::listen(listen_fd, SOMAXCONN);
  // The signal thread stops the server; listen_after_bind() then finishes
  // the requests in flight before returning. httplib's stop() does nothing
  // until listen_after_bind() has begun, and a signal may come as soon as
  // the port is announced: the thread waits for the server to run (or to
  // have finished) before stopping it.
  std::atomic<bool> signalled{false};
  std::atomic<bool> finished{false};
  std::thread waiter([&http, &signalled, &finished, stop_signals] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    signalled = true;
    while (!http.is_running() && !finished) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    http.stop();
  });
  on_listening({port, state.ingester->replayed(), state.ingester->replay_seconds()});
  const bool listened = http.listen_after_bind();
  finished = true;
  // Wake the signal thread if the server stopped on its own.
  if (!signalled) pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  if (!listened) return IOError("the server stopped listening");
  return Status::Ok();  // `state` closes the ingester and the stores
}

}  // namespace twicetold::server
