// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// URLs as the AWS transport needs them: split into scheme, host, port, path and query; the
// Host header SigV4 signs (botocore's _host_from_url: lowercase, default port dropped);
// percent-encoding as RFC 3986 and SigV4 want it (unreserved A-Z a-z 0-9 - _ . ~ kept); and
// awsQuery form bodies (application/x-www-form-urlencoded, as Python's urlencode writes them).

#ifndef CFNX_ENGINE_BACKEND_AWS_URL_H_
#define CFNX_ENGINE_BACKEND_AWS_URL_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cfnx/error_or.h"

namespace cfnx {

struct Url {
  std::string scheme;  // "https", lowercase
  std::string host;    // lowercase; IPv6 literals keep their brackets
  int port = 0;        // 0 = the scheme's default
  std::string path;    // "/..." as written (not decoded); "" when the URL has none
  std::string query;   // after '?', as written; "" when none

  // "host" or "host:port" when the port is not the scheme's default.
  std::string HostHeader() const;
  // scheme://host[:port] without path.
  std::string Origin() const;
};

// Splits an absolute http(s) URL. Error for other schemes, a missing host, a bad port.
ErrorOr<Url> ParseUrl(std::string_view text);

// Percent-encodes every byte except A-Z a-z 0-9 - _ . ~ and the characters in `keep`.
std::string PercentEncode(std::string_view text, std::string_view keep = "");

// One `key=value` pair list as an application/x-www-form-urlencoded body: pairs in the order
// given, spaces as '+', every other byte outside A-Z a-z 0-9 - _ . ~ as %XX (Python's
// urllib.parse.urlencode, which botocore uses for awsQuery bodies).
using FormParams = std::vector<std::pair<std::string, std::string>>;
std::string FormEncode(const FormParams& params);

}  // namespace cfnx

#endif  // CFNX_ENGINE_BACKEND_AWS_URL_H_
