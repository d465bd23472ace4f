// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The `format` keyword of resource schemas. AWS's schemas (as patched by cfn-lint, which is
// where cfnx's registry comes from) mark properties that hold an identifier of another resource
// with a format such as `AWS::EC2::Image.Id` or `AWS::IAM::Role.Arn`, and network properties
// with `ipv4-network` and friends. A literal string in such a property that cannot be that kind
// of identifier (an AMI id without its `ami-` prefix, a CIDR block with host bits set) fails at
// deploy time; `CheckFormat` catches it before.
//
// Each format has the cfn-lint rule id of the same check (E1150-E1164 for identifiers, E1103
// for the generic network and address formats) and cfn-lint's exact pattern, so both tools
// accept and reject the same values. Formats not listed here (date-time, json, int64, ...) are
// not checked. Values of intrinsic functions never reach this check.

#ifndef CFNX_RESOURCES_FORMATS_H_
#define CFNX_RESOURCES_FORMATS_H_

#include <optional>
#include <string>
#include <string_view>

#include "cfnx/diagnostic.h"

namespace cfnx {

struct FormatViolation {
  DiagCode code;
  std::string message;  // "'ami-12' is not a valid AWS::EC2::Image.Id (...)."
};

// Checks the literal string `value` of a property whose schema says `format`. `type` and
// `property` (the resource type and the property path below Properties, "ImageId" or
// "LaunchTemplateData/ImageId") select cfn-lint's few per-property exceptions. nullopt when the
// value is fine or the format is not one cfnx checks.
std::optional<FormatViolation> CheckFormat(std::string_view format, std::string_view value,
                                           std::string_view type, std::string_view property);

// IPv4/IPv6 addresses and networks as Python's ipaddress module reads them (strict networks:
// no host bits set), which is what cfn-lint and CloudFormation's own validation use.
bool IsIpv4Address(std::string_view s);
bool IsIpv6Address(std::string_view s);
bool IsIpv4Network(std::string_view s);
bool IsIpv6Network(std::string_view s);

}  // namespace cfnx

#endif  // CFNX_RESOURCES_FORMATS_H_
