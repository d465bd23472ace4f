// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/plan/secrets.h"

#include <algorithm>
#include <vector>

#include "engine/plan/values.h"

namespace cfnx {

std::set<std::string> NoEchoParameterNames(const OrderedJson& template_json) {
  std::set<std::string> names;
  if (!template_json.is_object())
    return names;
  auto params = template_json.find("Parameters");
  if (params == template_json.end() || !params->is_object())
    return names;
  for (auto it = params->begin(); it != params->end(); ++it) {
    if (!it.value().is_object())
      continue;
    auto no_echo = it.value().find("NoEcho");
    if (no_echo == it.value().end())
      continue;
    if ((no_echo->is_boolean() && no_echo->get<bool>()) ||
        (no_echo->is_string() && (*no_echo == "true" || *no_echo == "True" || *no_echo == "TRUE")))
      names.insert(it.key());
  }
  return names;
}

bool RefersToSecret(const OrderedJson& expr, const std::set<std::string>& no_echo,
                    const std::set<std::string>& no_echo_resources) {
  if (no_echo.empty() && no_echo_resources.empty())
    return false;
  std::vector<std::string> path;
  std::vector<plan_internal::FoundRef> refs;
  plan_internal::CollectRefs(expr, path, refs);
  return std::any_of(refs.begin(), refs.end(), [&](const plan_internal::FoundRef& r) {
    using plan_internal::RefKind;
    if (r.kind == RefKind::kRef || r.kind == RefKind::kSubRef)
      return no_echo.count(r.target) != 0;
    if (r.kind == RefKind::kGetAtt || r.kind == RefKind::kSubGetAtt)
      return no_echo_resources.count(r.target) != 0;
    return false;
  });
}

OrderedJson MaskSecrets(const OrderedJson& expr, const OrderedJson& deployed,
                        const std::set<std::string>& no_echo,
                        const std::set<std::string>& no_echo_resources) {
  if (!RefersToSecret(expr, no_echo, no_echo_resources))
    return deployed;
  bool intrinsic = !plan_internal::IntrinsicName(expr).empty();
  if (!intrinsic && expr.is_object() && deployed.is_object()) {
    OrderedJson out = OrderedJson::object();
    for (auto it = deployed.begin(); it != deployed.end(); ++it) {
      auto e = expr.find(it.key());
      out[it.key()] =
          e == expr.end() ? it.value() : MaskSecrets(*e, it.value(), no_echo, no_echo_resources);
    }
    return out;
  }
  if (expr.is_array() && deployed.is_array() && expr.size() == deployed.size()) {
    OrderedJson out = OrderedJson::array();
    for (size_t i = 0; i < deployed.size(); ++i)
      out.push_back(MaskSecrets(expr[i], deployed[i], no_echo, no_echo_resources));
    return out;
  }
  return kMaskedValue;
}

OrderedJson MaskOutputs(const OrderedJson& outputs, const OrderedJson& template_json,
                        const std::set<std::string>& no_echo_resources) {
  std::set<std::string> secret = NoEchoParameterNames(template_json);
  if ((secret.empty() && no_echo_resources.empty()) || !outputs.is_array() ||
      !template_json.contains("Outputs") || !template_json["Outputs"].is_object())
    return outputs;
  const OrderedJson& decls = template_json["Outputs"];
  OrderedJson out = outputs;
  for (OrderedJson& o : out) {
    if (!o.is_object() || !o.contains("OutputKey") || !o["OutputKey"].is_string())
      continue;
    auto decl = decls.find(o["OutputKey"].get<std::string>());
    if (decl != decls.end() && decl->is_object() && decl->contains("Value") &&
        RefersToSecret((*decl)["Value"], secret, no_echo_resources))
      o["OutputValue"] = kMaskedValue;
  }
  return out;
}

}  // namespace cfnx
