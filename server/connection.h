// How the server serves one client connection. cpp-httplib 0.11 serves
// each request of a connection through a new socket stream, so bytes read
// ahead with one request (the next, pipelined request) are lost, and it
// cannot end a connection because of an answer. ConnectionServer replaces
// that one step of httplib::Server and keeps the rest (parsing, routing,
// handlers, thread pool, stop). Internal to server/.
#ifndef TWICETOLD_SERVER_CONNECTION_H_
#define TWICETOLD_SERVER_CONNECTION_H_

#include <httplib.h>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace twicetold::server {

// A client connection's bytes, as the request loop reads them.
class ConnectionStream : public httplib::Stream {
 public:
  // Waits until the next request's first byte can be read: true at once
  // if bytes are buffered; false if the client closed, nothing came for
  // `idle_seconds`, or `stopping()` turned true meanwhile.
  virtual bool WaitForRequest(time_t idle_seconds, const std::function<bool()>& stopping) = 0;
};

// A TCP connection, read through one buffer for all its requests.
class SocketConnection : public ConnectionStream {
 public:
  SocketConnection(socket_t sock, int read_timeout_ms, int write_timeout_ms);

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return sock_; }
  bool WaitForRequest(time_t idle_seconds, const std::function<bool()>& stopping) override;

  // Ends the connection. If the client sent bytes that were not read (the
  // body of a refused request), first stops sending and reads and drops
  // what the client still sends (up to 1 MB or 1 s): closing with unread
  // bytes resets the connection, and the client could lose the answer.
  void Close();

 private:
  bool Buffered() const { return begin_ < end_; }

  socket_t sock_;
  int read_timeout_ms_;
  int write_timeout_ms_;
  std::vector<char> buffer_;
  size_t begin_ = 0, end_ = 0;  // unread bytes: buffer_[begin_, end_)
};

// Marks the answer being made on this thread as the connection's last:
// ServeConnection ends the connection once it is written. For answers
// given before the request body is read (a 401), whose unread body must
// not be taken for the next request.
void CloseConnectionAfterThisAnswer();

// httplib::Server whose connections keep their read-ahead and end after
// an answer marked by CloseConnectionAfterThisAnswer.
class ConnectionServer : public httplib::Server {
 public:
  // Serves requests from `stream` in order until the client closes or
  // idles past the keep-alive timeout, a request or an answer ends the
  // connection, the keep-alive count is used up or `stopping()` turns
  // true. Returns whether the last request was served.
  bool ServeConnection(ConnectionStream& stream, const std::function<bool()>& stopping);

 private:
  bool process_and_close_socket(socket_t sock) override;
};

}  // namespace twicetold::server

#endif  // TWICETOLD_SERVER_CONNECTION_H_
