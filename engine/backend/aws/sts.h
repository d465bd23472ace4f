// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// STS AssumeRole over awsQuery: the temporary credentials a `role_arn` profile stands for.

#ifndef CFNX_ENGINE_BACKEND_AWS_STS_H_
#define CFNX_ENGINE_BACKEND_AWS_STS_H_

#include "engine/backend/aws/aws_client.h"
#include "engine/backend/aws/credentials.h"

namespace cfnx {

// Calls AssumeRole with `source` credentials through a client built from `base` (endpoints,
// transport, retries, debug) in `request.region` (else base's region, else us-east-1).
ErrorOr<AwsCredentials> AssumeRole(const AwsClientOptions& base, const AwsCredentials& source,
                                   const AssumeRoleRequest& request);

}  // namespace cfnx

#endif  // CFNX_ENGINE_BACKEND_AWS_STS_H_
