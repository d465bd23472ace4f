// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// One conversation with AWS: requests signed with SigV4, sent over an HttpTransport, retried
// as the SDKs' standard mode does (retry.h), answers parsed. Two protocols:
//   - awsQuery (CloudFormation, STS): a form-encoded POST `Action=...&Version=...&...`; the
//     answer is XML, `<ActionResponse><ActionResult>...` or `<ErrorResponse><Error><Code>`;
//   - REST (S3): any method, path and headers; the answer is returned as is.
// A service's refusal (ValidationError, AccessDenied, ...) is a normal answer carrying an
// AwsServiceError; an Error means no usable answer came (network down after every retry,
// credentials not found, an unparsable response). With a debug sink each attempt logs one
// line (service, action, status, retries and waits), never a header, body or secret.

#ifndef CFNX_ENGINE_BACKEND_AWS_AWS_CLIENT_H_
#define CFNX_ENGINE_BACKEND_AWS_AWS_CLIENT_H_

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "cfnx/error_or.h"
#include "engine/backend/aws/credentials.h"
#include "engine/backend/aws/endpoint.h"
#include "engine/backend/aws/http.h"
#include "engine/backend/aws/retry.h"
#include "engine/backend/aws/url.h"

#include <pugixml.hpp>

namespace cfnx {

struct AwsServiceError {
  int http_status = 0;
  std::string code;  // "ValidationError"
  std::string message;
  std::string request_id;

  // "CloudFormation DescribeStacks: ValidationError: Stack with id x does not exist (HTTP 400)"
  std::string Describe(const std::string& what) const;
};

// An awsQuery answer: `result` is the <ActionResult> element (kept alive by `doc`), or `error`.
struct QueryResponse {
  std::shared_ptr<pugi::xml_document> doc;
  pugi::xml_node result;
  std::optional<AwsServiceError> error;
  bool ok() const { return !error.has_value(); }
};

using DebugSink = std::function<void(const std::string& line)>;

struct AwsClientOptions {
  std::string region;
  EndpointSettings endpoints;
  // Called once, at the first request.
  std::function<ErrorOr<AwsCredentials>()> credentials;
  std::shared_ptr<HttpTransport> transport;
  int max_attempts = RetryPolicy::kDefaultMaxAttempts;
  DebugSink debug;                                             // nullptr = quiet
  std::function<void(double seconds)> sleep;                   // nullptr = really sleep
  std::function<double()> random;                              // nullptr = uniform [0, 1)
  std::function<std::chrono::system_clock::time_point()> now;  // nullptr = the clock
};

class AwsClient {
 public:
  explicit AwsClient(AwsClientOptions options);

  const std::string& region() const { return options_.region; }
  // Retries made so far, over every request.
  int retries() const { return retries_; }

  // The endpoint `service` resolves to (endpoint.h).
  ErrorOr<Endpoint> EndpointOf(const std::string& service) const;
  // The credentials, resolved on first use.
  ErrorOr<AwsCredentials> Credentials();

  // awsQuery: POST `Action=action&Version=version` plus `params` to `service`.
  ErrorOr<QueryResponse> Query(const std::string& service, const std::string& version,
                               const std::string& action, const FormParams& params);

  // REST: `request.url` is a path and query ("/bucket/key?x=1") on the service's endpoint.
  // Retried on transient failures; the last response is returned whatever its status, with
  // the service's error (from the XML body, or the status for HEAD) in `error` when not 2xx.
  struct RestResponse {
    HttpResponse http;
    std::optional<AwsServiceError> error;
  };
  ErrorOr<RestResponse> Rest(const std::string& service, const std::string& what,
                             HttpRequest request);

 private:
  // Signs and sends with retries; `what` names the call for messages ("S3 PutObject").
  ErrorOr<HttpResponse> Send(const std::string& service, const std::string& what,
                             HttpRequest request);
  void Debug(const std::string& line) const;

  AwsClientOptions options_;
  std::optional<ErrorOr<AwsCredentials>> credentials_;
  RetryPolicy retry_;
  int retries_ = 0;
};

// The service error in an XML error body (<ErrorResponse><Error>... or <Error>...), or nullopt
// when `body` holds none.
std::optional<AwsServiceError> ParseXmlError(const std::string& body, int http_status);

// Text of child `name` of `node` ("" when absent).
std::string ChildText(const pugi::xml_node& node, const char* name);

}  // namespace cfnx

#endif  // CFNX_ENGINE_BACKEND_AWS_AWS_CLIENT_H_
