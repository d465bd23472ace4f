// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/backend/aws/aws_client.h"

#include <cstdio>
#include <random>
#include <thread>

#include "engine/backend/aws/sigv4.h"

namespace cfnx {
namespace {

std::string Fixed(double seconds) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.2f", seconds);
  return buffer;
}

pugi::xml_node FirstElement(const pugi::xml_node& node, const char* name) {
  return node.find_node([name](const pugi::xml_node& n) {
    return n.type() == pugi::node_element && std::string_view(n.name()) == name;
  });
}

// Error codes that mean the credentials are wrong, with what to check.
std::string CredentialHint(const std::string& code, const std::string& credentials) {
  if (code == "SignatureDoesNotMatch" || code == "InvalidClientTokenId" ||
      code == "UnrecognizedClientException" || code == "InvalidAccessKeyId" ||
      code == "ExpiredToken" || code == "IncompleteSignature") {
    return "; the credentials were refused: check " + credentials;
  }
  return "";
}

}  // namespace

std::string AwsServiceError::Describe(const std::string& what) const {
  std::string out = what + ": " + (code.empty() ? "error" : code);
  if (!message.empty()) {
    out += ": " + message;
  }
  out += " (HTTP " + std::to_string(http_status);
  if (!request_id.empty()) {
    out += ", request id " + request_id;
  }
  return out + ")";
}

std::string ChildText(const pugi::xml_node& node, const char* name) {
  return node.child(name).text().as_string();
}

std::optional<AwsServiceError> ParseXmlError(const std::string& body, int http_status) {
  pugi::xml_document doc;
  if (body.empty() || !doc.load_buffer(body.data(), body.size())) {
    return std::nullopt;
  }
  pugi::xml_node error = FirstElement(doc, "Error");
  if (!error) {
    return std::nullopt;
  }
  AwsServiceError e;
  e.http_status = http_status;
  e.code = ChildText(error, "Code");
  e.message = ChildText(error, "Message");
  e.request_id = ChildText(error, "RequestId");
  if (e.request_id.empty()) {
    e.request_id = FirstElement(doc, "RequestId").text().as_string();
  }
  return e;
}

AwsClient::AwsClient(AwsClientOptions options)
    : options_(std::move(options)), retry_(options_.max_attempts) {
  if (!options_.sleep) {
    options_.sleep = [](double seconds) {
      std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    };
  }
  if (!options_.random) {
    auto engine = std::make_shared<std::mt19937_64>(std::random_device{}());
    options_.random = [engine] {
      return std::uniform_real_distribution<double>(0.0, 1.0)(*engine);
    };
  }
  if (!options_.now) {
    options_.now = [] {
      return std::chrono::system_clock::now();
    };
  }
}

void AwsClient::Debug(const std::string& line) const {
  if (options_.debug) {
    options_.debug(line);
  }
}

ErrorOr<Endpoint> AwsClient::EndpointOf(const std::string& service) const {
  return ResolveEndpoint(service, options_.region, options_.endpoints);
}

ErrorOr<AwsCredentials> AwsClient::Credentials() {
  if (!credentials_) {
    if (!options_.credentials) {
      credentials_ = ErrorOr<AwsCredentials>(Error{"no AWS credentials provider"});
    } else {
      credentials_ = options_.credentials();
      if (credentials_->ok()) {
        Debug("aws: credentials: " + (*credentials_)->Describe());
      }
    }
  }
  return *credentials_;
}

