// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Patterns and exceptions follow cfn-lint's format rules (cfnlint/rules/formats/*.py) and its
// format checker (cfnlint/jsonschema/_format.py); the documentation of each identifier format:
// https://github.com/aws-cloudformation/cfn-lint/blob/main/docs/format_keyword.md

#include "resources/formats.h"

#include <array>
#include <cstdint>
#include <cstring>

#include "resources/ecma_regex.h"

#include <arpa/inet.h>

namespace cfnx {
namespace {

struct PatternFormat {
  std::string_view format;
  DiagCode code;
  std::string_view pattern;
};

#define CFNX_ARN_PREFIX "^arn:aws[a-zA-Z-]*:"

constexpr PatternFormat kPatternFormats[] = {
    {"AWS::EC2::SecurityGroup.Id", DiagCode::kE1150, "^sg-([a-fA-F0-9]{8}|[a-fA-F0-9]{17})$"},
    {"AWS::EC2::VPC.Id", DiagCode::kE1151, "^vpc-(([0-9A-Fa-f]{8})|([0-9A-Fa-f]{17}))$"},
    {"AWS::EC2::Image.Id", DiagCode::kE1152, "^ami-([0-9a-z]{8}|[0-9a-z]{17})$"},
    {"AWS::EC2::SecurityGroup.Name", DiagCode::kE1153,
     "^[a-zA-Z0-9 \\._\\-:\\/()#\\,@\\[\\]+=&;\\{\\}!\\$\\*]+$"},
    {"AWS::EC2::Subnet.Id", DiagCode::kE1154, "^subnet-(([0-9A-Fa-f]{8})|([0-9A-Fa-f]{17}))$"},
    {"AWS::IAM::Role.Arn", DiagCode::kE1156, CFNX_ARN_PREFIX "iam::\\d{12}:role/.+$"},
    {"AWS::KMS::Key.Arn", DiagCode::kE1157,
     CFNX_ARN_PREFIX "kms:[a-z0-9-]+:\\d{12}:(key|alias)/.+$"},
    {"AWS::SNS::Topic.Arn", DiagCode::kE1158, CFNX_ARN_PREFIX "sns:[a-z0-9-]+:\\d{12}:.+$"},
    {"AWS::ACM::Certificate.Arn", DiagCode::kE1159,
     CFNX_ARN_PREFIX "acm:[a-z0-9-]+:\\d{12}:certificate/.+$"},
    {"AWS::Lambda::Function.Arn", DiagCode::kE1160,
     CFNX_ARN_PREFIX "lambda:[a-z0-9-]+:\\d{12}:function:.+(:.+)?$"},
    {"AWS::KMS::Key.Id", DiagCode::kE1162,
     "^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32}|"
     "alias/[a-zA-Z0-9/_-]+)$"},
    {"AWS::Lambda::Function.Name", DiagCode::kE1163, "^[a-zA-Z0-9_-]{1,140}$"},
    {"AWS::KMS::Alias.AliasName", DiagCode::kE1164, "^alias/[a-zA-Z0-9:/_-]+$"},
};

#undef CFNX_ARN_PREFIX

std::string Quoted(std::string_view s) {
  return "'" + std::string(s) + "'";
}

// S3 bucket names: 3-63 of [a-z0-9.-], starting and ending with a letter or digit, without
// "..", ".-" or "-." (cfn-lint's pattern uses lookarounds, which RE2 cannot run).
bool IsS3BucketName(std::string_view s) {
  if (s.size() < 3 || s.size() > 63)
    return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-'))
      return false;
  }
  auto edge = [](char c) {
    return c == '.' || c == '-';
  };
  if (edge(s.front()) || edge(s.back()))
    return false;
  return s.find("..") == std::string_view::npos && s.find(".-") == std::string_view::npos &&
         s.find("-.") == std::string_view::npos;
}

// Python's _prefix_from_prefix_string: ASCII digits only, 0..max.
bool ParsePrefix(std::string_view s, int max, int* out) {
  if (s.empty() || s.size() > 3)
    return false;
  int n = 0;
  for (char c : s) {
    if (c < '0' || c > '9')
      return false;
    n = n * 10 + (c - '0');
  }
  if (n > max)
    return false;
  *out = n;
  return true;
}

bool ParseIpv4(std::string_view s, uint32_t* out) {
  std::string text(s);
  in_addr addr{};
  if (inet_pton(AF_INET, text.c_str(), &addr) != 1)
    return false;
  *out = ntohl(addr.s_addr);
  return true;
}

// A netmask (255.255.255.0) or hostmask (0.0.0.255) given after the slash of an IPv4 network.
bool Ipv4MaskPrefix(uint32_t mask, int* prefix) {
  uint32_t as_netmask = mask;
  uint32_t as_hostmask = ~mask;
  for (uint32_t m : {as_netmask, as_hostmask}) {
    uint32_t inverted = ~m;
    if ((inverted & (inverted + 1)) == 0) {  // ones then zeros
      int ones = 0;
      for (uint32_t bit = 0x80000000u; bit != 0 && (m & bit) != 0; bit >>= 1)
        ++ones;
      *prefix = ones;
      return true;
    }
  }
  return false;
}

}  // namespace

