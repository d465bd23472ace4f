// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "resources/cloudfront/aliases.h"

#include <vector>

namespace cfnx {
namespace {

bool IsLowerAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// A label of letters, digits and inner hyphens, 1..63 characters; `first` may also be '*'
// (cfn-lint's pattern: [a-z0-9*](?:[a-z0-9-]{0,61}[a-z0-9])?).
std::string LabelProblem(std::string_view label, bool top_level) {
  if (label.empty())
    return "it has an empty label";
  if (label.size() > 63)
    return "the label '" + std::string(label) + "' is longer than 63 characters";
  if (top_level && label.size() < 2)
    return "the top-level label '" + std::string(label) + "' is shorter than 2 characters";
  for (size_t i = 0; i < label.size(); ++i) {
    char c = label[i];
    bool ok = IsLowerAlnum(c) || (c == '-' && i != 0 && i + 1 != label.size()) ||
              (c == '*' && i == 0 && !top_level);
    if (ok)
      continue;
    if (c >= 'A' && c <= 'Z')
      return "it has upper-case letters (CloudFront aliases are lower case)";
    if (c == '-')
      return "the label '" + std::string(label) + "' starts or ends with a hyphen";
    if (c == '*')
      return "a wildcard may only be the first character of the first label";
    return "it contains '" + std::string(1, c) + "'";
  }
  return "";
}

}  // namespace

std::string CloudFrontAliasProblem(std::string_view alias) {
  if (alias.find(".*.") != std::string_view::npos)
    return "a wildcard may only be the whole first label (\"*.example.com\")";
  std::vector<std::string_view> labels;
  size_t start = 0;
  while (true) {
    size_t dot = alias.find('.', start);
    labels.push_back(alias.substr(start, dot == std::string_view::npos ? dot : dot - start));
    if (dot == std::string_view::npos)
      break;
    start = dot + 1;
  }
  if (labels.size() < 2)
    return "it needs at least two labels (\"example.com\")";
  for (size_t i = 0; i < labels.size(); ++i) {
    std::string problem = LabelProblem(labels[i], i + 1 == labels.size());
    if (!problem.empty())
      return problem;
  }
  return "";
}

void CheckCloudFrontAliases(const Resource& resource, DiagnosticSink& diags) {
  if (resource.type != "AWS::CloudFront::Distribution")
    return;
  const auto* props = dyn_cast<MapNode>(resource.properties);
  const auto* config =
      props != nullptr ? dyn_cast<MapNode>(props->Get("DistributionConfig")) : nullptr;
  const auto* aliases = config != nullptr ? dyn_cast<ListNode>(config->Get("Aliases")) : nullptr;
  if (aliases == nullptr)
    return;
  TemplatePath path{"Resources", resource.logical_id, "Properties", "DistributionConfig",
                    "Aliases"};
  for (size_t i = 0; i < aliases->size(); ++i) {
    const auto* alias = dyn_cast<StringNode>(aliases->items()[i]);
    if (alias == nullptr || alias->value().find("{{resolve:") != std::string::npos)
      continue;
    std::string problem = CloudFrontAliasProblem(alias->value());
    if (problem.empty())
      continue;
    diags.Report(
        DiagCode::kE3013, alias->range(), path.Child(i),
        "CloudFront alias '" + alias->value() + "' is not a valid domain name: " + problem + ".");
  }
}

}  // namespace cfnx
