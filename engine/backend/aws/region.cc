// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/backend/aws/region.h"

#include <cctype>

namespace cfnx {
namespace {

// Region names are lowercase letters, digits and dashes ("us-east-1", "us-gov-west-1").
bool WellFormed(const std::string& region) {
  if (region.empty() || region.size() > 40) {
    return false;
  }
  for (char c : region) {
    if (std::islower(static_cast<unsigned char>(c)) == 0 &&
        std::isdigit(static_cast<unsigned char>(c)) == 0 && c != '-') {
      return false;
    }
  }
  return true;
}

}  // namespace

ErrorOr<std::string> ResolveRegion(const std::string& flag, const EnvLookup& env,
                                   const AwsConfigFiles& files, const std::string& profile) {
  std::string region;
  std::string where;
  if (!flag.empty()) {
    region = flag;
    where = "--region";
  } else if (std::optional<std::string> r = NonEmptyEnv(env, "AWS_REGION")) {
    region = *r;
    where = "AWS_REGION";
  } else if (std::optional<std::string> r = NonEmptyEnv(env, "AWS_DEFAULT_REGION")) {
    region = *r;
    where = "AWS_DEFAULT_REGION";
  } else if (std::optional<std::string> r = files.Get(profile, "region"); r && !r->empty()) {
    region = *r;
    where = "region of profile " + profile;
  } else {
    return Error{
        "no AWS region: pass --region, set AWS_REGION or AWS_DEFAULT_REGION, or set "
        "region in profile " +
        profile + " (" + files.config_path + ")"};
  }
  if (!WellFormed(region)) {
    return Error{where + ": '" + region + "' is not a region name (such as us-east-1)"};
  }
  return region;
}

std::string PartitionOfRegion(const std::string& region) {
  if (region.rfind("cn-", 0) == 0) {
    return "aws-cn";
  }
  if (region.rfind("us-gov-", 0) == 0) {
    return "aws-us-gov";
  }
  return "aws";
}

}  // namespace cfnx
