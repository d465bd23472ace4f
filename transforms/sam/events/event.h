// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Event sources of AWS::Serverless::Function (`Events:`): one translator per type, each in its
// own file, dispatched by events/event.cc. An event may add resources and change the
// function's generated execution role (managed policies, inline policies).

#ifndef CFNX_TRANSFORMS_SAM_EVENTS_EVENT_H_
#define CFNX_TRANSFORMS_SAM_EVENTS_EVENT_H_

#include <string>
#include <vector>

#include "transforms/sam/sam.h"

namespace cfnx::sam {

struct FunctionInfo {
  std::string logical_id;  // the Lambda function
  std::string alias_id;    // the AutoPublishAlias alias, or ""
  std::string role_id;     // the generated execution role, or "" when the user gave Role
  const SamResource* function = nullptr;

  // What event sources connect to: the alias when there is one, else the function.
  std::string TargetId() const { return alias_id.empty() ? logical_id : alias_id; }
  Json TargetRef() const { return Ref(TargetId()); }
  Json TargetArn() const { return alias_id.empty() ? GetAtt(logical_id, "Arn") : Ref(alias_id); }
};

struct EventSource;
using EventTranslator = Status (*)(const EventSource&, const FunctionInfo&, Context&,
                                   GeneratedList*);

struct EventSource {
  std::string id;          // as written under Events
  std::string logical_id;  // function id + event id: the prefix of generated ids
  std::string type;
  Json properties = Json::object();
  const Json* dict = nullptr;
  EventTranslator translate = nullptr;
};

// Validates the function's Events and returns them in the reference's processing order.
Status ParseEvents(const SamResource& function, Context& ctx, std::vector<EventSource>* out);

// The generated execution role in `resources`, or nullptr.
Json* FindRole(const FunctionInfo& fn, GeneratedList* resources);
// AWS::Lambda::Permission for `principal` invoking the function (push sources).
Generated MakePermission(const EventSource& event, const FunctionInfo& fn,
                         const std::string& suffix, const Json& principal, const Json* source_arn,
                         const Json* source_account = nullptr,
                         const Json* event_source_token = nullptr);

// The property tables events are validated against before any of them is translated.
std::vector<PropertySpec> PullEventSpecs(const std::string& type);
std::vector<PropertySpec> PushEventSpecs(const std::string& type);

// EventBridge rule helpers shared by Schedule and CloudWatchEvent/EventBridgeRule.
Json TargetId(const std::string& logical_id);
Status ValidateDlqConfig(const EventSource& event, const Json& config);
Status DlqQueueArn(const EventSource& event, const Json& config, const Json& rule_arn,
                   const Json& attributes, GeneratedList* out, Json* queue_arn);

// Checks that the resource an event rewrites exists (the reference's resources_to_link).
Status LinkS3(const EventSource& event, Context& ctx);
Status LinkCognito(const EventSource& event, Context& ctx);

Status TranslatePullEvent(const EventSource& event, const FunctionInfo& fn, Context& ctx,
                          GeneratedList* out);
Status TranslateSchedule(const EventSource& event, const FunctionInfo& fn, Context& ctx,
                         GeneratedList* out);
Status TranslateScheduleV2(const EventSource& event, const FunctionInfo& fn, Context& ctx,
                           GeneratedList* out);
// ScheduleV2 for any target (functions and state machines): the schedule, its dead-letter
// queue and the execution role whose first policy is `invoke_policy`.
Status BuildScheduleV2(const EventSource& event, const Json& attrs, const Json& target_arn,
                       const Json& invoke_policy, GeneratedList* out);
// {"PolicyName": name, "PolicyDocument": {"Statement": [{action on target_arn}]}}.
Json ScheduleV2InvokePolicy(const std::string& name, const char* action, const Json& target_arn);
Status TranslateCloudWatchEvent(const EventSource& event, const FunctionInfo& fn, Context& ctx,
                                GeneratedList* out);
Status TranslateCloudWatchLogs(const EventSource& event, const FunctionInfo& fn, Context& ctx,
                               GeneratedList* out);
Status TranslateIoTRule(const EventSource& event, const FunctionInfo& fn, Context& ctx,
                        GeneratedList* out);
Status TranslateAlexaSkill(const EventSource& event, const FunctionInfo& fn, Context& ctx,
                           GeneratedList* out);
Status TranslateSns(const EventSource& event, const FunctionInfo& fn, Context& ctx,
                    GeneratedList* out);
Status TranslateS3(const EventSource& event, const FunctionInfo& fn, Context& ctx,
                   GeneratedList* out);
Status TranslateCognito(const EventSource& event, const FunctionInfo& fn, Context& ctx,
                        GeneratedList* out);

}  // namespace cfnx::sam

#endif  // CFNX_TRANSFORMS_SAM_EVENTS_EVENT_H_
