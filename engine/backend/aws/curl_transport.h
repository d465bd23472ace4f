// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The production HttpTransport: libcurl, one easy handle reused for every request (so
// connections and TLS sessions are kept alive), with connect and total timeouts. Proxies come
// from the environment as curl reads them (https_proxy, http_proxy, all_proxy, no_proxy and
// their upper-case forms); AWS_CA_BUNDLE names a CA bundle as for the AWS CLI. Not thread-safe.

#ifndef CFNX_ENGINE_BACKEND_AWS_CURL_TRANSPORT_H_
#define CFNX_ENGINE_BACKEND_AWS_CURL_TRANSPORT_H_

#include <memory>
#include <string>

#include "cfnx/error_or.h"
#include "engine/backend/aws/http.h"

namespace cfnx {

struct CurlOptions {
  long connect_timeout_ms = 10000;  // NOLINT(google-runtime-int): curl's type
  long timeout_ms = 60000;          // NOLINT(google-runtime-int): whole exchange
  std::string ca_bundle;            // "" = the system's
};

// Error when libcurl cannot be initialised.
ErrorOr<std::unique_ptr<HttpTransport>> MakeCurlTransport(const CurlOptions& options);

}  // namespace cfnx

#endif  // CFNX_ENGINE_BACKEND_AWS_CURL_TRANSPORT_H_
