// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// BeforeContext / AfterContext as DescribeChangeSet returns them:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ResourceChange.html
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-updating-stacks-changesets-samples.html

#include "engine/plan/context.h"

#include <vector>

namespace cfnx::plan_internal {
namespace {

// The value of an intrinsic (or a string with a dynamic reference) at `path` under Properties.
Json ResolveLeaf(const Json& j, const ContextInputs& in, const std::vector<std::string>& path) {
  if (in.known_after_apply && in.known_after_apply(j)) {
    return Json(kKnownAfterApply);
  }
  if (j.is_string()) {
    return j;  // a dynamic reference on a side where it is not unknown: shown as written
  }
  bool masked = false;
  std::optional<Json> value = TryResolve(j, *in.ctx, &masked);
  if (masked || (!value && RefersToNoEcho(j, *in.ctx))) {
    return Json("****");
  }
  if (value) {
    return StringifyScalars(*value);
  }
  if (in.deployed != nullptr) {
    if (const Json* deployed = JsonAt(*in.deployed, path)) {
      return StringifyScalars(*deployed);
    }
  }
  return Json(kKnownAfterApply);
}

Json ContextValue(const Json& j, const ContextInputs& in, std::vector<std::string>& path) {
  if (j.is_array()) {
    Json out = Json::array();
    for (size_t i = 0; i < j.size(); ++i) {
      path.push_back(std::to_string(i));
      out.push_back(ContextValue(j[i], in, path));
      path.pop_back();
    }
    return out;
  }
  if (j.is_object() && IntrinsicName(j).empty()) {
    Json out = Json::object();
    auto& members = out.get_ref<Json::object_t&>();
    for (auto it = j.begin(); it != j.end(); ++it) {
      path.push_back(it.key());
      members.emplace_back(it.key(), ContextValue(it.value(), in, path));
      path.pop_back();
    }
    return out;
  }
  if (j.is_object() ||
      (j.is_string() && j.get_ref<const std::string&>().find("{{resolve:") != std::string::npos)) {
    return ResolveLeaf(j, in, path);
  }
  return StringifyScalars(j);
}

}  // namespace

bool RefersToNoEcho(const Json& j, const EvalContext& ctx) {
  if (ctx.no_echo.empty()) {
    return false;
  }
  std::vector<std::string> path;
  std::vector<FoundRef> refs;
  CollectRefs(j, path, refs);
  for (const FoundRef& r : refs) {
    if ((r.kind == RefKind::kRef || r.kind == RefKind::kSubRef) && ctx.no_echo.count(r.target)) {
      return true;
    }
  }
  return false;
}

Json StringifyScalars(const Json& j) {
  if (j.is_boolean()) {
    return Json(j.get<bool>() ? "true" : "false");
  }
  if (j.is_number_integer()) {
    return Json(j.is_number_unsigned() ? std::to_string(j.get<unsigned long long>())
                                       : std::to_string(j.get<long long>()));
  }
  if (j.is_number()) {
    return Json(j.dump());
  }
  if (j.is_array()) {
    Json out = Json::array();
    for (const Json& item : j) {
      out.push_back(StringifyScalars(item));
    }
    return out;
  }
  if (j.is_object()) {
    Json out = Json::object();
    auto& members = out.get_ref<Json::object_t&>();
    for (auto it = j.begin(); it != j.end(); ++it) {
      members.emplace_back(it.key(), StringifyScalars(it.value()));
    }
    return out;
  }
  return j;
}

std::string BuildResourceContext(const ContextInputs& in) {
  const Json& resource = *in.resource;
  Json normalized;
  const Json* properties = in.properties;
  if (properties == nullptr) {
    auto it = resource.find("Properties");
    normalized = it != resource.end() && it->is_object() ? Normalize(*it, *in.ctx) : Json();
    properties = &normalized;
  }
  Json context = Json::object();
  auto& members = context.get_ref<Json::object_t&>();
  std::vector<std::string> path;
  members.emplace_back(
      "Properties", properties->is_object() ? ContextValue(*properties, in, path) : Json::object());
  // Resource attributes after Properties, in the order of AWS's published contexts.
  for (const char* key : {"UpdateReplacePolicy", "DeletionPolicy"}) {
    auto it = resource.find(key);
    if (it == resource.end()) {
      continue;
    }
    Json policy = Normalize(*it, *in.ctx);
    if (policy.is_string()) {
      members.emplace_back(key, std::move(policy));
    }
  }
  return context.dump();
}

}  // namespace cfnx::plan_internal
