// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// AWS::Serverless::CapacityProvider -> AWS::Lambda::CapacityProvider, plus an operator role
// (AWSLambdaManagedEC2ResourceOperator) unless OperatorRole is given.
// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-capacityprovider.html

#include "transforms/sam/sam.h"

namespace cfnx::sam {
namespace {

const std::vector<PropertySpec>& CapacityProviderSpecs() {
  static const std::vector<PropertySpec> kSpecs = {
      {"CapacityProviderName", PropType::kStringOrDict},
      {"VpcConfig", PropType::kDict, true},
      {"OperatorRole", PropType::kStringOrDict},
      {"Tags", PropType::kDict},
      {"PropagateTags", PropType::kBool},
      {"InstanceRequirements", PropType::kDict},
      {"ScalingConfig", PropType::kDict},
      {"KmsKeyArn", PropType::kStringOrDict},
  };
  return kSpecs;
}

struct NestedModel {
  const char* property;
  std::vector<const char*> fields;
  const char* required = nullptr;
};

// The reference's schema model for the nested properties (extra fields are forbidden, VpcConfig
// needs SubnetIds); every problem is reported, joined by spaces, as the reference collects them.
Status ValidateModel(const SamResource& r) {
  static const NestedModel kModels[] = {
      {"VpcConfig", {"SecurityGroupIds", "SubnetIds"}, "SubnetIds"},
      {"InstanceRequirements", {"Architectures", "AllowedTypes", "ExcludedTypes"}},
      {"ScalingConfig", {"MaxVCpuCount", "AverageCPUUtilization"}},
  };
  std::string messages;
  auto add = [&](const std::string& m) {
    if (!messages.empty())
      messages += " ";
    messages += m;
  };
  for (const NestedModel& model : kModels) {
    const Json* value = r.Prop(model.property);
    if (value == nullptr || !value->is_object())
      continue;
    std::string prefix = std::string("Property '") + model.property + ".";
    if (model.required != nullptr && !value->contains(model.required))
      add(prefix + model.required + "' is required.");
    for (auto it = value->begin(); it != value->end(); ++it) {
      bool known = false;
      for (const char* f : model.fields)
        known = known || it.key() == f;
      if (!known)
        add(prefix + it.key() + "' is an invalid property.");
    }
  }
  if (!messages.empty())
    return ResourceError(r.logical_id, messages, {"Properties"});
  const Json* requirements = r.Prop("InstanceRequirements");
  if (requirements != nullptr && requirements->is_object()) {
    const Json* allowed = Get(*requirements, "AllowedTypes");
    const Json* excluded = Get(*requirements, "ExcludedTypes");
    if (allowed != nullptr && !allowed->is_null() && excluded != nullptr && !excluded->is_null()) {
      return ResourceError(r.logical_id,
                           "Cannot specify 'InstanceRequirements.AllowedTypes' and "
                           "'InstanceRequirements.ExcludedTypes' together.",
                           {"Properties", "InstanceRequirements"});
    }
  }
  return Ok();
}

Json TagList(const Json* tags) {
  Json dict = Truthy(tags) && tags->is_object() ? *tags : Json::object();
  dict["lambda:createdBy"] = "SAM";
  Json list = Json::array();
  for (auto it = dict.begin(); it != dict.end(); ++it)
    list.push_back(
        Json{{"Key", it.key()}, {"Value", it.value().is_null() ? Json("") : it.value()}});
  return list;
}

// propagate_tags_combine: existing tags first, the propagated ones override by key.
void CombineTags(Json& resource, const Json& tags) {
  Json& props = resource["Properties"];
  Json merged = Json::object();
  if (const Json* existing = Get(props, "Tags"); existing != nullptr && existing->is_array()) {
    for (const Json& tag : *existing)
      merged[tag["Key"].get<std::string>()] = tag["Value"];
  }
  for (auto it = tags.begin(); it != tags.end(); ++it)
    merged[it.key()] = it.value().is_null() ? Json("") : it.value();
  Json list = Json::array();
  for (auto it = merged.begin(); it != merged.end(); ++it)
    list.push_back(Json{{"Key", it.key()}, {"Value", it.value()}});
  props["Tags"] = std::move(list);
}

Json OperatorRole(const SamResource& r, const Context& ctx) {
  Json role = NewResource("AWS::IAM::Role", r.PassthroughAttributes());
  Json& props = role["Properties"];
  props["AssumeRolePolicyDocument"] = AssumeRolePolicyFor("lambda.amazonaws.com");
  props["ManagedPolicyArns"] =
      Json::array({ctx.ManagedPolicyArn("AWSLambdaManagedEC2ResourceOperator")});
  props["Tags"] = TagList(nullptr);
  return role;
}

Json ScalingConfig(const Json& scaling) {
  Json out = Json::object();
  if (const Json* max = Get(scaling, "MaxVCpuCount"); max != nullptr && !max->is_null())
    out["MaxVCpuCount"] = *max;
  const Json* cpu = Get(scaling, "AverageCPUUtilization");
  if (cpu != nullptr && !cpu->is_null()) {
    out["ScalingMode"] = "Manual";
    out["ScalingPolicies"] =
        Json::array({Json{{"PredefinedMetricType", "LambdaCapacityProviderAverageCPUUtilization"},
                          {"TargetValue", *cpu}}});
  } else {
    out["ScalingMode"] = "Auto";
  }
  return out;
}

}  // namespace

Status TranslateCapacityProvider(SamResource& r, Context& ctx, GeneratedList* out) {
  SAM_TRY(ValidateProperties(r, CapacityProviderSpecs()));
  SAM_TRY(ValidateModel(r));

  GeneratedList resources;
  Json operator_role;
  if (const Json* given = r.Prop("OperatorRole"); Truthy(given)) {
    operator_role = *given;
  } else {
    resources.push_back(Generated{r.logical_id + "OperatorRole", OperatorRole(r, ctx)});
    operator_role = GetAtt(r.logical_id + "OperatorRole", "Arn");
  }

  Json attributes = r.ResourceAttributes();
  Json provider = NewResource("AWS::Lambda::CapacityProvider", attributes);
  Json& p = provider["Properties"];
  if (const Json* name = r.Prop("CapacityProviderName"); Truthy(name))
    p["CapacityProviderName"] = *name;
  if (const Json* vpc = r.Prop("VpcConfig"); Truthy(vpc)) {
    Json config = Json{{"SubnetIds", (*vpc)["SubnetIds"]}};
    if (const Json* groups = Get(*vpc, "SecurityGroupIds"); groups != nullptr && !groups->is_null())
      config["SecurityGroupIds"] = *groups;
    p["VpcConfig"] = std::move(config);
  }
  p["PermissionsConfig"] = Json{{"CapacityProviderOperatorRoleArn", operator_role}};
  p["Tags"] = TagList(r.Prop("Tags"));
  if (const Json* req = r.Prop("InstanceRequirements"); Truthy(req)) {
    Json converted = Json::object();
    for (auto [from, to] : {std::pair{"Architectures", "Architectures"},
                            std::pair{"AllowedTypes", "AllowedInstanceTypes"},
                            std::pair{"ExcludedTypes", "ExcludedInstanceTypes"}}) {
      if (const Json* v = Get(*req, from); v != nullptr && !v->is_null())
        converted[to] = *v;
    }
    if (!converted.empty())
      p["InstanceRequirements"] = std::move(converted);
  }
  if (const Json* scaling = r.Prop("ScalingConfig"); Truthy(scaling) && scaling->is_object()) {
    // The reference drops null fields first; nothing left means no scaling config.
    bool any = false;
    for (const Json& v : *scaling)
      any = any || !v.is_null();
    if (any)
      p["CapacityProviderScalingConfig"] = ScalingConfig(*scaling);
  }
  if (const Json* kms = r.Prop("KmsKeyArn"); Truthy(kms))
    p["KmsKeyArn"] = *kms;
  resources.push_back(Generated{r.logical_id, std::move(provider)});

  const Json* tags = r.Prop("Tags");
  if (Truthy(r.Prop("PropagateTags")) && Truthy(tags) && tags->is_object()) {
    for (Generated& g : resources)
      CombineTags(g.resource, *tags);
  }
  for (Generated& g : resources)
    out->push_back(std::move(g));
  return Ok();
}

}  // namespace cfnx::sam
