// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Where each AWS service is reached. In order: --endpoint-url (every service cfnx calls), the
// SDKs' service variable (AWS_ENDPOINT_URL_CLOUDFORMATION, AWS_ENDPOINT_URL_S3,
// AWS_ENDPOINT_URL_STS), AWS_ENDPOINT_URL, the profile's `endpoint_url`, then the service's
// regional endpoint (https://cloudformation.REGION.amazonaws.com, .com.cn in China).
// AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true ignores the variables and the profile, as the SDKs
// do. A configured endpoint is how tests point cfnx at an emulator on loopback.

#ifndef CFNX_ENGINE_BACKEND_AWS_ENDPOINT_H_
#define CFNX_ENGINE_BACKEND_AWS_ENDPOINT_H_

#include <memory>
#include <string>

#include "cfnx/error_or.h"
#include "engine/backend/aws/config_file.h"
#include "engine/backend/aws/url.h"

namespace cfnx {

struct Endpoint {
  Url url;              // scheme, host, port and base path ("" or "/prefix")
  bool custom = false;  // configured rather than AWS's own (S3 then uses path-style URLs)
  std::string source;   // "--endpoint-url", "AWS_ENDPOINT_URL_S3", "default", ...
};

struct EndpointSettings {
  std::string flag;  // --endpoint-url
  EnvLookup env;
  std::shared_ptr<const AwsConfigFiles> files;  // nullptr = no files
  std::string profile;
};

// `service` is the SDK service id in lowercase: "cloudformation", "s3", "sts".
ErrorOr<Endpoint> ResolveEndpoint(const std::string& service, const std::string& region,
                                  const EndpointSettings& settings);

}  // namespace cfnx

#endif  // CFNX_ENGINE_BACKEND_AWS_ENDPOINT_H_
