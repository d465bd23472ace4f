// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Pull event sources (SQS, Kinesis, DynamoDB, MSK, MQ, SelfManagedKafka, DocumentDB): one
// AWS::Lambda::EventSourceMapping each, plus the managed policy or inline statements the
// generated execution role needs to poll the source. The sources differ only in the table
// below and in their policy statements (events/pull_policies.cc).

#include "transforms/sam/events/event.h"
#include "transforms/sam/events/pull_policies.h"

namespace cfnx::sam {
namespace {

struct PullType {
  const char* name;
  const char* source_property;  // the property holding EventSourceArn, or nullptr
  std::vector<const char*> required;
  std::vector<const char*> extra;  // properties beyond the common ones
  const char* managed_policy;      // added to the role, or nullptr
};

const std::vector<PullType>& PullTypes() {
  static const std::vector<PullType> kTypes = {
      {"Kinesis",
       "Stream",
       {"Stream", "StartingPosition"},
       {"Stream"},
       "service-role/AWSLambdaKinesisExecutionRole"},
      {"DynamoDB",
       "Stream",
       {"Stream", "StartingPosition"},
       {"Stream"},
       "service-role/AWSLambdaDynamoDBExecutionRole"},
      {"SQS", "Queue", {"Queue"}, {"Queue"}, "service-role/AWSLambdaSQSQueueExecutionRole"},
      {"MSK",
       "Stream",
       {"Stream", "StartingPosition"},
       {"Stream"},
       "service-role/AWSLambdaMSKExecutionRole"},
      {"MQ", "Broker", {"Broker"}, {"Broker", "DynamicPolicyName"}, nullptr},
      {"SelfManagedKafka", nullptr, {}, {}, nullptr},
      {"DocumentDB",
       "Cluster",
       {"Cluster", "DatabaseName"},
       {"Cluster", "DatabaseName", "CollectionName", "FullDocument"},
       nullptr},
  };
  return kTypes;
}

// The common property table, in the reference's order, with each check.
const std::vector<PropertySpec>& CommonSpecs() {
  static const std::vector<PropertySpec> kSpecs = {
      {"BatchSize", PropType::kInt},
      {"StartingPosition", PropType::kAny},
      {"StartingPositionTimestamp", PropType::kAny},
      {"Enabled", PropType::kBool},
      {"MaximumBatchingWindowInSeconds", PropType::kInt},
      {"MaximumRetryAttempts", PropType::kInt},
      {"BisectBatchOnFunctionError", PropType::kBool},
      {"MaximumRecordAgeInSeconds", PropType::kInt},
      {"DestinationConfig", PropType::kDict},
      {"ParallelizationFactor", PropType::kInt},
      {"Topics", PropType::kList},
      {"Queues", PropType::kList},
      {"SourceAccessConfigurations", PropType::kList},
      {"SecretsManagerKmsKeyId", PropType::kString},
      {"TumblingWindowInSeconds", PropType::kInt},
      {"FunctionResponseTypes", PropType::kList},
      {"KafkaBootstrapServers", PropType::kList},
      {"FilterCriteria", PropType::kDict},
      {"KmsKeyArn", PropType::kAny},
      {"ConsumerGroupId", PropType::kString},
      {"ScalingConfig", PropType::kDict},
      {"ProvisionedPollerConfig", PropType::kDict},
      {"SchemaRegistryConfig", PropType::kDict},
      {"MetricsConfig", PropType::kDict},
      {"LoggingConfig", PropType::kDict},
  };
  return kSpecs;
}

const PullType& TypeOf(const std::string& name) {
  for (const PullType& t : PullTypes()) {
    if (name == t.name)
      return t;
  }
  return PullTypes()[0];
}

bool ContainsPolicyDocument(const Json& policies, const Json& doc) {
  for (const Json& p : policies) {
    const Json* d = Get(p, "PolicyDocument");
    if (d != nullptr && *d == doc)
      return true;
  }
  return false;
}

}  // namespace

std::vector<PropertySpec> PullEventSpecs(const std::string& name) {
  const PullType& type = TypeOf(name);
  std::vector<PropertySpec> specs = CommonSpecs();
  for (const char* extra : type.extra) {
    bool required = false;
    for (const char* r : type.required)
      required = required || std::string_view(r) == extra;
    bool found = false;
    for (PropertySpec& s : specs) {
      if (s.name == extra) {
        s.required = required;
        found = true;
      }
    }
    if (!found) {
      PropType t =
          std::string_view(extra) == "DynamicPolicyName" ? PropType::kBool : PropType::kAny;
      specs.push_back({extra, t, required, t != PropType::kBool});
    }
  }
  for (PropertySpec& s : specs) {
    for (const char* r : type.required) {
      if (s.name == r)
        s.required = true;
    }
  }
  return specs;
}

Status TranslatePullEvent(const EventSource& event, const FunctionInfo& fn, Context& ctx,
                          GeneratedList* out) {
  const PullType& type = TypeOf(event.type);
  const Json& props = event.properties;
  auto prop = [&](const char* name) -> const Json* {
    const Json* v = Get(props, name);
    return v != nullptr && !v->is_null() ? v : nullptr;
  };

  Json esm = NewResource("AWS::Lambda::EventSourceMapping", fn.function->PassthroughAttributes());
  Json& p = esm["Properties"];
  p["FunctionName"] = fn.TargetRef();
  if (type.source_property != nullptr) {
    if (const Json* src = prop(type.source_property))
      p["EventSourceArn"] = *src;
  }
  for (const char* name : {"StartingPosition",
                           "StartingPositionTimestamp",
                           "BatchSize",
                           "Enabled",
                           "MaximumBatchingWindowInSeconds",
                           "MaximumRetryAttempts",
                           "BisectBatchOnFunctionError",
                           "MaximumRecordAgeInSeconds",
                           "ParallelizationFactor",
                           "Topics",
                           "Queues",
                           "SourceAccessConfigurations",
                           "TumblingWindowInSeconds",
                           "FunctionResponseTypes",
                           "FilterCriteria",
                           "KmsKeyArn",
                           "ScalingConfig",
                           "ProvisionedPollerConfig",
                           "MetricsConfig",
                           "LoggingConfig"}) {
    if (const Json* v = prop(name))
      p[name] = *v;
  }
  // _validate_filter_criteria
  if (const Json* filter = prop("FilterCriteria"); Truthy(filter) && !IsIntrinsic(*filter)) {
    bool ok = filter->empty() || (filter->size() == 1 && filter->contains("Filters"));
    if (!ok)
      return EventError(event.id, "FilterCriteria field has a wrong format");
  }
  if (const Json* servers = prop("KafkaBootstrapServers"); Truthy(servers))
    p["SelfManagedEventSource"] = Json{{"Endpoints", Json{{"KafkaBootstrapServers", *servers}}}};
  if (const Json* group = prop("ConsumerGroupId"); Truthy(group)) {
    Json structure = Json{{"ConsumerGroupId", *group}};
    if (event.type == "MSK") {
      p["AmazonManagedKafkaEventSourceConfig"] = structure;
    } else if (event.type == "SelfManagedKafka") {
      p["SelfManagedKafkaEventSourceConfig"] = structure;
    } else {
      return EventError(
          event.logical_id,
          "Property ConsumerGroupId not defined for resource of type " + event.type + ".");
    }
  }
  if (const Json* registry = prop("SchemaRegistryConfig"); Truthy(registry)) {
    const char* key = event.type == "MSK"                ? "AmazonManagedKafkaEventSourceConfig"
                      : event.type == "SelfManagedKafka" ? "SelfManagedKafkaEventSourceConfig"
                                                         : nullptr;
    if (key != nullptr) {
      if (!Truthy(Get(p, key)))
        p[key] = Json::object();
      p[key]["SchemaRegistryConfig"] = *registry;
    }
  }
  Json destination_policy;
  if (const Json* dest = prop("DestinationConfig"); Truthy(dest)) {
    Json dest_copy = *dest;
    Json* on_failure = GetMut(dest_copy, "OnFailure");
    if (on_failure == nullptr || !on_failure->is_object()) {
      return EventError(event.logical_id,
                        "Property 'DestinationConfig.OnFailure' should be a map.");
    }
    if (const Json* dtype = Get(*on_failure, "Type"); Truthy(dtype)) {
      Json type_value = *dtype;
      on_failure->erase("Type");
      Json arn = on_failure->contains("Destination") ? (*on_failure)["Destination"] : Json();
      if (type_value == "SQS") {
        destination_policy = Json{
            {"PolicyName", event.logical_id + "SQSPolicy"},
            {"PolicyDocument", Json{{"Statement", Json::array({Json{{"Action", "sqs:SendMessage"},
                                                                    {"Effect", "Allow"},
                                                                    {"Resource", arn}}})}}}};
      } else if (type_value == "SNS") {
        destination_policy =
            Json{{"PolicyName", event.logical_id + "SNSPolicy"},
                 {"PolicyDocument", Json{{"Statement", Json::array({Json{{"Action", "sns:publish"},
                                                                         {"Effect", "Allow"},
                                                                         {"Resource", arn}}})}}}};
      } else if (type_value == "S3") {
        Json wildcard = Json{{"Fn::Join", Json::array({"/", Json::array({arn, "*"})})}};
        destination_policy = Json{
            {"PolicyName", event.logical_id + "S3Policy"},
            {"PolicyDocument", Json{{"Statement", Json::array({Json{{"Action", "s3:PutObject"},
                                                                    {"Effect", "Allow"},
                                                                    {"Resource", wildcard}},
                                                               Json{{"Action", "s3:ListBucket"},
                                                                    {"Effect", "Allow"},
                                                                    {"Resource", arn}}})}}}};
      } else if (type_value != "Kafka") {
        return EventError(event.logical_id,
                          "The only valid values for 'Type' are 'SQS', 'SNS', 'S3', and 'Kafka'");
      }
    }
    p["DestinationConfig"] = dest_copy;
  }
  if (event.type == "DocumentDB") {
    Json config = Json{{"DatabaseName", prop("DatabaseName") ? *prop("DatabaseName") : Json()}};
    if (const Json* c = prop("CollectionName"); Truthy(c))
      config["CollectionName"] = *c;
    if (const Json* f = prop("FullDocument"); Truthy(f))
      config["FullDocument"] = *f;
    p["DocumentDBEventSourceConfig"] = config;
  }
  out->push_back(Generated{event.logical_id, std::move(esm)});

  // _link_policy: policies are computed (and validated) even without a generated role.
  Json statements;
  SAM_TRY(PullPolicyStatements(event, ctx, &statements));
  Json* role = FindRole(fn, out);
  if (role == nullptr)
    return Ok();
  Json& role_props = (*role)["Properties"];
  if (type.managed_policy != nullptr) {
    Json arn = ctx.ManagedPolicyArn(type.managed_policy);
    Json& managed = role_props["ManagedPolicyArns"];
    bool present = false;
    for (const Json& m : managed)
      present = present || m == arn;
    if (!present)
      managed.push_back(arn);
  }
  if (!statements.is_null()) {
    if (!role_props.contains("Policies"))
      role_props["Policies"] = Json::array();
    Json& policies = role_props["Policies"];
    for (const Json& policy : statements) {
      bool present = false;
      for (const Json& existing : policies)
        present = present || existing == policy;
      const Json* doc = Get(policy, "PolicyDocument");
      if (!present && !(doc != nullptr && ContainsPolicyDocument(policies, *doc)))
        policies.push_back(policy);
    }
  }
  if (!destination_policy.is_null()) {
    if (!role_props.contains("Policies")) {
      role_props["Policies"] = Json::array({destination_policy});
    } else {
      Json& policies = role_props["Policies"];
      bool present = false;
      for (const Json& existing : policies)
        present = present || existing == destination_policy;
      if (!present && !policies.empty() &&
          !ContainsPolicyDocument(policies, destination_policy["PolicyDocument"]))
        policies.push_back(destination_policy);
    }
  }
  return Ok();
}

}  // namespace cfnx::sam
