// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// SNS: a subscription of the function (or of an SQS queue polled by it, SqsSubscription) to
// the topic, with the permission or queue policy that lets SNS deliver.

#include "transforms/sam/events/event.h"
#include "transforms/sam/intrinsics.h"

namespace cfnx::sam {
namespace {

Json QueuePolicyDocument(const Json& topic, const Json& queue_arn) {
  return Json{
      {"Version", "2012-10-17"},
      {"Statement",
       Json::array({Json{{"Action", "sqs:SendMessage"},
                         {"Effect", "Allow"},
                         {"Principal", "*"},
                         {"Resource", queue_arn},
                         {"Condition", Json{{"ArnEquals", Json{{"aws:SourceArn", topic}}}}}}})}};
}

Generated Subscription(const EventSource& event, const FunctionInfo& fn, const char* protocol,
                       const Json& endpoint) {
  const Json& p = event.properties;
  Json sub = NewResource("AWS::SNS::Subscription", fn.function->PassthroughAttributes());
  Json& sp = sub["Properties"];
  sp["Protocol"] = protocol;
  sp["Endpoint"] = endpoint;
  sp["TopicArn"] = p.contains("Topic") ? p["Topic"] : Json();
  for (const char* name : {"Region", "FilterPolicy", "FilterPolicyScope", "RedrivePolicy"}) {
    if (const Json* v = Get(p, name); v != nullptr && !v->is_null())
      sp[name] = *v;
  }
  return Generated{event.logical_id, std::move(sub)};
}

}  // namespace

Status TranslateSns(const EventSource& event, const FunctionInfo& fn, Context& ctx,
                    GeneratedList* out) {
  const Json& p = event.properties;
  Json topic = p.contains("Topic") ? p["Topic"] : Json();
  const Json* sqs = Get(p, "SqsSubscription");
  Json attrs = fn.function->PassthroughAttributes();
  if (!Truthy(sqs)) {
    out->push_back(MakePermission(event, fn, "", "sns.amazonaws.com", &topic));
    out->push_back(Subscription(event, fn, "lambda", fn.TargetArn()));
    return Ok();
  }
  EventSource mapping;
  mapping.id = event.id;
  mapping.logical_id = event.logical_id + "EventSourceMapping";
  mapping.type = "SQS";
  mapping.dict = event.dict;
  if (sqs->is_boolean()) {
    bool fifo = false;
    std::string topic_id;
    if (IsIntrinsic(topic, "Ref") && topic.begin()->is_string())
      topic_id = topic.begin()->get<std::string>();
    else if (IsIntrinsic(topic, "Fn::GetAtt") && topic.begin()->is_array() &&
             !topic.begin()->empty() && (*topic.begin())[0].is_string())
      topic_id = (*topic.begin())[0].get<std::string>();
    if (!topic_id.empty()) {
      const Json* res = Get((*ctx.input)["Resources"], topic_id);
      const Json* props = res != nullptr ? Get(*res, "Properties") : nullptr;
      const Json* f = props != nullptr ? Get(*props, "FifoTopic") : nullptr;
      fifo = f != nullptr && Truthy(ResolveParameterRefs(*f, ctx.parameters));
    }
    std::string queue_id = event.logical_id + "Queue";
    Json queue = NewResource("AWS::SQS::Queue", attrs);
    if (fifo)
      queue["Properties"]["FifoQueue"] = true;
    Json queue_arn = GetAtt(queue_id, "Arn");
    Json policy = NewResource("AWS::SQS::QueuePolicy", attrs);
    policy["Properties"]["PolicyDocument"] = QueuePolicyDocument(topic, queue_arn);
    policy["Properties"]["Queues"] = Json::array({Ref(queue_id)});
    mapping.properties = Json{{"Queue", queue_arn}, {"BatchSize", 10}, {"Enabled", true}};
    SAM_TRY(TranslatePullEvent(mapping, fn, ctx, out));
    out->push_back(Generated{queue_id, std::move(queue)});
    out->push_back(Generated{event.logical_id + "QueuePolicy", std::move(policy)});
    out->push_back(Subscription(event, fn, "sqs", queue_arn));
    return Ok();
  }
  if (!sqs->is_object())
    return EventError(event.id, "Property 'SqsSubscription' should be a map.");
  const Json* queue_arn = Get(*sqs, "QueueArn");
  const Json* queue_url = Get(*sqs, "QueueUrl");
  if (!Truthy(queue_arn) || !Truthy(queue_url))
    return EventError(event.id, "No QueueARN or QueueURL provided.");
  const Json* policy_id = Get(*sqs, "QueuePolicyLogicalId");
  Json policy = NewResource("AWS::SQS::QueuePolicy", attrs);
  policy["Properties"]["PolicyDocument"] = QueuePolicyDocument(topic, *queue_arn);
  policy["Properties"]["Queues"] = Json::array({*queue_url});
  const Json* batch = Get(*sqs, "BatchSize");
  const Json* enabled = Get(*sqs, "Enabled");
  mapping.properties = Json{
      {"Queue", *queue_arn}, {"BatchSize", Truthy(batch) ? *batch : Json(10)}, {"Enabled", true}};
  (void)enabled;  // the reference always enables the mapping
  SAM_TRY(TranslatePullEvent(mapping, fn, ctx, out));
  std::string pid = Truthy(policy_id) ? PyStr(*policy_id) : event.logical_id + "QueuePolicy";
  out->push_back(Generated{pid, std::move(policy)});
  out->push_back(Subscription(event, fn, "sqs", *queue_arn));
  return Ok();
}

}  // namespace cfnx::sam
