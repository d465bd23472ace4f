// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// E2529: a CloudWatch Logs log group takes at most two subscription filters:
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html

#include <map>
#include <string>
#include <vector>

#include "engine/ast/dump.h"
#include "resources/service_rules.h"

namespace cfnx {

void CheckSubscriptionFilterLimit(const Template& t, DiagnosticSink& diags) {
  constexpr size_t kLimit = 2;
  // Filters by their LogGroupName as written (the same Ref, the same literal), in template order.
  std::map<std::string, std::vector<const Resource*>> by_group;
  std::vector<std::string> order;
  for (const Resource& r : t.resources) {
    if (r.type != "AWS::Logs::SubscriptionFilter")
      continue;
    const auto* props = dyn_cast<MapNode>(r.properties);
    const Node* group = props != nullptr ? props->Get("LogGroupName") : nullptr;
    std::string key = group != nullptr ? Dump(*group) : "";
    if (by_group[key].empty())
      order.push_back(key);
    by_group[key].push_back(&r);
  }
  for (const std::string& key : order) {
    const std::vector<const Resource*>& filters = by_group[key];
    if (filters.size() <= kLimit)
      continue;
    // cfn-lint reports the group once, at the filter that goes over the limit.
    const Resource* over = filters[kLimit];
    diags.Report(DiagCode::kE2529, over->key->range(), TemplatePath{"Resources", over->logical_id},
                 "You can only have " + std::to_string(kLimit) +
                     " Subscription Filters per CloudWatch Log Group; " + over->logical_id +
                     " is filter " + std::to_string(kLimit + 1) + " of " +
                     std::to_string(filters.size()) + " on the same log group.");
  }
}

}  // namespace cfnx
