// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// CloudWatchLogs: an AWS::Logs::SubscriptionFilter delivering to the function.

#include "transforms/sam/events/event.h"

namespace cfnx::sam {

Status TranslateCloudWatchLogs(const EventSource& event, const FunctionInfo& fn, Context& ctx,
                               GeneratedList* out) {
  const Json& p = event.properties;
  Json group = p.contains("LogGroupName") ? p["LogGroupName"] : Json();
  Json source_arn = Json{
      {"Fn::Sub",
       Json::array({"arn:" + ctx.partition +
                        ":logs:${AWS::Region}:${AWS::AccountId}:log-group:${__LogGroupName__}:*",
                    Json{{"__LogGroupName__", group}}})}};
  Generated permission = MakePermission(event, fn, "", "logs.amazonaws.com", &source_arn);
  Json filter = NewResource("AWS::Logs::SubscriptionFilter", fn.function->PassthroughAttributes());
  filter["DependsOn"] = Json::array({permission.logical_id});
  Json& fp = filter["Properties"];
  fp["LogGroupName"] = group;
  fp["FilterPattern"] = p.contains("FilterPattern") ? p["FilterPattern"] : Json();
  fp["DestinationArn"] = fn.TargetArn();
  out->push_back(std::move(permission));
  out->push_back(Generated{event.logical_id, std::move(filter)});
  return Ok();
}

}  // namespace cfnx::sam