ErrorOr<HttpResponse> AwsClient::Send(const std::string& service, const std::string& what,
                                      HttpRequest request) {
  ErrorOr<Endpoint> endpoint = EndpointOf(service);
  if (!endpoint.ok()) {
    return endpoint.error();
  }
  ErrorOr<AwsCredentials> credentials = Credentials();
  if (!credentials.ok()) {
    return credentials.error();
  }
  if (!options_.transport) {
    return Error{"no HTTP transport"};
  }
  request.url = endpoint->url.Origin() + endpoint->url.path + request.url;
  HttpHeaders unsigned_headers = request.headers;
  SigV4Scope scope{service, options_.region};
  for (int attempt = 1;; ++attempt) {
    request.headers = unsigned_headers;
    ErrorOr<SigV4Result> signature = SignV4(request, *credentials, scope, AmzDate(options_.now()));
    if (!signature.ok()) {
      return signature.error();
    }
    auto start = std::chrono::steady_clock::now();
    HttpResult result = options_.transport->Send(request);
    long ms = static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(  // NOLINT
                                    std::chrono::steady_clock::now() - start)
                                    .count());
    AttemptOutcome outcome;
    std::string code;
    std::string failure;
    if (auto* response = std::get_if<HttpResponse>(&result)) {
      outcome.http_status = response->status;
      if (response->status >= 200 && response->status < 300) {
        Debug("aws: " + what + " -> HTTP " + std::to_string(response->status) + " in " +
              std::to_string(ms) + " ms (attempt " + std::to_string(attempt) + ")");
        retry_.OnSuccess(attempt > 1);
        return std::move(*response);
      }
      if (std::optional<AwsServiceError> e = ParseXmlError(response->body, response->status)) {
        code = e->code;
      } else if (const std::string* type = FindHeader(response->headers, "x-amzn-ErrorType")) {
        code = type->substr(0, type->find(':'));
      }
      outcome.error_code = code;
      failure = "HTTP " + std::to_string(response->status) + (code.empty() ? "" : " " + code);
    } else {
      const auto& f = std::get<HttpFailure>(result);
      outcome.timeout = f.timeout;
      failure = f.message;
    }
    bool retryable = RetryPolicy::IsRetryable(outcome);
    if (!retryable || attempt >= retry_.max_attempts() || !retry_.AcquireRetry(outcome)) {
      std::string why = !retryable ? ""
                        : attempt >= retry_.max_attempts()
                            ? " (no attempts left of " + std::to_string(retry_.max_attempts()) +
                                  "; AWS_MAX_ATTEMPTS raises the limit)"
                            : " (retry quota exhausted)";
      Debug("aws: " + what + " -> " + failure + " in " + std::to_string(ms) + " ms (attempt " +
            std::to_string(attempt) + ")" + why);
      if (auto* response = std::get_if<HttpResponse>(&result)) {
        return std::move(*response);
      }
      return Error{what + ": " + failure + " after " + std::to_string(attempt) + " attempt" +
                   (attempt == 1 ? "" : "s")};
    }
    double wait = RetryPolicy::Backoff(attempt, options_.random());
    ++retries_;
    Debug("aws: " + what + " -> " + failure + " in " + std::to_string(ms) + " ms (attempt " +
          std::to_string(attempt) + "); retry " + std::to_string(attempt) + " of " +
          std::to_string(retry_.max_attempts() - 1) + " in " + Fixed(wait) + " s");
    options_.sleep(wait);
  }
}

ErrorOr<QueryResponse> AwsClient::Query(const std::string& service, const std::string& version,
                                        const std::string& action, const FormParams& params) {
  FormParams all = {{"Action", action}, {"Version", version}};
  all.insert(all.end(), params.begin(), params.end());
  HttpRequest request;
  request.method = "POST";
  request.url = "/";
  request.headers = {{"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}};
  request.body = FormEncode(all);
  std::string what = service + " " + action;
  ErrorOr<HttpResponse> response = Send(service, what, std::move(request));
  if (!response.ok()) {
    return response.error();
  }
  QueryResponse out;
  if (response->status < 200 || response->status >= 300) {
    std::optional<AwsServiceError> error = ParseXmlError(response->body, response->status);
    if (!error) {
      error = AwsServiceError{response->status, "",
                              "the service answered HTTP " + std::to_string(response->status), ""};
    }
    ErrorOr<AwsCredentials> credentials = Credentials();
    error->message += CredentialHint(error->code, credentials.ok() ? credentials->Describe() : "");
    out.error = std::move(error);
    return out;
  }
  out.doc = std::make_shared<pugi::xml_document>();
  pugi::xml_parse_result parsed =
      out.doc->load_buffer(response->body.data(), response->body.size());
  if (!parsed) {
    return Error{what + ": the answer is not XML (" + parsed.description() + ")"};
  }
  std::string result_name = action + "Result";
  out.result = FirstElement(*out.doc, result_name.c_str());
  if (!out.result) {
    // Actions without output answer <ActionResponse> alone.
    out.result = out.doc->first_child();
  }
  return out;
}

ErrorOr<AwsClient::RestResponse> AwsClient::Rest(const std::string& service,
                                                 const std::string& what, HttpRequest request) {
  ErrorOr<HttpResponse> response = Send(service, what, std::move(request));
  if (!response.ok()) {
    return response.error();
  }
  RestResponse out;
  int status = response->status;
  if (status < 200 || status >= 300) {
    out.error = ParseXmlError(response->body, status);
    if (!out.error) {
      out.error = AwsServiceError{status, status == 404 ? "NotFound" : "", "", ""};
    }
    ErrorOr<AwsCredentials> credentials = Credentials();
    out.error->message +=
        CredentialHint(out.error->code, credentials.ok() ? credentials->Describe() : "");
  }
  out.http = std::move(*response);
  return out;
}

}  // namespace cfnx
