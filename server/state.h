// What the handlers share: the options, a pool of read connections to the
// store, the one story ingester (writes are serialised), and the metrics.
// Internal to server/.
#ifndef TWICETOLD_SERVER_STATE_H_
#define TWICETOLD_SERVER_STATE_H_

#include <httplib.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "server/metrics.h"
#include "server/server.h"
#include "twicetold/ingest.h"
#include "twicetold/store.h"

namespace twicetold::server {

// Read connections to one store, one per concurrent request (a Store is
// not thread-safe; SQLite in WAL mode lets readers run beside the writer).
// Thread-safe.
class StorePool {
 public:
  explicit StorePool(std::string location) : location_(std::move(location)) {}

  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<Store> store) : pool_(pool), store_(std::move(store)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (store_) pool_->Return(std::move(store_));
    }
    Store& operator*() const { return *store_; }
    Store* operator->() const { return store_.get(); }

   private:
    StorePool* pool_;
    std::unique_ptr<Store> store_;
  };

  // A store for the calling request, opened if none is free.
  Result<Lease> Acquire();
  // Opens `n` stores ahead (one per worker thread), so the first requests
  // of many connections do not all wait on opening one.
  Status Prefill(int n);

 private:
  void Return(std::unique_ptr<Store> store);

  const std::string location_;
  std::mutex mu_;
  std::vector<std::unique_ptr<Store>> free_;
};

struct State {
  ServeOptions options;
  StorePool readers;
  std::mutex write_mu;                        // serialises ingests
  std::unique_ptr<Store> writer;              // the ingester's store
  std::unique_ptr<StoryIngester> ingester;   // null if a reopen failed
  Metrics metrics;

  explicit State(const ServeOptions& o) : options(o), readers(o.db) {}
};

// Answers with a JSON body.
void SendJson(httplib::Response& res, int http_status, const std::string& json);
// Answers with the JSON error for `status` (StatusToHttp decides the code).
void SendStatus(httplib::Response& res, const Status& status);
// Answers with a JSON error of the given HTTP status.
void SendError(httplib::Response& res, int http_status, std::string_view message);

// Opens the store, the ingester and the read connections of `state`.
Status OpenState(State& state);
// Limits, the token check, error bodies, metrics and every route of
// `http` over `state` (what Serve listens with; fuzz/fuzz_http.cc drives
// the same server).
void Configure(httplib::Server& http, State& state);

void RegisterApi(httplib::Server& http, State& state);
void RegisterPages(httplib::Server& http);

}  // namespace twicetold::server

#endif  // TWICETOLD_SERVER_STATE_H_
