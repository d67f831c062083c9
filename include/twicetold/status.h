// Status and Result<T>: errors as values across the whole library.
//
// The library never throws across its API, never prints and never exits.
// Front ends convert a Status into an exit code, an HTTP status or a Python
// exception in exactly one place each.
#ifndef TWICETOLD_STATUS_H_
#define TWICETOLD_STATUS_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace twicetold {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,   // the caller passed something unusable
  kNotFound,          // a file or record does not exist
  kIOError,           // the operating system failed a read or write
  kCorruption,        // bytes are not what their format promises
  kResourceExhausted, // a configured size limit was exceeded
  kUnimplemented,     // a recognised format that is not supported yet
  kFailedPrecondition,// the state does not allow it (a store of other versions)
  kInternal,          // a broken invariant: a bug in twicetold
};

// Returns a stable lower-case name ("invalid_argument") for messages and JSON.
std::string_view StatusCodeName(StatusCode code);

// A success or an error code with a human-readable message. Cheap to copy
// when ok. Thread-compatible.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "invalid_argument: <message>", or "ok".
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

Status InvalidArgumentError(std::string message);
Status NotFoundError(std::string message);
Status IOError(std::string message);
Status CorruptionError(std::string message);
Status ResourceExhaustedError(std::string message);
Status UnimplementedError(std::string message);
Status FailedPreconditionError(std::string message);
Status InternalError(std::string message);

// A value of type T or a non-ok Status. Accessing value() of an error, or
// status() of a value, is a programming error (checked by assert).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  const T& value() const& { return *value_; }
  T& value() & { return *value_; }
  T&& value() && { return std::move(*value_); }
  const T& operator*() const& { return *value_; }
  T& operator*() & { return *value_; }
  const T* operator->() const { return &*value_; }
  T* operator->() { return &*value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace twicetold

#define TWICETOLD_CONCAT_INNER_(a, b) a##b
#define TWICETOLD_CONCAT_(a, b) TWICETOLD_CONCAT_INNER_(a, b)

// Returns from the enclosing function if `expr` (a Status) is not ok.
#define RETURN_IF_ERROR(expr)                        \
  do {                                               \
    ::twicetold::Status _twicetold_status = (expr);  \
    if (!_twicetold_status.ok()) return _twicetold_status; \
  } while (0)

// `ASSIGN_OR_RETURN(auto x, MakeX());` unwraps a Result or returns its Status.
#define ASSIGN_OR_RETURN(lhs, expr) \
  ASSIGN_OR_RETURN_IMPL_(TWICETOLD_CONCAT_(_twicetold_result_, __LINE__), lhs, expr)
#define ASSIGN_OR_RETURN_IMPL_(result, lhs, expr) \
  auto result = (expr);                           \
  if (!result.ok()) return result.status();       \
  lhs = std::move(result).value()

#endif  // TWICETOLD_STATUS_H_
