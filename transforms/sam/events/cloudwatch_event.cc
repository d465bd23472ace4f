// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// CloudWatchEvent and EventBridgeRule: an AWS::Events::Rule with an EventPattern targeting the
// function, the invoke permission, and an optional dead-letter queue.

#include "transforms/sam/events/event.h"

namespace cfnx::sam {

Status TranslateCloudWatchEvent(const EventSource& event, const FunctionInfo& fn, Context& /*ctx*/,
                                GeneratedList* out) {
  const Json& p = event.properties;
  Json attrs = fn.function->PassthroughAttributes();
  Json rule = NewResource("AWS::Events::Rule", attrs);
  Json& rp = rule["Properties"];
  auto set = [&](const char* from, const char* to) {
    if (const Json* v = Get(p, from); v != nullptr && !v->is_null())
      rp[to] = *v;
  };
  set("EventBusName", "EventBusName");
  set("Pattern", "EventPattern");
  set("RuleName", "Name");
  Json rule_arn = GetAtt(event.logical_id, "Arn");
  const Json* dlq = Get(p, "DeadLetterConfig");
  Json dlq_arn;
  if (dlq != nullptr && !dlq->is_null()) {
    SAM_TRY(ValidateDlqConfig(event, *dlq));
    SAM_TRY(DlqQueueArn(event, *dlq, rule_arn, attrs, out, &dlq_arn));
  }
  const Json* state = Get(p, "State");
  const Json* enabled = Get(p, "Enabled");
  bool has_enabled = enabled != nullptr && !enabled->is_null();
  if (Truthy(state) && has_enabled)
    return EventError(event.id, "State and Enabled Properties cannot both be specified.");
  if (Truthy(state))
    rp["State"] = *state;
  if (has_enabled)
    rp["State"] = Truthy(enabled) ? "ENABLED" : "DISABLED";
  const Json* target_prop = Get(p, "Target");
  Json id = Truthy(target_prop) && target_prop->contains("Id") ? (*target_prop)["Id"]
                                                               : TargetId(event.logical_id);
  Json target = Json{{"Arn", fn.TargetArn()}, {"Id", id}};
  for (const char* name : {"Input", "InputPath"}) {
    if (const Json* v = Get(p, name); v != nullptr && !v->is_null())
      target[name] = *v;
  }
  if (dlq != nullptr && !dlq->is_null())
    target["DeadLetterConfig"] = Json{{"Arn", dlq_arn}};
  for (const char* name : {"RetryPolicy", "InputTransformer"}) {
    if (const Json* v = Get(p, name); v != nullptr && !v->is_null())
      target[name] = *v;
  }
  rp["Targets"] = Json::array({target});
  out->push_back(Generated{event.logical_id, std::move(rule)});
  out->push_back(MakePermission(event, fn, "", "events.amazonaws.com", &rule_arn));
  return Ok();
}

}  // namespace cfnx::sam
