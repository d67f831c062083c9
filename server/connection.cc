// ConnectionServer: httplib 0.11's per-connection loop (its
// process_server_socket), with one read buffer for the whole connection
// and an end after an answer that asks for it.
#include "server/connection.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>

namespace twicetold::server {
namespace {

thread_local bool t_close_after_answer = false;

// poll() for `events` on `sock`, retried on EINTR: > 0 ready, 0 timed
// out, < 0 error.
int PollFor(socket_t sock, short events, int timeout_ms) {
  pollfd p{sock, events, 0};
  for (;;) {
    const int n = ::poll(&p, 1, timeout_ms);
    if (n < 0 && errno == EINTR) continue;
    return n;
  }
}

void AddressOf(const sockaddr_storage& addr, std::string* ip, int* port) {
  char text[INET6_ADDRSTRLEN] = "";
  if (addr.ss_family == AF_INET) {
    const auto& a = reinterpret_cast<const sockaddr_in&>(addr);
    ::inet_ntop(AF_INET, &a.sin_addr, text, sizeof text);
    *port = ntohs(a.sin_port);
  } else if (addr.ss_family == AF_INET6) {
    const auto& a = reinterpret_cast<const sockaddr_in6&>(addr);
    ::inet_ntop(AF_INET6, &a.sin6_addr, text, sizeof text);
    *port = ntohs(a.sin6_port);
  }
  *ip = text;
}

constexpr size_t kBufferBytes = 4096;

}  // namespace

SocketConnection::SocketConnection(socket_t sock, int read_timeout_ms, int write_timeout_ms)
    : sock_(sock),
      read_timeout_ms_(read_timeout_ms),
      write_timeout_ms_(write_timeout_ms),
      buffer_(kBufferBytes) {}

bool SocketConnection::is_readable() const {
  return Buffered() || PollFor(sock_, POLLIN, read_timeout_ms_) > 0;
}

bool SocketConnection::is_writable() const {
  return PollFor(sock_, POLLOUT, write_timeout_ms_) > 0;
}

ssize_t SocketConnection::read(char* ptr, size_t size) {
  if (!Buffered()) {
    if (PollFor(sock_, POLLIN, read_timeout_ms_) <= 0) return -1;
    ssize_t n;
    do {
      n = ::recv(sock_, buffer_.data(), buffer_.size(), 0);
    } while (n < 0 && errno == EINTR);
    if (n <= 0) return n;
    begin_ = 0;
    end_ = static_cast<size_t>(n);
  }
  const size_t n = std::min(size, end_ - begin_);
  std::memcpy(ptr, buffer_.data() + begin_, n);
  begin_ += n;
  return static_cast<ssize_t>(n);
}

ssize_t SocketConnection::write(const char* ptr, size_t size) {
  if (!is_writable()) return -1;
  ssize_t n;
  do {
    n = ::send(sock_, ptr, size, MSG_NOSIGNAL);
  } while (n < 0 && errno == EINTR);
  return n;
}

void SocketConnection::get_remote_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  if (::getpeername(sock_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    AddressOf(addr, &ip, &port);
  }
}

void SocketConnection::get_local_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  if (::getsockname(sock_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    AddressOf(addr, &ip, &port);
  }
}

bool SocketConnection::WaitForRequest(time_t idle_seconds,
                                      const std::function<bool()>& stopping) {
  if (Buffered()) return true;
  // In slices, so that a stopping server ends idle connections soon.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(idle_seconds);
  while (!stopping()) {
    const int ready = PollFor(sock_, POLLIN, 50);
    if (ready > 0) return true;  // a byte, or the client closed: read() tells
    if (ready < 0 || std::chrono::steady_clock::now() >= deadline) return false;
  }
  return false;
}

void SocketConnection::Close() {
  if (PollFor(sock_, POLLIN, 0) <= 0) {  // nothing unread: close at once
    ::shutdown(sock_, SHUT_RDWR);
    ::close(sock_);
    return;
  }
  ::shutdown(sock_, SHUT_WR);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(1);
  size_t drained = 0;
  while (drained < (size_t{1} << 20)) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0 || PollFor(sock_, POLLIN, static_cast<int>(left.count())) <= 0) break;
    const ssize_t n = ::recv(sock_, buffer_.data(), buffer_.size(), 0);
    if (n <= 0) break;
    drained += static_cast<size_t>(n);
  }
  ::close(sock_);
}

void CloseConnectionAfterThisAnswer() { t_close_after_answer = true; }

bool ConnectionServer::ServeConnection(ConnectionStream& stream,
                                       const std::function<bool()>& stopping) {
  bool served = false;
  for (size_t left = keep_alive_max_count_; left > 0 && !stopping(); --left) {
    if (!stream.WaitForRequest(keep_alive_timeout_sec_, stopping)) break;
    t_close_after_answer = false;
    bool connection_closed = false;
    served = process_request(stream, left == 1, connection_closed, nullptr);
    if (!served || connection_closed || t_close_after_answer) break;
  }
  t_close_after_answer = false;
  return served;
}

bool ConnectionServer::process_and_close_socket(socket_t sock) {
  SocketConnection connection(
      sock, static_cast<int>(read_timeout_sec_ * 1000 + read_timeout_usec_ / 1000),
      static_cast<int>(write_timeout_sec_ * 1000 + write_timeout_usec_ / 1000));
  const bool served =
      ServeConnection(connection, [this] { return svr_sock_ == INVALID_SOCKET; });
  connection.Close();
  return served;
}

}  // namespace twicetold::server
