// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "transforms/sam/events/sfn_event.h"
#include "transforms/sam/rest_api.h"

namespace cfnx::sam {
namespace {

std::vector<PropertySpec> SfnEventSpecs(const std::string& type) {
  if (type == "Schedule") {
    return {{"Schedule", PropType::kString, true},
            {"Input", PropType::kString},
            {"Enabled", PropType::kBool},
            {"State", PropType::kString},
            {"Name", PropType::kString},
            {"Description", PropType::kString},
            {"DeadLetterConfig", PropType::kDict},
            {"RetryPolicy", PropType::kDict},
            {"Target", PropType::kDict, false, false},
            {"RoleArn", PropType::kString, false, false}};
  }
  if (type == "CloudWatchEvent" || type == "EventBridgeRule") {
    return {{"EventBusName", PropType::kString},
            {"RuleName", PropType::kString},
            {"Pattern", PropType::kDict},
            {"Input", PropType::kString},
            {"InputPath", PropType::kString},
            {"DeadLetterConfig", PropType::kDict},
            {"RetryPolicy", PropType::kDict},
            {"State", PropType::kString},
            {"Target", PropType::kDict, false, false},
            {"InputTransformer", PropType::kDict}};
  }
  if (type == "Api") {
    return {{"Path", PropType::kString, true},
            {"Method", PropType::kString, true},
            {"RestApiId", PropType::kString, true},
            {"Stage", PropType::kString},
            {"Auth", PropType::kDict},
            {"UnescapeMappingTemplate", PropType::kBool, false, false}};
  }
  return PushEventSpecs(type);  // ScheduleV2: the same table as for functions
}

bool IsAlphanumeric(const std::string& id) {
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
      return false;
  }
  return !id.empty();
}

bool IsSfnEventType(const Json* type) {
  if (type == nullptr || !type->is_string())
    return false;
  for (const char* name : {"Schedule", "ScheduleV2", "CloudWatchEvent", "EventBridgeRule", "Api"}) {
    if (*type == name)
      return true;
  }
  return false;
}

const Json* Present(const Json& props, const char* name) {
  const Json* v = Get(props, name);
  return v != nullptr && !v->is_null() ? v : nullptr;
}

// EventSource._construct_role: "<event logical id>Role", which EventBridge assumes to start
// an execution of the target.
Generated StartExecutionRole(const EventSource& event, const StateMachineTarget& target,
                             const Json& attributes) {
  std::string role_id = event.logical_id + "Role";
  Json role = NewResource("AWS::IAM::Role", attributes);
  Json& p = role["Properties"];
  p["AssumeRolePolicyDocument"] = AssumeRolePolicyFor("events.amazonaws.com");
  p["Policies"] = Json::array({Json{
      {"PolicyName", role_id + "StartExecutionPolicy"},
      {"PolicyDocument", Json{{"Statement", Json::array({Json{{"Action", "states:StartExecution"},
                                                              {"Effect", "Allow"},
                                                              {"Resource", target.Arn()}}})}}}}});
  if (Truthy(target.permissions_boundary))
    p["PermissionsBoundary"] = *target.permissions_boundary;
  return Generated{role_id, std::move(role)};
}

Json TargetIdFor(const EventSource& event) {
  if (const Json* t = Get(event.properties, "Target"); Truthy(t) && t->is_object()) {
    if (const Json* id = Get(*t, "Id"))
      return *id;
  }
  const std::string suffix = "StepFunctionsTarget";
  if (event.logical_id.size() + suffix.size() <= 64)
    return event.logical_id + suffix;
  return event.logical_id.substr(0, 64 - suffix.size()) + suffix;
}

Status TranslateSchedule(const EventSource& event, const StateMachineTarget& target,
                         GeneratedList* out) {
  const Json& p = event.properties;
  Json attrs = target.state_machine->PassthroughAttributes();
  Json rule = NewResource("AWS::Events::Rule", attrs);
  Json& rp = rule["Properties"];
  if (const Json* s = Present(p, "Schedule"))
    rp["ScheduleExpression"] = *s;
  const Json* state = Get(p, "State");
  const Json* enabled = Present(p, "Enabled");
  if (Truthy(state) && enabled != nullptr)
    return EventError(event.id, "State and Enabled Properties cannot both be specified.");
  if (Truthy(state))
    rp["State"] = *state;
  if (enabled != nullptr)
    rp["State"] = Truthy(enabled) ? "ENABLED" : "DISABLED";
  for (const char* name : {"Name", "Description"}) {
    if (const Json* v = Present(p, name))
      rp[name] = *v;
  }
  GeneratedList extra;
  Json role_arn;
  if (const Json* given = Present(p, "RoleArn")) {
    role_arn = *given;
  } else {
    extra.push_back(StartExecutionRole(event, target, attrs));
    role_arn = GetAtt(extra.back().logical_id, "Arn");
  }
  Json rule_arn = GetAtt(event.logical_id, "Arn");
  Json dlq_arn;
  const Json* dlq = Present(p, "DeadLetterConfig");
  if (dlq != nullptr) {
    SAM_TRY(ValidateDlqConfig(event, *dlq));
    SAM_TRY(DlqQueueArn(event, *dlq, rule_arn, attrs, &extra, &dlq_arn));
  }
  Json t = Json{{"Arn", target.Arn()}, {"Id", TargetIdFor(event)}, {"RoleArn", role_arn}};
  if (const Json* v = Present(p, "Input"))
    t["Input"] = *v;
  if (dlq != nullptr)
    t["DeadLetterConfig"] = Json{{"Arn", dlq_arn}};
  if (const Json* v = Present(p, "RetryPolicy"))
    t["RetryPolicy"] = *v;
  rp["Targets"] = Json::array({t});
  out->push_back(Generated{event.logical_id, std::move(rule)});
  for (Generated& g : extra)
    out->push_back(std::move(g));
  return Ok();
}

Status TranslateRule(const EventSource& event, const StateMachineTarget& target,
                     GeneratedList* out) {
  const Json& p = event.properties;
  Json attrs = target.state_machine->PassthroughAttributes();
  Json rule = NewResource("AWS::Events::Rule", attrs);
  Json& rp = rule["Properties"];
  if (const Json* v = Present(p, "EventBusName"))
    rp["EventBusName"] = *v;
  if (const Json* v = Present(p, "Pattern"))
    rp["EventPattern"] = *v;
  if (const Json* v = Present(p, "RuleName"))
    rp["Name"] = *v;
  if (const Json* state = Get(p, "State"); Truthy(state))
    rp["State"] = *state;
  GeneratedList extra;
  extra.push_back(StartExecutionRole(event, target, attrs));
  Json role_arn = GetAtt(extra.back().logical_id, "Arn");
  Json rule_arn = GetAtt(event.logical_id, "Arn");
  Json dlq_arn;
  const Json* dlq = Present(p, "DeadLetterConfig");
  if (dlq != nullptr) {
    SAM_TRY(ValidateDlqConfig(event, *dlq));
    SAM_TRY(DlqQueueArn(event, *dlq, rule_arn, attrs, &extra, &dlq_arn));
  }
  Json t = Json{{"Arn", target.Arn()}, {"Id", TargetIdFor(event)}, {"RoleArn", role_arn}};
  for (const char* name : {"Input", "InputPath"}) {
    if (const Json* v = Present(p, name))
      t[name] = *v;
  }
  if (dlq != nullptr)
    t["DeadLetterConfig"] = Json{{"Arn", dlq_arn}};
  for (const char* name : {"RetryPolicy", "InputTransformer"}) {
    if (const Json* v = Present(p, name))
      t[name] = *v;
  }
  rp["Targets"] = Json::array({t});
  out->push_back(Generated{event.logical_id, std::move(rule)});
  for (Generated& g : extra)
    out->push_back(std::move(g));
  return Ok();
}

}  // namespace

