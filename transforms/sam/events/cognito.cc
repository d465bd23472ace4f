// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Cognito: sets the function as the user pool's LambdaConfig trigger(s) on the
// AWS::Cognito::UserPool of the same template, and adds the invoke permission.

#include "transforms/sam/events/event.h"
#include "transforms/sam/from_dict.h"

namespace cfnx::sam {

Status LinkCognito(const EventSource& event, Context& ctx) {
  const Json* pool = Get(event.properties, "UserPool");
  if (pool != nullptr && pool->is_object() && pool->contains("Ref")) {
    const Json& id = (*pool)["Ref"];
    if (!id.is_string())
      return EventError(event.logical_id, "Ref in Userpool is not a string.");
    if (Get((*ctx.input)["Resources"], id.get<std::string>()) != nullptr)
      return Ok();
  }
  return EventError(event.id,
                    "Cognito events must reference a Cognito UserPool in the same template.");
}

Status TranslateCognito(const EventSource& event, const FunctionInfo& fn, Context& ctx,
                        GeneratedList* out) {
  const Json& p = event.properties;
  std::string pool_id = p["UserPool"]["Ref"].get<std::string>();
  Json& pool = (*ctx.input)["Resources"][pool_id];
  Json perm = NewResource("AWS::Lambda::Permission", fn.function->PassthroughAttributes());
  Json& pp = perm["Properties"];
  pp["Action"] = "lambda:InvokeFunction";
  pp["FunctionName"] = fn.TargetRef();
  pp["Principal"] = "cognito-idp.amazonaws.com";
  pp["SourceArn"] = GetAtt(pool_id, "Arn");
  out->push_back(Generated{fn.TargetId() + "CognitoPermission", std::move(perm)});

  const Json& trigger = p["Trigger"];
  Json triggers = trigger.is_string() ? Json::array({trigger}) : trigger;
  if (!pool.contains("Properties") || pool["Properties"].is_null())
    pool["Properties"] = Json::object();
  Json& props = pool["Properties"];
  if (!props.contains("LambdaConfig") || props["LambdaConfig"].is_null())
    props["LambdaConfig"] = Json::object();
  Json& config = props["LambdaConfig"];
  if (!config.is_object()) {
    return ResourceError(pool_id, "Property 'LambdaConfig' should be a map.",
                         {"Properties", "LambdaConfig"});
  }
  for (const Json& t : triggers) {
    std::string name = t.is_string() ? t.get<std::string>() : PyStr(t);
    if (config.contains(name)) {
      return EventError(event.id,
                        "Cognito trigger \"" + PyStr(trigger) + "\" defined multiple times.");
    }
    config[name] = fn.TargetArn();
  }
  // The reference re-reads the pool as a CognitoUserPool (Resource.from_dict): its Type is checked.
  if (Status typed = ExpectResourceType(pool_id, pool, "AWS::Cognito::UserPool"); !typed.ok())
    return typed;
  out->push_back(Generated{pool_id, pool});
  return Ok();
}

}  // namespace cfnx::sam