bool IsIpv4Address(std::string_view s) {
  uint32_t ignored = 0;
  return ParseIpv4(s, &ignored);
}

bool IsIpv6Address(std::string_view s) {
  std::string text(s);
  in6_addr addr{};
  return inet_pton(AF_INET6, text.c_str(), &addr) == 1;
}

bool IsIpv4Network(std::string_view s) {
  size_t slash = s.find('/');
  uint32_t address = 0;
  if (!ParseIpv4(s.substr(0, slash), &address))
    return false;
  if (slash == std::string_view::npos)
    return true;
  std::string_view rest = s.substr(slash + 1);
  int prefix = 0;
  uint32_t mask_value = 0;
  if (!ParsePrefix(rest, 32, &prefix) &&
      !(ParseIpv4(rest, &mask_value) && Ipv4MaskPrefix(mask_value, &prefix)))
    return false;
  uint32_t host_mask = prefix == 0 ? 0xffffffffu : (prefix == 32 ? 0 : (~0u >> prefix));
  return (address & host_mask) == 0;
}

bool IsIpv6Network(std::string_view s) {
  size_t slash = s.find('/');
  std::string text(s.substr(0, slash));
  in6_addr addr{};
  if (inet_pton(AF_INET6, text.c_str(), &addr) != 1)
    return false;
  if (slash == std::string_view::npos)
    return true;
  int prefix = 0;
  if (!ParsePrefix(s.substr(slash + 1), 128, &prefix))
    return false;
  std::array<uint8_t, 16> bytes{};
  std::memcpy(bytes.data(), &addr, 16);
  for (int bit = prefix; bit < 128; ++bit) {
    if ((bytes[bit / 8] >> (7 - bit % 8)) & 1)
      return false;
  }
  return true;
}

std::optional<FormatViolation> CheckFormat(std::string_view format, std::string_view value,
                                           std::string_view type, std::string_view property) {
  for (const PatternFormat& f : kPatternFormats) {
    if (f.format != format)
      continue;
    if (f.code == DiagCode::kE1152 && type == "AWS::EC2::LaunchTemplate" &&
        property == "LaunchTemplateData/ImageId" && value.rfind("resolve:ssm", 0) == 0)
      return std::nullopt;  // a launch template may name its AMI by SSM parameter
    bool supported = true;
    std::string why;
    if (EcmaRegexSearch(f.pattern, value, &supported, &why))
      return std::nullopt;
    return FormatViolation{f.code, Quoted(value) + " is not a valid " + std::string(format) +
                                       " (it must match " + std::string(f.pattern) + ")."};
  }
  if (format == "AWS::S3::Bucket.Name") {
    if (IsS3BucketName(value) ||
        (value.empty() && type == "AWS::S3::Bucket" && property == "BucketName"))
      return std::nullopt;
    return FormatViolation{DiagCode::kE1161,
                           Quoted(value) +
                               " is not a valid S3 bucket name (3 to 63 lowercase letters, "
                               "digits, dots and hyphens, starting and ending with a letter or "
                               "digit)."};
  }
  bool (*check)(std::string_view) = nullptr;
  const char* noun = "";
  if (format == "ipv4") {
    check = &IsIpv4Address;
    noun = "an IPv4 address";
  } else if (format == "ipv6") {
    check = &IsIpv6Address;
    noun = "an IPv6 address";
  } else if (format == "ipv4-network") {
    check = &IsIpv4Network;
    noun = "an IPv4 network in CIDR notation without host bits";
  } else if (format == "ipv6-network") {
    check = &IsIpv6Network;
    noun = "an IPv6 network in CIDR notation without host bits";
  }
  if (check == nullptr || check(value))
    return std::nullopt;
  return FormatViolation{DiagCode::kE1103, Quoted(value) + " is not " + noun + "."};
}

}  // namespace cfnx
