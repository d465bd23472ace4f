// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// What push event sources share: the property tables the reference validates every event
// against before translating anything, and the EventBridge dead-letter queue helpers.

#include "transforms/sam/events/event.h"

namespace cfnx::sam {

std::vector<PropertySpec> PushEventSpecs(const std::string& type) {
  if (type == "Schedule") {
    return {{"Schedule", PropType::kString, true}, {"RuleName", PropType::kString},
            {"Input", PropType::kString},          {"Enabled", PropType::kBool},
            {"State", PropType::kString},          {"Name", PropType::kString},
            {"Description", PropType::kString},    {"DeadLetterConfig", PropType::kDict},
            {"RetryPolicy", PropType::kDict}};
  }
  if (type == "ScheduleV2") {
    return {{"PermissionsBoundary", PropType::kString},
            {"ScheduleExpression", PropType::kString, true},
            {"FlexibleTimeWindow", PropType::kDict},
            {"Name", PropType::kString},
            {"State", PropType::kString},
            {"Description", PropType::kString},
            {"StartDate", PropType::kString},
            {"EndDate", PropType::kString},
            {"ScheduleExpressionTimezone", PropType::kString},
            {"GroupName", PropType::kString},
            {"KmsKeyArn", PropType::kString},
            {"Input", PropType::kString},
            {"RoleArn", PropType::kString},
            {"DeadLetterConfig", PropType::kDict},
            {"RetryPolicy", PropType::kDict},
            {"OmitName", PropType::kBool, false, false}};
  }
  if (type == "CloudWatchEvent" || type == "EventBridgeRule") {
    return {{"EventBusName", PropType::kString},  {"RuleName", PropType::kString},
            {"Pattern", PropType::kDict},         {"DeadLetterConfig", PropType::kDict},
            {"RetryPolicy", PropType::kDict},     {"Input", PropType::kString},
            {"InputPath", PropType::kString},     {"Target", PropType::kDict},
            {"Enabled", PropType::kBool},         {"State", PropType::kString},
            {"InputTransformer", PropType::kDict}};
  }
  if (type == "S3") {
    return {{"Bucket", PropType::kString, true},
            {"Events", PropType::kStringOrStringList, true, false},
            {"Filter", PropType::kAny}};
  }
  if (type == "SNS") {
    return {{"Topic", PropType::kString, true},         {"Region", PropType::kString},
            {"FilterPolicy", PropType::kAny},           {"FilterPolicyScope", PropType::kAny},
            {"SqsSubscription", PropType::kBoolOrDict}, {"RedrivePolicy", PropType::kDict}};
  }
  if (type == "CloudWatchLogs")
    return {{"LogGroupName", PropType::kString, true}, {"FilterPattern", PropType::kString, true}};
  if (type == "IoTRule")
    return {{"Sql", PropType::kString, true}, {"AwsIotSqlVersion", PropType::kString}};
  if (type == "AlexaSkill")
    return {{"SkillId", PropType::kString}};
  if (type == "Cognito") {
    return {{"UserPool", PropType::kString, true},
            {"Trigger", PropType::kStringOrStringList, true, false}};
  }
  return {};
}

Json TargetId(const std::string& logical_id) {
  const std::string suffix = "LambdaTarget";
  if (logical_id.size() + suffix.size() <= 64)
    return logical_id + suffix;
  return logical_id.substr(0, 64 - suffix.size()) + suffix;
}

Status ValidateDlqConfig(const EventSource& event, const Json& config) {
  bool arn = config.contains("Arn");
  bool type = config.contains("Type");
  if (arn && type) {
    return EventError(event.logical_id,
                      "You can either define 'Arn' or 'Type' property of DeadLetterConfig.");
  }
  if (type && config["Type"] != "SQS") {
    return EventError(event.logical_id,
                      "The only valid value for 'Type' property of DeadLetterConfig is 'SQS'.");
  }
  if (!arn && !type)
    return EventError(event.logical_id,
                      "No 'Arn' or 'Type' property provided for DeadLetterConfig.");
  return Ok();
}

Status DlqQueueArn(const EventSource& event, const Json& config, const Json& rule_arn,
                   const Json& attributes, GeneratedList* out, Json* queue_arn) {
  if (const Json* arn = Get(config, "Arn"); arn != nullptr && !arn->is_null()) {
    *queue_arn = *arn;
    return Ok();
  }
  const Json* queue_id = Get(config, "QueueLogicalId");
  if (queue_id != nullptr && !queue_id->is_null() && !queue_id->is_string())
    return EventError(event.logical_id, "QueueLogicalId must be a string");
  std::string qid = queue_id != nullptr && queue_id->is_string() ? queue_id->get<std::string>()
                                                                 : event.logical_id + "Queue";
  Json queue = NewResource("AWS::SQS::Queue", attributes);
  Json policy = NewResource("AWS::SQS::QueuePolicy", attributes);
  *queue_arn = GetAtt(qid, "Arn");
  policy["Properties"]["PolicyDocument"] = Json{
      {"Version", "2012-10-17"},
      {"Statement",
       Json::array({Json{{"Action", "sqs:SendMessage"},
                         {"Effect", "Allow"},
                         {"Principal", Json{{"Service", "events.amazonaws.com"}}},
                         {"Resource", *queue_arn},
                         {"Condition", Json{{"ArnEquals", Json{{"aws:SourceArn", rule_arn}}}}}}})}};
  policy["Properties"]["Queues"] = Json::array({Ref(qid)});
  out->push_back(Generated{qid, std::move(queue)});
  out->push_back(Generated{event.logical_id + "QueuePolicy", std::move(policy)});
  return Ok();
}

}  // namespace cfnx::sam
