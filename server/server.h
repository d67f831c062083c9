// `twicetold serve`: the HTTP API (/v1, /healthz, /metrics, /openapi.json)
// and the web pages over one store. A front end: handlers decode the
// request, call the library, and answer with the library's JSON encoders
// (store_json.h, report.h); StatusToHttp() is the one place a library
// Status becomes an HTTP status.
#ifndef TWICETOLD_SERVER_SERVER_H_
#define TWICETOLD_SERVER_SERVER_H_

#include <cstdint>
#include <functional>
#include <string>

#include "twicetold/ingest.h"
#include "twicetold/status.h"

namespace twicetold::server {

struct ServeOptions {
  std::string db;                   // store location (a SQLite file)
  std::string bind = "127.0.0.1";   // loopback unless told otherwise
  int port = 8080;                  // 0: any free port (printed on start)
  std::string token;                // non-empty: /v1 needs "Bearer <token>"
  uint64_t max_body = 16ull << 20;  // request bodies above this get 413
  int threads = 64;                 // worker threads (one per open connection)
  IngestOptions ingest;
};

// The HTTP status for a library error (400 for bad input, 404 for a
// missing record, 409 for a store of other versions, 500 otherwise).
int StatusToHttp(StatusCode code);

// What Serve reports once it accepts connections.
struct Listening {
  int port = 0;               // the bound port (the chosen one for port 0)
  uint64_t replayed = 0;      // stored articles replayed into the index
  double replay_seconds = 0;
};

// Opens the store (replaying it into the story index), listens, and serves
// until SIGTERM or SIGINT: then stops accepting, finishes the requests in
// flight, and closes the store. `on_listening` is called once the server
// accepts connections. Errors: the store's, or kIOError when the address
// cannot be bound.
Status Serve(const ServeOptions& options,
             const std::function<void(const Listening& listening)>& on_listening);

}  // namespace twicetold::server

#endif  // TWICETOLD_SERVER_SERVER_H_
