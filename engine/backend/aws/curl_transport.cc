// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/backend/aws/curl_transport.h"

#include <chrono>

#include <curl/curl.h>

namespace cfnx {
namespace {

// The read timeout: curl's own low-speed check averages the speed over several seconds, so
// right after a request body is sent it takes well over the limit to notice a silent peer. This
// progress callback aborts once no byte has moved either way for `limit`.
struct Activity {
  std::chrono::steady_clock::duration limit;
  std::chrono::steady_clock::time_point last;
  curl_off_t moved = -1;
  bool timed_out = false;
};

int CheckActivity(void* user, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
                  curl_off_t ulnow) {
  (void)dltotal;
  (void)ultotal;
  auto* a = static_cast<Activity*>(user);
  auto now = std::chrono::steady_clock::now();
  if (dlnow + ulnow != a->moved) {
    a->moved = dlnow + ulnow;
    a->last = now;
    return 0;
  }
  if (now - a->last > a->limit) {
    a->timed_out = true;
    return 1;  // CURLE_ABORTED_BY_CALLBACK
  }
  return 0;
}

size_t WriteBody(char* data, size_t size, size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

size_t WriteHeader(char* data, size_t size, size_t count, void* user) {
  auto* headers = static_cast<HttpHeaders*>(user);
  std::string line(data, size * count);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) {
    line.pop_back();
  }
  if (line.rfind("HTTP/", 0) == 0) {
    headers->clear();  // a new response (after 100 Continue or a redirect)
    return size * count;
  }
  size_t colon = line.find(':');
  if (colon != std::string::npos) {
    size_t value = line.find_first_not_of(" \t", colon + 1);
    headers->emplace_back(line.substr(0, colon),
                          value == std::string::npos ? "" : line.substr(value));
  }
  return size * count;
}

class CurlTransport : public HttpTransport {
 public:
  CurlTransport(CURL* handle, CurlOptions options) : handle_(handle), options_(options) {}
  ~CurlTransport() override { curl_easy_cleanup(handle_); }
  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;

  HttpResult Send(const HttpRequest& request) override {
    CURL* h = handle_;
    curl_easy_reset(h);  // keeps the connection cache and TLS sessions
    HttpResponse response;
    curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, options_.connect_timeout_ms);
    Activity activity{std::chrono::seconds(options_.read_timeout_s),
                      std::chrono::steady_clock::now()};
    if (options_.read_timeout_s > 0) {
      curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, CheckActivity);
      curl_easy_setopt(h, CURLOPT_XFERINFODATA, &activity);
      curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    }
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
    if (!options_.ca_bundle.empty()) {
      curl_easy_setopt(h, CURLOPT_CAINFO, options_.ca_bundle.c_str());
    }
    if (request.method == "HEAD") {
      curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
    } else if (request.method != "GET") {
      curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, request.method.c_str());
      curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.data());
      curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE,
                       static_cast<curl_off_t>(request.body.size()));
    }
    curl_slist* headers = nullptr;
    for (const auto& [name, value] : request.headers) {
      headers = curl_slist_append(headers, (name + ": " + value).c_str());
    }
    // curl adds "Expect: 100-continue" to large bodies and a form Content-Type to POSTs:
    // neither is wanted (the signature covers the headers given).
    headers = curl_slist_append(headers, "Expect:");
    if (FindHeader(request.headers, "Content-Type") == nullptr) {
      headers = curl_slist_append(headers, "Content-Type:");
    }
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, WriteBody);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, WriteHeader);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &response.headers);
    CURLcode code = curl_easy_perform(h);
    curl_slist_free_all(headers);
    if (code != CURLE_OK) {
      std::string what = activity.timed_out
                             ? "no answer for " + std::to_string(options_.read_timeout_s) +
                                   " s (--cli-read-timeout)"
                             : std::string(curl_easy_strerror(code));
      return HttpFailure{
          what + " (" + request.method + " " + request.url.substr(0, request.url.find('?')) + ")",
          code == CURLE_OPERATION_TIMEDOUT || activity.timed_out};
    }
    long status = 0;  // NOLINT(google-runtime-int): curl's type
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    response.status = static_cast<int>(status);
    return response;
  }

 private:
  CURL* handle_;
  CurlOptions options_;
};

}  // namespace

ErrorOr<std::unique_ptr<HttpTransport>> MakeCurlTransport(const CurlOptions& options) {
  static const CURLcode init = curl_global_init(CURL_GLOBAL_DEFAULT);
  if (init != CURLE_OK) {
    return Error{std::string("libcurl: ") + curl_easy_strerror(init)};
  }
  CURL* handle = curl_easy_init();
  if (handle == nullptr) {
    return Error{"libcurl: cannot create a handle"};
  }
  return std::unique_ptr<HttpTransport>(new CurlTransport(handle, options));
}

}  // namespace cfnx
