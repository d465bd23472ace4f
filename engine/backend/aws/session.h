// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Everything the AWS backend's clients share, resolved once from the command line and the
// environment: the shared config files, the profile, the region, the endpoints, the retry
// limit and the credentials chain (with STS AssumeRole for role profiles), over one transport.
//
//   AwsSettings settings{.profile = "dev", .region = "", .endpoint_url = ""};
//   CFNX_ASSIGN_OR_RETURN(AwsClientOptions options, MakeAwsClientOptions(settings));
//   AwsClient client(std::move(options));

#ifndef CFNX_ENGINE_BACKEND_AWS_SESSION_H_
#define CFNX_ENGINE_BACKEND_AWS_SESSION_H_

#include <memory>
#include <string>

#include "engine/backend/aws/aws_client.h"

namespace cfnx {

struct AwsSettings {
  std::string profile;         // --profile
  std::string region;          // --region ("" = environment or profile)
  std::string endpoint_url;    // --endpoint-url
  DebugSink debug;             // --debug
  int connect_timeout_s = 60;  // --cli-connect-timeout
  int read_timeout_s = 60;     // --cli-read-timeout (0 = none)
  EnvLookup env;               // nullptr = the process environment
  // nullptr = libcurl (curl_transport.h).
  std::shared_ptr<HttpTransport> transport;
};

ErrorOr<AwsClientOptions> MakeAwsClientOptions(const AwsSettings& settings);

}  // namespace cfnx

#endif  // CFNX_ENGINE_BACKEND_AWS_SESSION_H_
