// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// EventInvokeConfig of AWS::Serverless::Function: asynchronous invocation settings and
// destinations. A destination of Type SQS or SNS given without an ARN (or only in one branch of
// an Fn::If) gets a queue or topic created for it, conditioned like the branch that lacks one.
// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-eventinvokeconfiguration.html

#include "transforms/sam/intrinsics.h"
#include "transforms/sam/sam.h"

namespace cfnx::sam {
namespace {

constexpr const char* kAcceptedTypes = "['SQS', 'SNS', 'EventBridge', 'Lambda', 'S3Bucket']";

// _make_gen_condition_name: the name plus a hash of `hash_input`, registered in Conditions.
std::string GeneratedConditionName(const std::string& name, const std::string& hash_input) {
  Json data = hash_input;
  return GenerateLogicalId(name, &data);
}

Json RolePolicy(const std::string& type, const std::string& logical_id, const Json& arn) {
  auto statement = [](const char* action, const Json& resource) {
    return Json{{"Action", action}, {"Effect", "Allow"}, {"Resource", resource}};
  };
  Json statements = Json::array();
  std::string suffix;
  if (type == "SQS") {
    suffix = "SQSPolicy";
    statements.push_back(statement("sqs:SendMessage", arn));
  } else if (type == "SNS") {
    suffix = "SNSPolicy";
    statements.push_back(statement("sns:publish", arn));
  } else if (type == "EventBridge") {
    suffix = "EventBridgePolicy";
    statements.push_back(statement("events:PutEvents", arn));
  } else if (type == "Lambda") {
    suffix = "LambdaPolicy";
    statements.push_back(statement("lambda:InvokeFunction", arn));
  } else {
    suffix = "S3Policy";
    statements.push_back(
        statement("s3:PutObject", Json{{"Fn::Join", Json::array({"/", Json::array({arn, "*"})})}}));
    statements.push_back(statement("s3:ListBucket", arn));
  }
  return Json{{"PolicyName", logical_id + suffix},
              {"PolicyDocument", Json{{"Statement", std::move(statements)}}}};
}

struct Destination {
  Json arn;        // what DestinationConfig.<name>.Destination becomes
  Json policy;     // the role policy, or null
  Generated made;  // the queue/topic created for it (logical_id empty: none)
};

// _get_or_make_condition: for !If [C, X, NoValue] / !If [C, NoValue, X], the condition under
// which SAM creates the destination and the ARN used otherwise.
Status DestinationCondition(const Json& destination, const std::string& config_id, Context& ctx,
                            std::string* condition, Json* other_arn) {
  condition->clear();
  if (!IsIntrinsic(destination, "Fn::If"))
    return Ok();
  const Json& items = *destination.begin();
  if (!items.is_array() || items.size() != 3) {
    return ResourceError(config_id,
                         "Malformed 'Destination' property: Fn::If requires 3 arguments.");
  }
  if (IsNoValue(items[1]) && IsNoValue(items[2]))
    return Ok();
  if (IsNoValue(items[1])) {
    *condition = PyStr(items[0]);
    *other_arn = items[2];
  } else if (IsNoValue(items[2])) {
    *condition = GeneratedConditionName("NOT" + PyStr(items[0]), config_id);
    ctx.Conditions()[*condition] = Json{{"Fn::Not", Json::array({Json{{"Condition", items[0]}}})}};
    *other_arn = items[1];
  }
  return Ok();
}

Status InjectDestination(const SamResource& r, Context& ctx, const Json& config,
                         const std::string& event, const std::string& config_id, Destination* out) {
  const Json* type = Get(config, "Type");
  std::string type_name = type != nullptr && type->is_string() ? type->get<std::string>() : "";
  if (type_name != "SQS" && type_name != "SNS" && type_name != "EventBridge" &&
      type_name != "Lambda" && type_name != "S3Bucket") {
    return ResourceError(r.logical_id,
                         "'Type: " + (type != nullptr ? PyStr(*type) : std::string("None")) +
                             "' must be one of " + kAcceptedTypes,
                         {"Properties", "EventInvokeConfig"});
  }
  const Json* destination = Get(config, "Destination");
  bool has_destination = destination != nullptr && !destination->is_null();
  std::string resource_id = config_id + event;
  out->arn = has_destination ? *destination : Json();
  std::string condition;
  Json other_arn;
  if (has_destination)
    SAM_TRY(DestinationCondition(*destination, config_id, ctx, &condition, &other_arn));
  if (!has_destination || !condition.empty()) {
    const Json* resource_condition = Get(*r.dict, "Condition");
    std::string combined = condition;
    if (resource_condition != nullptr && !condition.empty()) {
      combined =
          GeneratedConditionName(PyStr(*resource_condition) + "AND" + condition, r.logical_id);
      // make_and_condition wraps each (already wrapped) condition once more.
      Json a = Json{{"Condition", Json{{"Condition", *resource_condition}}}};
      Json b = Json{{"Condition", Json{{"Condition", condition}}}};
      ctx.Conditions()[combined] = Json{{"Fn::And", Json::array({a, b})}};
    } else if (resource_condition != nullptr) {
      combined = PyStr(*resource_condition);
    }
    if (type_name != "SQS" && type_name != "SNS") {
      return ResourceError(r.logical_id, "Destination is required if Type is not ['SQS', 'SNS']",
                           {"Properties", "EventInvokeConfig"});
    }
    bool sqs = type_name == "SQS";
    Json made = NewResource(sqs ? "AWS::SQS::Queue" : "AWS::SNS::Topic", r.PassthroughAttributes());
    if (!combined.empty())
      made["Condition"] = combined;
    out->made = Generated{resource_id + (sqs ? "Queue" : "Topic"), std::move(made)};
    Json arn = sqs ? GetAtt(out->made.logical_id, "Arn") : Ref(out->made.logical_id);
    if (!condition.empty())
      arn = Json{{"Fn::If", Json::array({condition, arn, other_arn})}};
    out->arn = arn;
    out->policy = RolePolicy(type_name, resource_id, arn);
  } else {
    out->policy = RolePolicy(type_name, resource_id, *destination);
  }
  return Ok();
}

}  // namespace

Status ConstructEventInvokeConfig(const SamResource& r, Context& ctx, const std::string& alias_name,
                                  const std::string& alias_id, GeneratedList* out, Json* policies) {
  Json resolved = ResolveParameterRefs(*r.Prop("EventInvokeConfig"), ctx.parameters);
  std::string config_id = r.logical_id + "EventInvokeConfig";
  Json attributes = Json::object();
  for (const char* name :
       {"DeletionPolicy", "UpdatePolicy", "Condition", "UpdateReplacePolicy", "Metadata"}) {
    if (const Json* v = Get(*r.dict, name))
      attributes[name] = *v;
  }
  Json config = NewResource("AWS::Lambda::EventInvokeConfig");
  if (!alias_id.empty())
    config["DependsOn"] = Json::array({alias_id});
  for (auto it = attributes.begin(); it != attributes.end(); ++it)
    config[it.key()] = it.value();

  Json destinations = Json::object();
  const Json* given = Get(resolved, "DestinationConfig");
  if (Truthy(given)) {
    std::vector<std::string> path = {"Properties", "EventInvokeConfig", "DestinationConfig"};
    if (!given->is_object()) {
      return ResourceError(r.logical_id,
                           "Property 'EventInvokeConfig.DestinationConfig' should be a map.", path);
    }
    for (const char* name : {"OnSuccess", "OnFailure"}) {
      const Json* value = Get(*given, name);
      if (value == nullptr || value->is_null())
        continue;
      if (!value->is_object()) {
        return ResourceError(r.logical_id,
                             std::string("Property 'EventInvokeConfig.DestinationConfig.") + name +
                                 "' should be a map.",
                             path);
      }
      Destination d;
      SAM_TRY(InjectDestination(r, ctx, *value, name, config_id, &d));
      destinations[name] = Json{{"Destination", d.arn}};
      if (!d.made.logical_id.empty())
        out->push_back(std::move(d.made));
      if (!d.policy.is_null())
        policies->push_back(std::move(d.policy));
    }
  }
  Json& p = config["Properties"];
  p["FunctionName"] = Ref(r.logical_id);
  p["Qualifier"] = alias_name.empty() ? "$LATEST" : alias_name;
  p["DestinationConfig"] = std::move(destinations);
  for (const char* name : {"MaximumEventAgeInSeconds", "MaximumRetryAttempts"}) {
    if (const Json* v = Get(resolved, name); v != nullptr && !v->is_null())
      p[name] = *v;
  }
  out->push_back(Generated{config_id, std::move(config)});
  return Ok();
}

}  // namespace cfnx::sam
