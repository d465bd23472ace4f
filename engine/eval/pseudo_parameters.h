// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Pseudo parameters (AWS::Region, AWS::Partition, ...) derived from the deployment target.
// The partition and URL suffix follow the region: cn-* is aws-cn, us-gov-* is aws-us-gov, and
// the isolated regions have their own partitions, as
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/pseudo-parameter-reference.html
// and the AWS SDKs' partitions.json describe.

#ifndef CFNX_ENGINE_EVAL_PSEUDO_PARAMETERS_H_
#define CFNX_ENGINE_EVAL_PSEUDO_PARAMETERS_H_

#include <string>
#include <string_view>
#include <vector>

namespace cfnx {

struct PseudoParameters {
  std::string account_id;
  std::vector<std::string> notification_arns;
  std::string partition;
  std::string region;
  std::string stack_id;  // "" = unknown until the stack is created
  std::string stack_name;
  std::string url_suffix;
};

// The partition a region belongs to ("aws" for unknown regions).
std::string PartitionForRegion(std::string_view region);
// The domain suffix of a partition ("amazonaws.com", "amazonaws.com.cn", ...); "" if unknown.
std::string UrlSuffixForPartition(std::string_view partition);
// Whether `partition` is one cfnx knows.
bool IsKnownPartition(std::string_view partition);

}  // namespace cfnx

#endif  // CFNX_ENGINE_EVAL_PSEUDO_PARAMETERS_H_
