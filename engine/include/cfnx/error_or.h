// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// File: cfnx/error_or.h
//
// `ErrorOr<T>` holds either a value or an `Error` describing why an operation on the
// environment (a file, a network call, bad command-line flags) could not run. Problems in a
// user's template are never `Error`s: they are `Diagnostic`s (see cfnx/diagnostic.h).
//
// Example:
//
//   cfnx::ErrorOr<std::string> ReadFile(const std::string& path);
//
//   cfnx::ErrorOr<int> CountLines(const std::string& path) {
//     CFNX_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
//     return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
//   }
//
// The interface mirrors the parts of `std::expected` we use so it can be swapped later.

#ifndef CFNX_ENGINE_INCLUDE_CFNX_ERROR_OR_H_
#define CFNX_ENGINE_INCLUDE_CFNX_ERROR_OR_H_

#include <cstdlib>
#include <iostream>
#include <string>
#include <utility>
#include <variant>

namespace cfnx {

// Why an operation could not run. `message` is a complete sentence for a user.
struct Error {
  std::string message;
};

template <typename T>
class [[nodiscard]] ErrorOr {
 public:
  ErrorOr(T value) : data_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  ErrorOr(Error error) : data_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return data_.index() == 0; }
  explicit operator bool() const { return ok(); }

  // Precondition: ok().
  T& value() & { return std::get<0>(data_); }
  const T& value() const& { return std::get<0>(data_); }
  T&& value() && { return std::get<0>(std::move(data_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  // Precondition: !ok().
  const Error& error() const { return std::get<1>(data_); }

 private:
  std::variant<T, Error> data_;
};

// ErrorOr<void>: success or an Error.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error)
      : error_(std::move(error)), ok_(false) {}  // NOLINT(google-explicit-constructor)
  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const { return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

}  // namespace cfnx

#define CFNX_INTERNAL_CONCAT2(a, b) a##b
#define CFNX_INTERNAL_CONCAT(a, b) CFNX_INTERNAL_CONCAT2(a, b)

// Returns the Error from the enclosing function if `expr` (an ErrorOr or Status) failed.
#define CFNX_RETURN_IF_ERROR(expr)                \
  do {                                            \
    auto cfnx_status_ = (expr);                   \
    if (!cfnx_status_.ok()) {                     \
      return ::cfnx::Error{cfnx_status_.error()}; \
    }                                             \
  } while (false)

// `CFNX_ASSIGN_OR_RETURN(T v, expr)` declares `v` from a successful `expr` or returns its Error.
#define CFNX_ASSIGN_OR_RETURN(lhs, expr) \
  CFNX_INTERNAL_ASSIGN_OR_RETURN(CFNX_INTERNAL_CONCAT(cfnx_or_, __LINE__), lhs, expr)
#define CFNX_INTERNAL_ASSIGN_OR_RETURN(tmp, lhs, expr) \
  auto tmp = (expr);                                   \
  if (!tmp.ok()) {                                     \
    return ::cfnx::Error{tmp.error()};                 \
  }                                                    \
  lhs = std::move(tmp).value()

// Aborts with file:line when an invariant of cfnx itself is broken. Never for user input.
#define CFNX_CHECK(cond)                                                                   \
  do {                                                                                     \
    if (!(cond)) {                                                                         \
      std::cerr << __FILE__ << ":" << __LINE__ << ": internal error: CHECK failed: " #cond \
                << "\n";                                                                   \
      std::abort();                                                                        \
    }                                                                                      \
  } while (false)

#endif  // CFNX_ENGINE_INCLUDE_CFNX_ERROR_OR_H_