Status ParseStateMachineEvents(const SamResource& sm, Context& ctx, std::vector<EventSource>* out) {
  const Json* events = sm.Prop("Events");
  if (!Truthy(events) || !events->is_object())
    return Ok();
  // The reference iterates Events as the template holds them: a Python 2.7 dict once the
  // template has a REST API (Py27Dict), else in document order.
  std::vector<std::string> ids;
  if (ctx.rest_apis != nullptr && ctx.rest_apis->py27) {
    Py27Keys keys;
    for (auto it = events->begin(); it != events->end(); ++it)
      keys.Add(it.key());
    for (const std::string* k : keys.Order())
      ids.push_back(*k);
  } else {
    for (auto it = events->begin(); it != events->end(); ++it)
      ids.push_back(it.key());
  }
  for (const std::string& event_id : ids) {
    const Json& dict = (*events)[event_id];
    std::vector<std::string> path = {"Properties", "Events", event_id};
    if (!dict.is_object()) {
      return ResourceError(
          sm.logical_id,
          EventError(event_id, "'" + PyTypeName(dict) + "' object has no attribute 'get'")
              .Message(),
          path);
    }
    const Json* type = Get(dict, "Type");
    if (!IsSfnEventType(type)) {
      return ResourceError(
          sm.logical_id,
          EventError(event_id,
                     "Resource dict has missing or invalid value for key Type. Event Type is: " +
                         (type != nullptr ? PyStr(*type) : std::string("None")) + ".")
              .Message(),
          path);
    }
    EventSource source;
    source.id = event_id;
    source.logical_id = sm.logical_id + event_id;
    if (!IsAlphanumeric(source.logical_id))
      return ResourceError(source.logical_id, "Logical ids must be alphanumeric.", path);
    source.type = type->get<std::string>();
    source.dict = &dict;
    const Json* props = Get(dict, "Properties");
    if (props != nullptr && !props->is_object()) {
      return ResourceError(source.logical_id, "Properties of a resource must be an object.", path);
    }
    if (props != nullptr)
      source.properties = *props;
    SamResource as_resource;
    as_resource.logical_id = source.logical_id;
    as_resource.type = source.type;
    as_resource.dict = &dict;
    as_resource.properties = source.properties;
    if (Status st = ValidateProperties(as_resource, SfnEventSpecs(source.type)); !st.ok()) {
      Error e = st.error();
      e.path.insert(e.path.begin(), path.begin(), path.end());
      return e;
    }
    if (source.type == "Api") {
      // resources_to_link_for_rest_api; its event errors become the state machine's.
      if (Status st = LinkApi(source, ctx); !st.ok()) {
        if (st.error().kind == ErrorKind::kEvent)
          return WrapInResource(sm.logical_id, st.error());
        return st;
      }
    }
    out->push_back(std::move(source));
  }
  return Ok();
}

Status TranslateStateMachineEvent(const EventSource& event, const StateMachineTarget& target,
                                  Context& ctx, GeneratedList* out) {
  if (event.type == "Api")
    return TranslateStateMachineApi(event, target, ctx, out);
  if (event.type == "Schedule")
    return TranslateSchedule(event, target, out);
  if (event.type == "ScheduleV2") {
    return BuildScheduleV2(event, target.state_machine->PassthroughAttributes(), target.Arn(),
                           ScheduleV2InvokePolicy(event.logical_id + "StartExecutionPolicy",
                                                  "states:StartExecution", target.Arn()),
                           out);
  }
  return TranslateRule(event, target, out);
}

}  // namespace cfnx::sam
