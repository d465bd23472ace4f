// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// E3511: properties that take an IAM role by ARN, where the provider schemas say only "a
// string", must be a role ARN (arn:PARTITION:iam::ACCOUNT:role/NAME). cfn-lint's
// rules/resources/iam/RoleArnPattern.py names the properties and the pattern; values written
// as functions are known only at deploy time and are not checked.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html

#include <string>
#include <string_view>
#include <vector>

#include "engine/validate/condition_logic.h"
#include "resources/ecma_regex.h"
#include "resources/service_rules.h"

namespace cfnx {
namespace {

struct RoleArnProperty {
  std::string_view type;
  std::vector<std::string_view> path;  // below Properties
};

const std::vector<RoleArnProperty>& RoleArnProperties() {
  static const auto* properties = new std::vector<RoleArnProperty>{
      {"AWS::Backup::BackupSelection", {"BackupSelection", "IamRoleArn"}},
      {"AWS::Batch::ComputeEnvironment", {"ComputeResources", "SpotIamFleetRole"}},
      {"AWS::Batch::ComputeEnvironment", {"ServiceRole"}},
      {"AWS::EC2::SpotFleet", {"SpotFleetRequestConfigData", "IamFleetRole"}},
      {"AWS::ECS::TaskDefinition", {"ExecutionRoleArn"}},
      {"AWS::S3::Bucket", {"ReplicationConfiguration", "Role"}},
  };
  return *properties;
}

constexpr std::string_view kRoleArnPattern =
    "^arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/[a-zA-Z_0-9+=,.@\\-_/]+$";

void CheckValue(const Node* v, const TemplatePath& path, DiagnosticSink& diags) {
  for (const IfAlternative& alt : IfAlternatives(v)) {
    const auto* s = dyn_cast<StringNode>(alt.value);
    if (s == nullptr || s->value().find("{{resolve:") != std::string::npos)
      continue;
    bool supported = true;
    std::string why;
    if (EcmaRegexSearch(kRoleArnPattern, s->value(), &supported, &why) || !supported)
      continue;
    diags.Report(DiagCode::kE3511, s->range(), path,
                 "'" + s->value() + "' does not match '" + std::string(kRoleArnPattern) +
                     "': the property takes the ARN of an IAM role.");
  }
}

}  // namespace

void CheckRoleArnPatterns(const Resource& r, DiagnosticSink& diags) {
  for (const RoleArnProperty& p : RoleArnProperties()) {
    if (p.type != r.type)
      continue;
    const Node* v = r.properties;
    TemplatePath path{"Resources", r.logical_id, "Properties"};
    for (std::string_view segment : p.path) {
      const auto* map = dyn_cast<MapNode>(v);
      v = map != nullptr ? map->Get(segment) : nullptr;
      path = path.Child(segment);
    }
    if (v != nullptr)
      CheckValue(v, path, diags);
  }
}

}  // namespace cfnx
