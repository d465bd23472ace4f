// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The AWS region a command talks to, looked up as the AWS CLI does: --region, then
// AWS_REGION, then AWS_DEFAULT_REGION, then the profile's `region` setting. Unlike the offline
// commands (which plan for us-east-1 unless told otherwise), the AWS backend does not guess.

#ifndef CFNX_ENGINE_BACKEND_AWS_REGION_H_
#define CFNX_ENGINE_BACKEND_AWS_REGION_H_

#include <string>

#include "cfnx/error_or.h"
#include "engine/backend/aws/config_file.h"

namespace cfnx {

// Error (saying where it looked) when no source names a region, or the name is malformed.
ErrorOr<std::string> ResolveRegion(const std::string& flag, const EnvLookup& env,
                                   const AwsConfigFiles& files, const std::string& profile);

// "aws", "aws-cn" or "aws-us-gov" for a region name.
std::string PartitionOfRegion(const std::string& region);

}  // namespace cfnx

#endif  // CFNX_ENGINE_BACKEND_AWS_REGION_H_
