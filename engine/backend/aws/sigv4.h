// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// AWS Signature Version 4, byte for byte as botocore's SigV4Auth (and S3SigV4Auth for S3)
// signs a request: X-Amz-Date (and X-Amz-Security-Token for temporary credentials, and
// X-Amz-Content-SHA256 for S3) are set, the canonical request is built (path normalized and
// percent-encoded except for S3, query pairs sorted, headers lowercased, trimmed and sorted
// with the hop-by-hop and user-agent headers left out, the payload's SHA-256), then the string
// to sign and the HMAC chain over the date, region, service and "aws4_request", and the
// Authorization header is added. sigv4_test.cc checks it against vectors botocore computed.
//
//   HttpRequest request{.method = "POST", .url = "https://cloudformation.us-east-1...", ...};
//   SignV4(request, credentials, {.service = "cloudformation", .region = "us-east-1"},
//          AmzDate(std::chrono::system_clock::now()));

#ifndef CFNX_ENGINE_BACKEND_AWS_SIGV4_H_
#define CFNX_ENGINE_BACKEND_AWS_SIGV4_H_

#include <chrono>
#include <string>
#include <string_view>

#include "cfnx/error_or.h"
#include "engine/backend/aws/credentials.h"
#include "engine/backend/aws/http.h"

namespace cfnx {

struct SigV4Scope {
  std::string service;  // "cloudformation", "s3", "sts"
  std::string region;   // "us-east-1"
};

// What the signature was computed from, for tests and --debug (no secrets in it).
struct SigV4Result {
  std::string canonical_request;
  std::string string_to_sign;
  std::string signature;
};

// "20260102T030405Z" (SigV4's timestamp format) of `time`, in UTC.
std::string AmzDate(std::chrono::system_clock::time_point time);

// Signs `request` in place at time `amz_date`. Error when its URL does not parse.
ErrorOr<SigV4Result> SignV4(HttpRequest& request, const AwsCredentials& credentials,
                            const SigV4Scope& scope, std::string_view amz_date);

}  // namespace cfnx

#endif  // CFNX_ENGINE_BACKEND_AWS_SIGV4_H_
