// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "transforms/sam/policies.h"

#include <fstream>
#include <set>
#include <sstream>

#include "transforms/sam/embedded_data.h"

namespace cfnx::sam {
namespace {

constexpr std::string_view kPrefix = "___SAM_POLICY_PARAMETER_";

// The text of the template's {"Parameters":..., "Definition":...}, or nullopt when `name` is
// not one.
std::optional<std::string_view> FindPolicyTemplateText(std::string_view name) {
  std::string_view data = EmbeddedPolicyTemplates();
  size_t pos = 0;
  while (pos < data.size()) {
    size_t end = data.find('\n', pos);
    if (end == std::string_view::npos)
      end = data.size();
    std::string_view line = data.substr(pos, end - pos);
    if (line.size() > name.size() && line.substr(0, name.size()) == name &&
        line[name.size()] == '\t')
      return line.substr(name.size() + 1);
    pos = end + 1;
  }
  return std::nullopt;
}

// The template parsed, or nullopt when `name` is not one.
std::optional<Json> FindPolicyTemplate(std::string_view name) {
  std::optional<std::string_view> text = FindPolicyTemplateText(name);
  if (!text.has_value())
    return std::nullopt;
  return Json::parse(*text, nullptr, false);
}

// Only whether it is one: no need to parse it.
bool IsPolicyTemplate(const Json& policy) {
  return policy.is_object() && policy.size() == 1 &&
         FindPolicyTemplateText(policy.begin().key()).has_value();
}

enum class PolicyType { kManaged, kStatement, kTemplate, kUnknown };

Status TypeOf(const Json& policy, bool templates, PolicyType* out);

Status TypeOfIf(const Json& policy, bool templates, PolicyType* out) {
  const Json& items = *policy.begin();
  if (!items.is_array() || items.size() != 3) {
    return TemplateError("Fn::If requires 3 arguments.");
  }
  PolicyType a, b;
  SAM_TRY(TypeOf(items[1], templates, &a));
  SAM_TRY(TypeOf(items[2], templates, &b));
  if (a == b) {
    *out = a;
  } else if (IsNoValue(items[1])) {
    *out = b;
  } else if (IsNoValue(items[2])) {
    *out = a;
  } else {
    return TemplateError(
        "Different policy types within the same Fn::If statement is unsupported. Separate "
        "different policy types into different Fn::If statements");
  }
  return Ok();
}

Status TypeOf(const Json& policy, bool templates, PolicyType* out) {
  if (policy.is_string()) {
    *out = PolicyType::kManaged;
  } else if (IsIntrinsic(policy, "Fn::If")) {
    return TypeOfIf(policy, templates, out);
  } else if (IsIntrinsic(policy)) {
    *out = PolicyType::kManaged;
  } else if (policy.is_object() && policy.contains("Statement")) {
    *out = PolicyType::kStatement;
  } else if (templates && IsPolicyTemplate(policy)) {
    *out = PolicyType::kTemplate;
  } else {
    *out = PolicyType::kUnknown;
  }
  return Ok();
}

void Disambiguate(Json& node) {
  if (node.is_object()) {
    for (auto it = node.begin(); it != node.end(); ++it)
      Disambiguate(it.value());
    if (Json* ref = GetMut(node, "Ref"); ref != nullptr && ref->is_string())
      *ref = std::string(kPrefix) + ref->get<std::string>();
  } else if (node.is_array()) {
    for (Json& item : node)
      Disambiguate(item);
  }
}

// Resolves {"Ref": prefixed-name} against the template's parameter values, recursively.
void ResolveTemplateRefs(Json& node, const Json& values) {
  if (IsIntrinsic(node, "Ref") && node.begin()->is_string()) {
    std::string name = node.begin()->get<std::string>();
    if (const Json* v = Get(values, name)) {
      Json copy = *v;
      node = std::move(copy);
    }
  }
  if (node.is_object()) {
    for (auto it = node.begin(); it != node.end(); ++it)
      ResolveTemplateRefs(it.value(), values);
  } else if (node.is_array()) {
    for (Json& item : node)
      ResolveTemplateRefs(item, values);
  }
}

Status ConvertTemplate(const std::string& logical_id, const Json& policy, Json* out) {
  const std::string name = policy.begin().key();
  const Json& values = policy.begin().value();
  std::optional<Json> tmpl = FindPolicyTemplate(name);
  const Json& params = (*tmpl)["Parameters"];
  if (!values.is_object()) {
    return ResourceError(logical_id,
                         "Must specify valid parameter values for policy template '" + name + "'",
                         {"Properties", "Policies"});
  }
  std::vector<std::string> missing;
  for (auto it = params.begin(); it != params.end(); ++it) {
    if (!values.contains(it.key()))
      missing.push_back(it.key());
  }
  if (!missing.empty()) {
    Json list = Json::array();
    for (const std::string& m : missing)
      list.push_back(m);
    return ResourceError(logical_id,
                         "Following required parameters of template '" + name +
                             "' don't have values: " + PyRepr(list),
                         {"Properties", "Policies"});
  }
  Json prefixed = Json::object();
  for (auto it = values.begin(); it != values.end(); ++it) {
    if (params.contains(it.key()))
      prefixed[std::string(kPrefix) + it.key()] = it.value();
  }
  Json definition = (*tmpl)["Definition"];
  Disambiguate(definition);
  if (!prefixed.empty())
    ResolveTemplateRefs(definition, prefixed);
  *out = std::move(definition);
  return Ok();
}

std::string LookupManagedPolicy(const Context& ctx, const std::string& name) {
  std::string_view data = EmbeddedManagedPolicies();
  std::string needle = ctx.partition + "\t" + name + "\t";
  size_t pos = data.rfind(needle, 0) == 0 ? 0 : data.find("\n" + needle);
  if (pos != std::string_view::npos) {
    size_t start = pos == 0 && data.rfind(needle, 0) == 0 ? needle.size() : pos + 1 + needle.size();
    size_t end = data.find('\n', start);
    return std::string(data.substr(start, end == std::string_view::npos ? end : end - start));
  }
  if (name.rfind("arn:", 0) == 0)
    return name;
  if (!ctx.options.managed_policies.empty()) {
    auto& loader = const_cast<Context&>(ctx).loader_policies;
    if (!loader.has_value()) {
      std::ifstream in(ctx.options.managed_policies);
      std::stringstream buf;
      buf << in.rdbuf();
      loader = Json::parse(buf.str(), nullptr, false);
    }
    if (const Json* arn = Get(*loader, name); arn != nullptr && arn->is_string())
      return arn->get<std::string>();
  }
  return name;
}

}  // namespace

Status ExpandPolicyTemplates(SamResource& resource) {
  Json* policies = GetMut(resource.properties, "Policies");
  if (!Truthy(policies))
    return Ok();
  Json list = policies->is_array() ? *policies : Json::array({*policies});
  Json result = Json::array();
  for (const Json& policy : list) {
    PolicyType type;
    SAM_TRY(TypeOf(policy, true, &type));
    if (type != PolicyType::kTemplate) {
      result.push_back(policy);
      continue;
    }
    if (IsIntrinsic(policy, "Fn::If")) {
      const Json& items = *policy.begin();
      Json then_value = items[1], else_value = items[2];
      if (!IsNoValue(then_value))
        SAM_TRY(ConvertTemplate(resource.logical_id, items[1], &then_value));
      if (!IsNoValue(else_value))
        SAM_TRY(ConvertTemplate(resource.logical_id, items[2], &else_value));
      result.push_back(Json{{"Fn::If", Json::array({items[0], then_value, else_value})}});
      continue;
    }
    Json converted;
    SAM_TRY(ConvertTemplate(resource.logical_id, policy, &converted));
    result.push_back(std::move(converted));
  }
  *policies = std::move(result);
  return Ok();
}

Status ConstructRole(const SamResource& resource, Context& ctx, const Json* policies, RoleSpec spec,
                     Json* role) {
  std::string role_id = resource.logical_id + "Role";
  Json list = Json::array();
  if (Truthy(policies))
    list = policies->is_array() ? *policies : Json::array({*policies});
  Json& managed = spec.managed_policy_arns;
  Json& documents = spec.policy_documents;
  for (size_t index = 0; index < list.size(); ++index) {
    const Json& policy = list[index];
    PolicyType type;
    SAM_TRY(TypeOf(policy, false, &type));
    std::string policy_name = role_id + "Policy" + std::to_string(index);
    if (type == PolicyType::kStatement) {
      if (IsIntrinsic(policy, "Fn::If")) {
        Json copy = policy;
        Json& items = *copy.begin();
        for (int k = 1; k <= 2; ++k) {
          if (!IsNoValue(items[k]))
            items[k] = Json{{"PolicyName", policy_name}, {"PolicyDocument", items[k]}};
        }
        documents.push_back(std::move(copy));
      } else {
        documents.push_back(Json{{"PolicyName", policy_name}, {"PolicyDocument", policy}});
      }
    } else if (type == PolicyType::kManaged) {
      Json arn = policy;
      if (arn.is_string()) {
        arn = LookupManagedPolicy(ctx, arn.get<std::string>());
      } else if (IsIntrinsic(arn, "Fn::If") && arn.begin()->is_array() &&
                 arn.begin()->size() == 3) {
        Json& items = *arn.begin();
        for (int k = 1; k <= 2; ++k) {
          if (!IsNoValue(items[k]) && items[k].is_string())
            items[k] = LookupManagedPolicy(ctx, items[k].get<std::string>());
        }
      }
      bool present = false;
      for (const Json& m : managed)
        present = present || m == arn;
      if (!present)
        managed.push_back(std::move(arn));
    } else {
      return ResourceError(
          resource.logical_id,
          "Policy at index " + std::to_string(index) + " in the 'Policies' property is not valid",
          {"Properties", "Policies"});
    }
  }
  Json r = NewResource("AWS::IAM::Role", spec.attributes);
  Json& props = r["Properties"];
  props["AssumeRolePolicyDocument"] = spec.assume_role_policy_document;
  props["ManagedPolicyArns"] = managed;
  if (!documents.empty())
    props["Policies"] = documents;
  if (spec.role_path != nullptr && !spec.role_path->is_null())
    props["Path"] = *spec.role_path;
  if (spec.permissions_boundary != nullptr && !spec.permissions_boundary->is_null())
    props["PermissionsBoundary"] = *spec.permissions_boundary;
  if (!spec.tags.is_null())
    props["Tags"] = spec.tags;
  *role = std::move(r);
  return Ok();
}

}  // namespace cfnx::sam
