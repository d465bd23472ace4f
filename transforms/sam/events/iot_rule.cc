// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// IoTRule: an AWS::IoT::TopicRule with a Lambda action, and the invoke permission.

#include "transforms/sam/events/event.h"

namespace cfnx::sam {

Status TranslateIoTRule(const EventSource& event, const FunctionInfo& fn, Context& ctx,
                        GeneratedList* out) {
  const Json& p = event.properties;
  Json source_arn =
      Json{{"Fn::Sub", Json::array({"arn:" + ctx.partition +
                                        ":iot:${AWS::Region}:${AWS::AccountId}:rule/${RuleName}",
                                    Json{{"RuleName", Ref(event.logical_id)}}})}};
  Json account = Sub("${AWS::AccountId}");
  out->push_back(MakePermission(event, fn, "", "iot.amazonaws.com", &source_arn, &account));
  Json rule = NewResource("AWS::IoT::TopicRule", fn.function->PassthroughAttributes());
  Json payload =
      Json{{"Sql", p.contains("Sql") ? p["Sql"] : Json()},
           {"RuleDisabled", false},
           {"Actions", Json::array({Json{{"Lambda", Json{{"FunctionArn", fn.TargetArn()}}}}})}};
  if (const Json* v = Get(p, "AwsIotSqlVersion"); Truthy(v))
    payload["AwsIotSqlVersion"] = *v;
  rule["Properties"]["TopicRulePayload"] = payload;
  out->push_back(Generated{event.logical_id, std::move(rule)});
  return Ok();
}

}  // namespace cfnx::sam
