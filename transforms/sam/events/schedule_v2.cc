// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// ScheduleV2: an AWS::Scheduler::Schedule targeting the function (or a state machine), with an
// execution role the scheduler assumes to invoke it (unless RoleArn is given) and an optional
// dead-letter queue.
// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-schedulev2.html

#include "transforms/sam/events/event.h"

namespace cfnx::sam {
namespace {

Json Statement(const char* action, const Json& resource) {
  return Json{{"Action", action}, {"Effect", "Allow"}, {"Resource", resource}};
}

Json ExecutionRole(const EventSource& event, const Json& invoke_policy, const Json& attributes,
                   const Json* dlq_arn) {
  const Json& p = event.properties;
  Json role = NewResource("AWS::IAM::Role", attributes);
  Json& props = role["Properties"];
  props["AssumeRolePolicyDocument"] = AssumeRolePolicyFor("scheduler.amazonaws.com");
  Json policies = Json::array();
  policies.push_back(invoke_policy);
  if (dlq_arn != nullptr && Truthy(dlq_arn)) {
    policies.push_back(
        Json{{"PolicyName", event.logical_id + "SQSPolicy"},
             {"PolicyDocument",
              Json{{"Statement", Json::array({Statement("sqs:SendMessage", *dlq_arn)})}}}});
  }
  props["Policies"] = std::move(policies);
  if (const Json* boundary = Get(p, "PermissionsBoundary"); Truthy(boundary))
    props["PermissionsBoundary"] = *boundary;
  return role;
}

}  // namespace

Json ScheduleV2InvokePolicy(const std::string& name, const char* action, const Json& target_arn) {
  return Json{
      {"PolicyName", name},
      {"PolicyDocument", Json{{"Statement", Json::array({Statement(action, target_arn)})}}}};
}

Status TranslateScheduleV2(const EventSource& event, const FunctionInfo& fn, Context& /*ctx*/,
                           GeneratedList* out) {
  return BuildScheduleV2(event, fn.function->PassthroughAttributes(), fn.TargetArn(),
                         ScheduleV2InvokePolicy(event.logical_id + "LambdaPolicy",
                                                "lambda:InvokeFunction", fn.TargetArn()),
                         out);
}

Status BuildScheduleV2(const EventSource& event, const Json& attrs, const Json& target_arn,
                       const Json& invoke_policy, GeneratedList* out) {
  const Json& p = event.properties;
  Json schedule = NewResource("AWS::Scheduler::Schedule", attrs);
  Json& sp = schedule["Properties"];
  auto present = [&](const char* name) -> const Json* {
    const Json* v = Get(p, name);
    return v != nullptr && !v->is_null() ? v : nullptr;
  };
  if (const Json* v = present("ScheduleExpression"))
    sp["ScheduleExpression"] = *v;
  if (const Json* v = Get(p, "State"); Truthy(v))
    sp["State"] = *v;
  if (Truthy(Get(p, "OmitName"))) {
    if (Truthy(Get(p, "Name")))
      return EventError(event.logical_id, "Name cannot be set when OmitName is True");
  } else {
    const Json* name = Get(p, "Name");
    sp["Name"] = Truthy(name) ? *name : Json(event.logical_id);
  }
  if (const Json* v = present("Description"))
    sp["Description"] = *v;
  const Json* window = Get(p, "FlexibleTimeWindow");
  sp["FlexibleTimeWindow"] = Truthy(window) ? *window : Json{{"Mode", "OFF"}};
  for (const char* name :
       {"StartDate", "EndDate", "ScheduleExpressionTimezone", "GroupName", "KmsKeyArn"}) {
    if (const Json* v = present(name))
      sp[name] = *v;
  }

  GeneratedList extra;
  Json dlq_arn;
  const Json* dlq = present("DeadLetterConfig");
  if (dlq != nullptr) {
    SAM_TRY(ValidateDlqConfig(event, *dlq));
    if (const Json* arn = Get(*dlq, "Arn"); arn != nullptr && !arn->is_null()) {
      dlq_arn = *arn;
    } else {
      const Json* queue_id = Get(*dlq, "QueueLogicalId");
      if (queue_id != nullptr && !queue_id->is_null() && !queue_id->is_string())
        return EventError(event.logical_id, "QueueLogicalId must be a string");
      std::string qid =
          Truthy(queue_id) ? queue_id->get<std::string>() : event.logical_id + "Queue";
      extra.push_back(Generated{qid, NewResource("AWS::SQS::Queue", attrs)});
      dlq_arn = GetAtt(qid, "Arn");
    }
  }

  Json role_arn;
  if (const Json* given = Get(p, "RoleArn"); Truthy(given)) {
    role_arn = *given;
  } else {
    std::string role_id = event.logical_id + "Role";
    extra.push_back(Generated{
        role_id, ExecutionRole(event, invoke_policy, attrs, dlq != nullptr ? &dlq_arn : nullptr)});
    role_arn = GetAtt(role_id, "Arn");
  }

  Json target = Json{{"Arn", target_arn}, {"RoleArn", role_arn}};
  if (const Json* v = present("Input"))
    target["Input"] = *v;
  if (dlq != nullptr)
    target["DeadLetterConfig"] = Json{{"Arn", dlq_arn}};
  if (const Json* v = present("RetryPolicy"))
    target["RetryPolicy"] = *v;
  sp["Target"] = std::move(target);
  out->push_back(Generated{event.logical_id, std::move(schedule)});
  for (Generated& g : extra)
    out->push_back(std::move(g));
  return Ok();
}

}  // namespace cfnx::sam
