// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// DeploymentPreference of AWS::Serverless::Function: traffic shifting through CodeDeploy.
// Each function with an enabled preference gets an UpdatePolicy on its alias and a deployment
// group; the template gets one CodeDeploy application and (unless every preference names its
// own Role) one service role, conditioned like the reference's DeploymentPreferenceCollection.
// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-deploymentpreference.html

#include <set>

#include "transforms/sam/intrinsics.h"
#include "transforms/sam/sam.h"

namespace cfnx::sam {
namespace {

constexpr const char* kApplicationId = "ServerlessDeploymentApplication";
constexpr const char* kServiceRoleId = "CodeDeployServiceRole";
constexpr const char* kAggregateCondition = "ServerlessCodeDeployCondition";

// Parameter Refs, then Fn::FindInMap against the template's Mappings.
Status ResolveValue(const Json& value, Context& ctx, Json* out) {
  *out = ResolveParameterRefs(value, ctx.parameters);
  return ResolveFindInMap(*out, ctx.mappings);
}

// Python's `value in [True, "true", "True"]` (1 == True in Python).
bool IsTrueValue(const Json& v) {
  if (v.is_boolean())
    return v.get<bool>();
  if (v.is_number())
    return v.get<double>() == 1;
  return v == "true" || v == "True";
}

bool IsFalseValue(const Json& v) {
  if (v.is_boolean())
    return !v.get<bool>();
  if (v.is_number())
    return v.get<double>() == 0;
  return v == "false" || v == "False";
}

Status ResolveToBoolean(const SamResource& r, const Json& value, const char* name, Context& ctx,
                        bool* out) {
  Json resolved;
  SAM_TRY(ResolveValue(value, ctx, &resolved));
  if (IsTrueValue(resolved)) {
    *out = true;
    return Ok();
  }
  if (IsFalseValue(resolved)) {
    *out = false;
    return Ok();
  }
  std::vector<std::string> path = {"Properties", "DeploymentPreference", name};
  if (IsIntrinsic(resolved)) {
    return ResourceError(
        r.logical_id,
        std::string("Unsupported intrinsic: the only intrinsic functions supported "
                    "for property ") +
            name + " are FindInMap and parameter Refs.",
        path);
  }
  return ResourceError(r.logical_id, std::string("Invalid value for property ") + name + ".", path);
}

Json TagList(const Json& tags) {
  Json list = Json::array();
  for (auto it = tags.begin(); it != tags.end(); ++it)
    list.push_back(
        Json{{"Key", it.key()}, {"Value", it.value().is_null() ? Json("") : it.value()}});
  return list;
}

// {"Enabled": true, "Alarms": [{"Name": a}, ...]}; {} for an empty list.
Status BuildAlarmConfiguration(const Json& alarms, Json* out) {
  if (!alarms.is_array())
    return PlainError("Alarms must be a list");
  if (alarms.empty() || IsNoValue(alarms[0])) {
    *out = Json::object();
    return Ok();
  }
  Json list = Json::array();
  for (const Json& alarm : alarms)
    list.push_back(Json{{"Name", alarm}});
  *out = Json{{"Enabled", true}, {"Alarms", std::move(list)}};
  return Ok();
}

// AlarmConfiguration for the deployment group; null when there are no alarms.
Status ConvertAlarms(const Json& alarms, Json* out) {
  *out = Json();
  if (!Truthy(alarms) || IsNoValue(alarms))
    return Ok();
  if (IsIntrinsic(alarms, "Fn::If")) {
    Json processed = alarms;
    Json& items = processed["Fn::If"];
    if (!items.is_array() || items.size() != 3)
      return PlainError("Fn::If requires 3 arguments");
    SAM_TRY(BuildAlarmConfiguration(Json(items[1]), &items[1]));
    SAM_TRY(BuildAlarmConfiguration(Json(items[2]), &items[2]));
    *out = std::move(processed);
    return Ok();
  }
  return BuildAlarmConfiguration(alarms, out);
}

bool IsPredefinedConfiguration(const Json& v) {
  static const char* const kPredefined[] = {"Canary10Percent5Minutes",
                                            "Canary10Percent10Minutes",
                                            "Canary10Percent15Minutes",
                                            "Canary10Percent30Minutes",
                                            "Linear10PercentEvery1Minute",
                                            "Linear10PercentEvery2Minutes",
                                            "Linear10PercentEvery3Minutes",
                                            "Linear10PercentEvery10Minutes",
                                            "AllAtOnce"};
  if (!v.is_string())
    return false;
  for (const char* name : kPredefined) {
    if (v == name)
      return true;
  }
  return false;
}

// Predefined configuration names become "CodeDeployDefault.Lambda<Name>" through Fn::Sub, also
// inside intrinsic functions (without nesting a Sub in a Sub).
Json ReplaceDeploymentTypes(const Json& value, std::string_view key = "") {
  if (value.is_array()) {
    Json out = Json::array();
    for (const Json& item : value)
      out.push_back(ReplaceDeploymentTypes(item));
    return out;
  }
  if (IsIntrinsic(value)) {
    Json out = Json::object();
    out[value.begin().key()] = ReplaceDeploymentTypes(*value.begin(), value.begin().key());
    return out;
  }
  if (IsPredefinedConfiguration(value)) {
    Json args = Json::array({"CodeDeployDefault.Lambda${ConfigName}", Json{{"ConfigName", value}}});
    if (key == "Fn::Sub")
      return args;
    return Json{{"Fn::Sub", std::move(args)}};
  }
  return value;
}

// The condition every CodeDeploy resource gets when all enabled preferences are conditional.
std::string SharedCondition(const Context& ctx) {
  bool any = false;
  std::set<std::string> conditions;
  for (const DeploymentPreference& p : ctx.deployment_preferences) {
    if (p.enabled && p.condition.empty())
      return "";
    any = true;
    if (!p.condition.empty())
      conditions.insert(p.condition);
  }
  if (!any || conditions.empty())
    return "";
  return conditions.size() == 1 ? *conditions.begin() : kAggregateCondition;
}

Json MergedTags(const Context& ctx) {
  Json merged = Json::object();
  for (const DeploymentPreference& p : ctx.deployment_preferences) {
    if (p.enabled && p.propagate_tags && Truthy(p.tags) && p.tags.is_object()) {
      for (auto it = p.tags.begin(); it != p.tags.end(); ++it)
        merged[it.key()] = it.value();
    }
  }
  return merged;
}

Status DeploymentGroup(const DeploymentPreference& p, Json* out) {
  Json group = NewResource("AWS::CodeDeploy::DeploymentGroup");
  Json& props = group["Properties"];
  Json alarms;
  if (Status st = ConvertAlarms(p.alarms, &alarms); !st.ok())
    return ResourceError(p.function_id, st.error().detail,
                         {"Properties", "DeploymentPreference", "Alarms"});
  if (!alarms.is_null())
    props["AlarmConfiguration"] = alarms;
  props["ApplicationName"] = Ref(kApplicationId);
  props["AutoRollbackConfiguration"] =
      Json{{"Enabled", true},
           {"Events", Json::array({"DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM",
                                   "DEPLOYMENT_STOP_ON_REQUEST"})}};
  Json config = ReplaceDeploymentTypes(p.type);
  if (!config.is_null())
    props["DeploymentConfigName"] = std::move(config);
  props["DeploymentStyle"] =
      Json{{"DeploymentType", "BLUE_GREEN"}, {"DeploymentOption", "WITH_TRAFFIC_CONTROL"}};
  props["ServiceRoleArn"] = Truthy(p.role) ? p.role : GetAtt(kServiceRoleId, "Arn");
  if (Truthy(p.trigger_configurations))
    props["TriggerConfigurations"] = p.trigger_configurations;
  if (Truthy(p.tags) && p.tags.is_object())
    props["Tags"] = TagList(p.tags);
  if (!p.condition.empty())
    group["Condition"] = p.condition;
  *out = std::move(group);
  return Ok();
}

}  // namespace

Status AddDeploymentPreference(const SamResource& r, Context& ctx, Json* alias) {
  const Json* given = r.Prop("DeploymentPreference");
  if (!Truthy(given))
    return Ok();
  const Json& dict = *given;
  DeploymentPreference p;
  p.function_id = r.logical_id;
  Json enabled = true;
  if (const Json* v = Get(dict, "Enabled"))
    SAM_TRY(ResolveValue(*v, ctx, &enabled));
  if (const Json* v = Get(dict, "Type"))
    SAM_TRY(ResolveValue(*v, ctx, &p.type));
  bool passthrough = false;
  if (const Json* v = Get(dict, "PassthroughCondition"))
    SAM_TRY(ResolveToBoolean(r, *v, "PassthroughCondition", ctx, &passthrough));

  p.enabled = Truthy(enabled) && enabled != "false" && enabled != "False";
  if (p.enabled) {
    if (!dict.contains("Type")) {
      return ResourceError(r.logical_id,
                           "'DeploymentPreference' is missing required Property 'Type'",
                           {"Properties", "DeploymentPreference"});
    }
    if (const Json* hooks = Get(dict, "Hooks"); hooks != nullptr) {
      if (!hooks->is_object()) {
        return ResourceError(r.logical_id,
                             "'Hooks' property of 'DeploymentPreference' must be a dictionary",
                             {"Properties", "DeploymentPreference", "Hooks"});
      }
      if (const Json* pre = Get(*hooks, "PreTraffic"))
        p.pre_traffic_hook = *pre;
      if (const Json* post = Get(*hooks, "PostTraffic"))
        p.post_traffic_hook = *post;
    }
    for (auto [name, field] : {std::pair{"Alarms", &p.alarms}, std::pair{"Role", &p.role},
                               std::pair{"TriggerConfigurations", &p.trigger_configurations}}) {
      if (const Json* v = Get(dict, name))
        *field = *v;
    }
    const Json* condition = Get(*r.dict, "Condition");
    if (passthrough && condition != nullptr && condition->is_string())
      p.condition = condition->get<std::string>();
    const Json* tags = r.Prop("Tags");
    p.propagate_tags = Truthy(r.Prop("PropagateTags"));
    if (p.propagate_tags && Truthy(tags))
      p.tags = *tags;
  } else {
    p.type = Json();
  }
  ctx.deployment_preferences.push_back(p);
  if (!p.enabled)
    return Ok();
  if (!Truthy(r.Prop("AutoPublishAlias")) || alias == nullptr) {
    return ResourceError(
        r.logical_id, "'DeploymentPreference' requires AutoPublishAlias property to be specified.",
        {"Properties", "DeploymentPreference"});
  }
  Json update = Json::object();
  update["ApplicationName"] = Ref(kApplicationId);
  update["DeploymentGroupName"] = Ref(r.logical_id + "DeploymentGroup");
  if (!p.pre_traffic_hook.is_null())
    update["BeforeAllowTrafficHook"] = p.pre_traffic_hook;
  if (!p.post_traffic_hook.is_null())
    update["AfterAllowTrafficHook"] = p.post_traffic_hook;
  (*alias)["UpdatePolicy"] = Json{{"CodeDeployLambdaAliasUpdate", std::move(update)}};
  return Ok();
}

void AddCodeDeployResources(Context& ctx, Json& output, std::vector<Error>* errors) {
  bool any_enabled = false;
  bool skip_role = true;
  for (const DeploymentPreference& p : ctx.deployment_preferences) {
    any_enabled = any_enabled || p.enabled;
    skip_role = skip_role && (Truthy(p.role) || !p.enabled);
  }
  if (!any_enabled)
    return;
  Json& resources = output["Resources"];
  std::string condition = SharedCondition(ctx);
  Json tags = MergedTags(ctx);

  Json application = NewResource("AWS::CodeDeploy::Application");
  application["Properties"]["ComputePlatform"] = "Lambda";
  if (!tags.empty())
    application["Properties"]["Tags"] = TagList(tags);
  if (!condition.empty())
    application["Condition"] = condition;
  resources[kApplicationId] = std::move(application);

  if (condition == kAggregateCondition && output.contains("Conditions") &&
      output["Conditions"].is_object()) {
    // make_combined_condition: Fn::Or takes at most 10 conditions.
    std::vector<std::string> pending;
    std::set<std::string> seen;
    for (const DeploymentPreference& p : ctx.deployment_preferences) {
      if (!p.condition.empty() && seen.insert(p.condition).second)
        pending.push_back(p.condition);
    }
    size_t groups = pending.size() <= 1 ? 1 : 1 + (pending.size() - 2) / 9;
    int suffix = static_cast<int>(groups) - 1;
    while (pending.size() > 1) {
      std::string name = kAggregateCondition;
      if (suffix > 0)
        name += std::to_string(suffix--);
      Json ors = Json::array();
      size_t take = std::min<size_t>(10, pending.size());
      for (size_t i = 0; i < take; ++i)
        ors.push_back(Json{{"Condition", pending[i]}});
      pending.erase(pending.begin(), pending.begin() + static_cast<std::ptrdiff_t>(take));
      pending.push_back(name);
      output["Conditions"][name] = Json{{"Fn::Or", std::move(ors)}};
    }
  }

  if (!skip_role) {
    Json role = NewResource("AWS::IAM::Role");
    Json& props = role["Properties"];
    props["AssumeRolePolicyDocument"] = AssumeRolePolicyFor("codedeploy.amazonaws.com");
    bool limited = ctx.partition == "aws-iso" || ctx.partition == "aws-iso-b";
    props["ManagedPolicyArns"] =
        Json::array({ctx.ManagedPolicyArn(limited ? "service-role/AWSCodeDeployRoleForLambdaLimited"
                                                  : "service-role/AWSCodeDeployRoleForLambda")});
    if (!tags.empty())
      props["Tags"] = TagList(tags);
    // Last: a new top-level key may move `props` (ordered_json keeps a vector).
    if (!condition.empty())
      role["Condition"] = condition;
    resources[kServiceRoleId] = std::move(role);
  }

  for (const DeploymentPreference& p : ctx.deployment_preferences) {
    if (!p.enabled)
      continue;
    Json group;
    if (Status st = DeploymentGroup(p, &group); !st.ok()) {
      errors->push_back(st.error());
      continue;
    }
    resources[p.function_id + "DeploymentGroup"] = std::move(group);
  }
}

}  // namespace cfnx::sam
