// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Schedule: an AWS::Events::Rule with a ScheduleExpression targeting the function, plus the
// permission for EventBridge to invoke it (and an optional dead-letter queue).

#include "transforms/sam/events/event.h"

namespace cfnx::sam {

Status TranslateSchedule(const EventSource& event, const FunctionInfo& fn, Context& /*ctx*/,
                         GeneratedList* out) {
  const Json& p = event.properties;
  Json attrs = fn.function->PassthroughAttributes();
  Json rule = NewResource("AWS::Events::Rule", attrs);
  Json& rp = rule["Properties"];
  if (const Json* s = Get(p, "Schedule"))
    rp["ScheduleExpression"] = *s;
  const Json* state = Get(p, "State");
  const Json* enabled = Get(p, "Enabled");
  bool has_enabled = enabled != nullptr && !enabled->is_null();
  if (Truthy(state) && has_enabled)
    return EventError(event.id, "State and Enabled Properties cannot both be specified.");
  if (Truthy(state))
    rp["State"] = *state;
  if (has_enabled)
    rp["State"] = Truthy(enabled) ? "ENABLED" : "DISABLED";
  for (const char* name : {"Name", "Description"}) {
    if (const Json* v = Get(p, name); v != nullptr && !v->is_null())
      rp[name] = *v;
  }
  Json rule_arn = GetAtt(event.logical_id, "Arn");
  GeneratedList extra;
  Json dlq_arn;
  const Json* dlq = Get(p, "DeadLetterConfig");
  if (dlq != nullptr && !dlq->is_null()) {
    SAM_TRY(ValidateDlqConfig(event, *dlq));
    SAM_TRY(DlqQueueArn(event, *dlq, rule_arn, attrs, &extra, &dlq_arn));
  }
  Json target = Json{{"Arn", fn.TargetArn()}, {"Id", TargetId(event.logical_id)}};
  if (const Json* v = Get(p, "Input"); v != nullptr && !v->is_null())
    target["Input"] = *v;
  if (dlq != nullptr && !dlq->is_null())
    target["DeadLetterConfig"] = Json{{"Arn", dlq_arn}};
  if (const Json* v = Get(p, "RetryPolicy"); v != nullptr && !v->is_null())
    target["RetryPolicy"] = *v;
  rp["Targets"] = Json::array({target});
  out->push_back(Generated{event.logical_id, std::move(rule)});
  for (Generated& g : extra)
    out->push_back(std::move(g));
  out->push_back(MakePermission(event, fn, "", "events.amazonaws.com", &rule_arn));
  return Ok();
}

}  // namespace cfnx::sam
