// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// AWS credentials, found as the AWS SDKs find them (botocore's default chain, minus the
// container and instance-metadata providers):
//
//   1. the environment: AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY (+ AWS_SESSION_TOKEN), unless
//      a profile was named on the command line (--profile), as botocore does;
//   2. the profile (--profile, else AWS_PROFILE, else "default") of the shared files
//      (AWS_SHARED_CREDENTIALS_FILE or ~/.aws/credentials, AWS_CONFIG_FILE or ~/.aws/config):
//      a. role_arn + source_profile (or credential_source = Environment): the source's
//         credentials, then STS AssumeRole (chains of roles are followed; loops are refused);
//      b. aws_access_key_id + aws_secret_access_key (+ aws_session_token) in the credentials file;
//      c. credential_process: the command's JSON ({"Version": 1, "AccessKeyId", ...});
//      d. aws_access_key_id + aws_secret_access_key in the config file.
//
// When nothing gives credentials the Error lists every place that was tried. Secrets are never
// part of a message: an AwsCredentials prints (Describe) as its source and key id only.

#ifndef CFNX_ENGINE_BACKEND_AWS_CREDENTIALS_H_
#define CFNX_ENGINE_BACKEND_AWS_CREDENTIALS_H_

#include <functional>
#include <optional>
#include <string>

#include "cfnx/error_or.h"
#include "engine/backend/aws/config_file.h"

namespace cfnx {

struct AwsCredentials {
  std::string access_key_id;
  std::string secret_access_key;
  std::string session_token;  // "" for long-term keys
  std::string expiration;     // ISO 8601, "" when they do not expire
  std::string source;         // "environment", "profile dev (credentials file)", ...

  // "AKIA...XYZ from <source>": safe to print.
  std::string Describe() const;
};

// What an STS AssumeRole call needs (sts.h makes it).
struct AssumeRoleRequest {
  std::string role_arn;
  std::string session_name;
  std::string external_id;   // "" = none
  int duration_seconds = 0;  // 0 = the service default (one hour)
  std::string region;        // the profile's region, or "" for the default
};
using AssumeRoleFunction =
    std::function<ErrorOr<AwsCredentials>(const AwsCredentials& source, const AssumeRoleRequest&)>;

struct CredentialOptions {
  EnvLookup env;              // the process environment in production
  std::string profile;        // --profile; "" = AWS_PROFILE or "default"
  AssumeRoleFunction assume;  // STS AssumeRole; required for role_arn profiles
};

// Runs the chain above. An Error says what was tried, or why a configured source failed (a
// failing credential_process, an AssumeRole refused, a source_profile without credentials).
ErrorOr<AwsCredentials> ResolveCredentials(const CredentialOptions& options,
                                           const AwsConfigFiles& files);

// Parses credential_process output; `source` names the profile for messages.
ErrorOr<AwsCredentials> ParseProcessCredentials(const std::string& json, const std::string& source);

}  // namespace cfnx

#endif  // CFNX_ENGINE_BACKEND_AWS_CREDENTIALS_H_
