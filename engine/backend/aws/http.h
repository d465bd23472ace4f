// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// One HTTP exchange as the AWS clients see it, and the transport interface that carries it.
// The production transport is libcurl (curl_transport.h); tests plug in their own. A transport
// reports what happened on the wire: a response with any status is a `HttpResponse`; a request
// that got no response (connection refused or reset, timeout, TLS failure) is an `HttpFailure`
// the retry policy may retry. Headers are kept in order; names compare case-insensitively.

#ifndef CFNX_ENGINE_BACKEND_AWS_HTTP_H_
#define CFNX_ENGINE_BACKEND_AWS_HTTP_H_

#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace cfnx {

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

// The value of header `name` (case-insensitive), or nullptr.
const std::string* FindHeader(const HttpHeaders& headers, std::string_view name);
// Replaces every header `name` (case-insensitive) by one `name: value`.
void SetHeader(HttpHeaders& headers, std::string_view name, std::string value);

struct HttpRequest {
  std::string method = "GET";
  std::string url;  // absolute: scheme://host[:port]/path[?query]
  HttpHeaders headers;
  std::string body;
};

struct HttpResponse {
  int status = 0;
  HttpHeaders headers;
  std::string body;
};

// No response: what went wrong, and whether it was a timeout.
struct HttpFailure {
  std::string message;
  bool timeout = false;
};

using HttpResult = std::variant<HttpResponse, HttpFailure>;

class HttpTransport {
 public:
  virtual ~HttpTransport() = default;
  virtual HttpResult Send(const HttpRequest& request) = 0;
};

}  // namespace cfnx

#endif  // CFNX_ENGINE_BACKEND_AWS_HTTP_H_
