// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// E3056: an Auto Scaling group's HealthCheckType may list several types ("ELB,VPC_LATTICE"),
// but EC2 is the default check and cannot be combined with the others. cfn-lint's
// rules/resources/autoscaling/AutoScalingGroupHealthCheckType.py:
// https://docs.aws.amazon.com/autoscaling/ec2/userguide/health-checks-overview.html

#include <string>
#include <string_view>

#include "engine/validate/condition_logic.h"
#include "resources/service_rules.h"

namespace cfnx {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

}  // namespace

void CheckHealthCheckType(const Resource& r, DiagnosticSink& diags) {
  if (r.type != "AWS::AutoScaling::AutoScalingGroup")
    return;
  const auto* props = dyn_cast<MapNode>(r.properties);
  const MapEntry* e = props != nullptr ? props->Find("HealthCheckType") : nullptr;
  if (e == nullptr)
    return;
  // Each branch of an Fn::If is a value the property may take.
  for (const IfAlternative& alt : IfAlternatives(e->value)) {
    const auto* s = dyn_cast<StringNode>(alt.value);
    if (s == nullptr || s->value().find(',') == std::string::npos)
      continue;
    std::string_view rest = s->value();
    bool ec2 = false;
    while (true) {
      size_t comma = rest.find(',');
      ec2 = ec2 || Trim(rest.substr(0, comma)) == "EC2";
      if (comma == std::string_view::npos)
        break;
      rest.remove_prefix(comma + 1);
    }
    if (ec2)
      diags.Report(
          DiagCode::kE3056, s->range(),
          TemplatePath{"Resources", r.logical_id, "Properties", "HealthCheckType"},
          "EC2 cannot be combined with other health check types. Got '" + s->value() + "'");
  }
}

}  // namespace cfnx
