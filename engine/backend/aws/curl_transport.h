// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The production HttpTransport: libcurl, one easy handle reused for every request (so
// connections and TLS sessions are kept alive), with connect and read timeouts. Proxies come
// from the environment as curl reads them (https_proxy, http_proxy, all_proxy, no_proxy and
// their upper-case forms); AWS_CA_BUNDLE names a CA bundle as for the AWS CLI. Timeouts are the
// AWS CLI's: --cli-connect-timeout and --cli-read-timeout (60 s each). Not thread-safe.

#ifndef CFNX_ENGINE_BACKEND_AWS_CURL_TRANSPORT_H_
#define CFNX_ENGINE_BACKEND_AWS_CURL_TRANSPORT_H_

#include <memory>
#include <string>

#include "cfnx/error_or.h"
#include "engine/backend/aws/http.h"

namespace cfnx {

struct CurlOptions {
  long connect_timeout_ms = 60000;  // NOLINT(google-runtime-int): curl's type
  // A request that receives nothing for this long (the AWS CLI's --cli-read-timeout, botocore's
  // read_timeout; 0 = wait forever) is abandoned as a timeout, which the retry policy retries.
  long read_timeout_s = 60;  // NOLINT(google-runtime-int): curl's type
  std::string ca_bundle;     // "" = the system's
};

// Error when libcurl cannot be initialised.
ErrorOr<std::unique_ptr<HttpTransport>> MakeCurlTransport(const CurlOptions& options);

}  // namespace cfnx

#endif  // CFNX_ENGINE_BACKEND_AWS_CURL_TRANSPORT_H_
