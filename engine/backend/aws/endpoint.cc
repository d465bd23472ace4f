// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/backend/aws/endpoint.h"

#include <cctype>

#include "engine/backend/aws/region.h"

namespace cfnx {
namespace {

std::string Upper(std::string s) {
  for (char& c : s) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return s;
}

ErrorOr<Endpoint> Configured(const std::string& text, const std::string& source) {
  ErrorOr<Url> url = ParseUrl(text);
  if (!url.ok()) {
    return Error{source + ": " + url.error().message};
  }
  if (!url->query.empty()) {
    return Error{source + ": an endpoint URL takes no query string"};
  }
  while (!url->path.empty() && url->path.back() == '/') {
    url->path.pop_back();
  }
  return Endpoint{std::move(*url), true, source};
}

}  // namespace

ErrorOr<Endpoint> ResolveEndpoint(const std::string& service, const std::string& region,
                                  const EndpointSettings& settings) {
  if (!settings.flag.empty()) {
    return Configured(settings.flag, "--endpoint-url");
  }
  std::optional<std::string> ignore =
      NonEmptyEnv(settings.env, "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");
  bool use_configured = !ignore || (*ignore != "true" && *ignore != "TRUE" && *ignore != "True");
  if (use_configured) {
    std::string variable = "AWS_ENDPOINT_URL_" + Upper(service);
    if (std::optional<std::string> url = NonEmptyEnv(settings.env, variable)) {
      return Configured(*url, variable);
    }
    if (std::optional<std::string> url = NonEmptyEnv(settings.env, "AWS_ENDPOINT_URL")) {
      return Configured(*url, "AWS_ENDPOINT_URL");
    }
    if (settings.files != nullptr) {
      if (std::optional<std::string> url = settings.files->Get(settings.profile, "endpoint_url");
          url && !url->empty()) {
        return Configured(*url, "endpoint_url of profile " + settings.profile);
      }
    }
  }
  std::string suffix = PartitionOfRegion(region) == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
  ErrorOr<Url> url = ParseUrl("https://" + service + "." + region + "." + suffix);
  if (!url.ok()) {
    return url.error();
  }
  return Endpoint{std::move(*url), false, "default"};
}

}  // namespace cfnx
