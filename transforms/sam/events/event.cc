// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "transforms/sam/events/event.h"

#include <algorithm>

#include "transforms/sam/http_api.h"
#include "transforms/sam/rest_api.h"

namespace cfnx::sam {
namespace {

using SpecsFn = std::vector<PropertySpec> (*)(const std::string&);
using LinkFn = Status (*)(const EventSource&, Context&);

struct EventType {
  const char* name;
  EventTranslator translate;  // nullptr: not expanded by cfnx yet
  SpecsFn specs = nullptr;
  LinkFn link = nullptr;
};

const EventType kEventTypes[] = {
    {"SQS", &TranslatePullEvent, &PullEventSpecs},
    {"Kinesis", &TranslatePullEvent, &PullEventSpecs},
    {"DynamoDB", &TranslatePullEvent, &PullEventSpecs},
    {"MSK", &TranslatePullEvent, &PullEventSpecs},
    {"MQ", &TranslatePullEvent, &PullEventSpecs},
    {"SelfManagedKafka", &TranslatePullEvent, &PullEventSpecs},
    {"DocumentDB", &TranslatePullEvent, &PullEventSpecs},
    {"S3", &TranslateS3, &PushEventSpecs, &LinkS3},
    {"SNS", &TranslateSns, &PushEventSpecs},
    {"Api", &TranslateApiEvent, &ApiEventSpecs, &LinkApi},
    {"HttpApi", &TranslateHttpApiEvent, &HttpApiEventSpecs},
    {"Schedule", &TranslateSchedule, &PushEventSpecs},
    {"ScheduleV2", &TranslateScheduleV2, &PushEventSpecs},
    {"CloudWatchEvent", &TranslateCloudWatchEvent, &PushEventSpecs},
    {"EventBridgeRule", &TranslateCloudWatchEvent, &PushEventSpecs},
    {"CloudWatchLogs", &TranslateCloudWatchLogs, &PushEventSpecs},
    {"IoTRule", &TranslateIoTRule, &PushEventSpecs},
    {"AlexaSkill", &TranslateAlexaSkill, &PushEventSpecs},
    {"Cognito", &TranslateCognito, &PushEventSpecs, &LinkCognito},
};

std::string OrderKey(const std::string& id, const Json& dict) {
  const Json* props = Get(dict, "Properties");
  if (props != nullptr) {
    const Json* path = Get(*props, "Path");
    if (path != nullptr && path->is_string())
      return path->get<std::string>();
  }
  return id;
}

}  // namespace

Status ParseEvents(const SamResource& function, Context& ctx, std::vector<EventSource>* out) {
  const Json* events = function.Prop("Events");
  if (!Truthy(events))
    return Ok();
  for (auto it = events->begin(); it != events->end(); ++it) {
    const Json& dict = it.value();
    if (!dict.is_object()) {
      // The reference's resolver calls .get on it: the AttributeError becomes the message.
      return ResourceError(
          function.logical_id,
          EventError(it.key(), "'" + PyTypeName(dict) + "' object has no attribute 'get'")
              .Message(),
          {"Properties", "Events", it.key()});
    }
    const Json* type = Get(dict, "Type");
    const EventType* entry = nullptr;
    if (type != nullptr && type->is_string()) {
      for (const EventType& e : kEventTypes) {
        if (*type == e.name)
          entry = &e;
      }
    }
    if (entry == nullptr) {
      return ResourceError(
          function.logical_id,
          EventError(it.key(),
                     "Resource dict has missing or invalid value for key Type. Event "
                     "Type is: " +
                         (type != nullptr ? PyStr(*type) : std::string("None")) + ".")
              .Message(),
          {"Properties", "Events", it.key()});
    }
    if (entry->translate == nullptr) {
      return UnsupportedError(function.logical_id,
                              "cfnx does not expand " + std::string(entry->name) +
                                  " event sources yet (event " + it.key() + ")",
                              {"Properties", "Events", it.key()});
    }
    EventSource source;
    source.id = it.key();
    source.logical_id = function.logical_id + it.key();
    source.type = entry->name;
    source.dict = &dict;
    if (const Json* props = Get(dict, "Properties"); props != nullptr && props->is_object())
      source.properties = *props;
    source.translate = entry->translate;
    // from_dict's property checks (against the event's own logical id), then the link check.
    SamResource as_resource;
    as_resource.logical_id = source.logical_id;
    as_resource.type = source.type;
    as_resource.dict = &dict;
    as_resource.properties = source.properties;
    if (Status st = ValidateProperties(as_resource, entry->specs(source.type)); !st.ok()) {
      Error e = st.error();
      e.path.insert(e.path.begin(), {"Properties", "Events", source.id});
      return e;
    }
    if (entry->link != nullptr) {
      if (Status st = entry->link(source, ctx); !st.ok()) {
        if (st.error().kind == ErrorKind::kResource)
          return st;  // about the linked resource itself
        return WrapInResource(function.logical_id, st.error());
      }
    }
    out->push_back(std::move(source));
  }
  std::stable_sort(out->begin(), out->end(), [](const EventSource& a, const EventSource& b) {
    return OrderKey(a.id, *a.dict) < OrderKey(b.id, *b.dict);
  });
  return Ok();
}

Json* FindRole(const FunctionInfo& fn, GeneratedList* resources) {
  if (fn.role_id.empty())
    return nullptr;
  for (Generated& g : *resources) {
    if (g.logical_id == fn.role_id)
      return &g.resource;
  }
  return nullptr;
}

Generated MakePermission(const EventSource& event, const FunctionInfo& fn,
                         const std::string& suffix, const Json& principal, const Json* source_arn,
                         const Json* source_account, const Json* event_source_token) {
  Json perm = NewResource("AWS::Lambda::Permission", fn.function->PassthroughAttributes());
  Json& p = perm["Properties"];
  p["Action"] = "lambda:InvokeFunction";
  p["FunctionName"] = fn.TargetRef();
  p["Principal"] = principal;
  if (source_arn != nullptr)
    p["SourceArn"] = *source_arn;
  if (source_account != nullptr)
    p["SourceAccount"] = *source_account;
  if (event_source_token != nullptr)
    p["EventSourceToken"] = *event_source_token;
  return Generated{event.logical_id + "Permission" + suffix, std::move(perm)};
}

}  // namespace cfnx::sam
