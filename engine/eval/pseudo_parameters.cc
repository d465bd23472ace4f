// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/eval/pseudo_parameters.h"

namespace cfnx {
namespace {

struct PartitionInfo {
  std::string_view name;
  std::string_view region_prefix;  // regions starting with this belong to the partition
  std::string_view url_suffix;
};

// Longest prefixes first: "us-isob-" before "us-iso-". Source: the AWS SDKs' partitions.json.
constexpr PartitionInfo kPartitions[] = {
    {"aws-iso-b", "us-isob-", "sc2s.sgov.gov"},  {"aws-iso-e", "eu-isoe-", "cloud.adc-e.uk"},
    {"aws-iso-f", "us-isof-", "csp.hci.ic.gov"}, {"aws-iso", "us-iso-", "c2s.ic.gov"},
    {"aws-us-gov", "us-gov-", "amazonaws.com"},  {"aws-cn", "cn-", "amazonaws.com.cn"},
    {"aws-eusc", "eusc-", "amazonaws.eu"},       {"aws", "", "amazonaws.com"},
};

}  // namespace

std::string PartitionForRegion(std::string_view region) {
  for (const PartitionInfo& p : kPartitions) {
    if (region.substr(0, p.region_prefix.size()) == p.region_prefix)
      return std::string(p.name);
  }
  return "aws";
}

std::string UrlSuffixForPartition(std::string_view partition) {
  for (const PartitionInfo& p : kPartitions) {
    if (p.name == partition)
      return std::string(p.url_suffix);
  }
  return "";
}

bool IsKnownPartition(std::string_view partition) {
  return !UrlSuffixForPartition(partition).empty();
}

}  // namespace cfnx
