// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// S3: rewrites the referenced AWS::S3::Bucket of the same template (a NotificationConfiguration
// entry per event type, a dependency on the invoke permission) and adds the permission.

#include "transforms/sam/events/event.h"
#include "transforms/sam/from_dict.h"

namespace cfnx::sam {

Status LinkS3(const EventSource& event, Context& ctx) {
  const Json* bucket = Get(event.properties, "Bucket");
  if (bucket != nullptr && bucket->is_object() && bucket->contains("Ref")) {
    const Json& id = (*bucket)["Ref"];
    if (!id.is_string())
      return EventError(event.id, "'Ref' value in S3 events is not a valid string.");
    if (Get((*ctx.input)["Resources"], id.get<std::string>()) != nullptr)
      return Ok();
  }
  return EventError(event.id, "S3 events must reference an S3 bucket in the same template.");
}

Status TranslateS3(const EventSource& event, const FunctionInfo& fn, Context& ctx,
                   GeneratedList* out) {
  const Json& p = event.properties;
  std::string bucket_id = p["Bucket"]["Ref"].get<std::string>();
  Json& bucket = (*ctx.input)["Resources"][bucket_id];
  Json account = Ref("AWS::AccountId");
  Generated permission = MakePermission(event, fn, "", "s3.amazonaws.com", nullptr, &account);
  const Json* condition = Get(permission.resource, "Condition");
  if (condition != nullptr) {
    if (!bucket.contains("Properties") || bucket["Properties"].is_null())
      bucket["Properties"] = Json::object();
    Json& props = bucket["Properties"];
    if (props.is_object()) {
      if (!props.contains("Tags") || props["Tags"].is_null())
        props["Tags"] = Json::array();
      if (!props["Tags"].is_array())
        return ResourceError(bucket_id, "Property 'Tags' should be a list.",
                             {"Properties", "Tags"});
      props["Tags"].push_back(
          Json{{"Key", "sam:ConditionalDependsOn:" + permission.logical_id},
               {"Value", Json{{"Fn::If", Json::array({*condition, Ref(permission.logical_id),
                                                      "no dependency"})}}}});
    }
  } else {
    Json depends = bucket.contains("DependsOn") ? bucket["DependsOn"] : Json::array();
    Json list = Json::array();
    bool ok = true;
    if (depends.is_string()) {
      list.push_back(depends);
    } else if (depends.is_array()) {
      for (const Json& d : depends) {
        ok = ok && !d.is_array() && !d.is_object();
        bool seen = false;
        for (const Json& x : list)
          seen = seen || x == d;
        if (!seen)
          list.push_back(d);
      }
    } else if (depends.is_object()) {
      for (auto it = depends.begin(); it != depends.end(); ++it)
        list.push_back(it.key());
    } else {
      ok = false;
    }
    if (!ok) {
      return ResourceError(event.logical_id,
                           "Invalid type for field 'DependsOn'. Expected a string or list of "
                           "strings.");
    }
    bool present = false;
    for (const Json& x : list)
      present = present || x == permission.logical_id;
    if (!present)
      list.push_back(permission.logical_id);
    bucket["DependsOn"] = list;
  }
  out->push_back(std::move(permission));

  // _inject_notification_configuration
  Json base = Json{{"Function", fn.TargetArn()}};
  if (const Json* filter = Get(p, "Filter"); filter != nullptr && !filter->is_null())
    base["Filter"] = *filter;
  Json types = p["Events"].is_string() ? Json::array({p["Events"]}) : p["Events"];
  Json mappings = Json::array();
  const Json* fn_condition = Get(*fn.function->dict, "Condition");
  for (const Json& type : types) {
    Json m = base;
    m["Event"] = type;
    if (fn_condition != nullptr)
      m = Json{{"Fn::If", Json::array({*fn_condition, m, Ref("AWS::NoValue")})}};
    mappings.push_back(std::move(m));
  }
  Json props = bucket.contains("Properties") ? bucket["Properties"] : Json::object();
  if (!props.is_object())
    return ResourceError(bucket_id, "Properties should be a map.", {"Properties"});
  bucket["Properties"] = props;
  Json& bp = bucket["Properties"];
  if (!bp.contains("NotificationConfiguration") || bp["NotificationConfiguration"].is_null())
    bp["NotificationConfiguration"] = Json::object();
  Json& config = bp["NotificationConfiguration"];
  if (!config.is_object()) {
    return ResourceError(bucket_id, "Property 'NotificationConfiguration' should be a map.",
                         {"Properties", "NotificationConfiguration"});
  }
  if (!config.contains("LambdaConfigurations") || config["LambdaConfigurations"].is_null())
    config["LambdaConfigurations"] = Json::array();
  Json& lambdas = config["LambdaConfigurations"];
  if (!lambdas.is_array()) {
    return ResourceError(bucket_id, "Invalid type for LambdaConfigurations. Must be a list.",
                         {"Properties", "NotificationConfiguration"});
  }
  for (const Json& m : mappings) {
    bool present = false;
    for (const Json& x : lambdas)
      present = present || x == m;
    if (!present)
      lambdas.push_back(m);
  }
  // The reference re-reads the bucket as an S3Bucket (Resource.from_dict), which checks its Type.
  if (Status typed = ExpectResourceType(bucket_id, bucket, "AWS::S3::Bucket"); !typed.ok())
    return typed;
  out->push_back(Generated{bucket_id, bucket});
  return Ok();
}

}  // namespace cfnx::sam
