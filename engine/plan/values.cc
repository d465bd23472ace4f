// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Intrinsic function semantics follow
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html

#include "engine/plan/values.h"

#include <algorithm>
#include <cstdlib>

#include "engine/eval/evaluator.h"
#include "engine/eval/value_json.h"
#include "engine/validate/validate.h"

namespace cfnx::plan_internal {

std::string_view IntrinsicName(const Json& j) {
  if (!j.is_object() || j.size() != 1) {
    return "";
  }
  const std::string& key = j.begin().key();
  if (key == "Ref" || key == "Condition" || key.rfind("Fn::", 0) == 0) {
    return key;
  }
  return "";
}

bool IsNoValue(const Json& j) {
  return IntrinsicName(j) == "Ref" && j.begin().value() == "AWS::NoValue";
}

namespace {

// Whether `j` contains an intrinsic function call anywhere (plain data is its own value).
bool HasIntrinsic(const Json& j) {
  if (j.is_array()) {
    return std::any_of(j.begin(), j.end(), HasIntrinsic);
  }
  if (!j.is_object()) {
    return false;
  }
  if (!IntrinsicName(j).empty()) {
    return true;
  }
  return std::any_of(j.begin(), j.end(), HasIntrinsic);
}

// Whether `j` refers to one of `parameters` (Ref or a Fn::Sub variable).
bool RefersTo(const Json& j, const std::set<std::string>& parameters) {
  std::vector<std::string> path;
  std::vector<FoundRef> refs;
  CollectRefs(j, path, refs);
  return std::any_of(refs.begin(), refs.end(), [&](const FoundRef& r) {
    return (r.kind == RefKind::kRef || r.kind == RefKind::kSubRef) &&
           parameters.count(r.target) != 0;
  });
}

}  // namespace

std::optional<bool> EvalCondition(EvalContext& ctx, std::string_view name) {
  Evaluator* ev = ctx.evaluator ? ctx.evaluator() : nullptr;
  return ev != nullptr ? ev->IsConditionTrue(name) : std::nullopt;
}

Json Normalize(const Json& j, EvalContext& ctx) {
  if (j.is_array()) {
    Json out = Json::array();
    for (const Json& item : j) {
      Json n = Normalize(item, ctx);
      if (!IsNoValue(n)) {
        out.push_back(std::move(n));
      }
    }
    return out;
  }
  if (!j.is_object()) {
    return j;
  }
  std::string_view fn = IntrinsicName(j);
  if (fn == "Fn::If") {
    const Json& args = j.begin().value();
    if (args.is_array() && args.size() == 3 && args[0].is_string()) {
      std::optional<bool> c = EvalCondition(ctx, args[0].get<std::string>());
      if (c) {
        return Normalize(args[*c ? 1 : 2], ctx);
      }
    }
  }
  Json out = Json::object();
  for (auto it = j.begin(); it != j.end(); ++it) {
    Json n = Normalize(it.value(), ctx);
    if (!IsNoValue(n) || !fn.empty()) {
      out[it.key()] = std::move(n);
    }
  }
  return out;
}

std::optional<Json> TryResolve(const Json& j, EvalContext& ctx, bool* masked) {
  if (!HasIntrinsic(j)) {
    return j;
  }
  Evaluator* ev = ctx.evaluator ? ctx.evaluator() : nullptr;
  if (ev == nullptr) {
    return std::nullopt;
  }
  static const TemplatePath kNoPath;
  Value v = ev->Evaluate(FromJson(j, ctx.scratch), kNoPath);
  if (!v.is_known() || v.is_no_value()) {
    return std::nullopt;
  }
  if (v.sensitive() || (!ctx.no_echo.empty() && RefersTo(j, ctx.no_echo))) {
    *masked = true;
  }
  return ValueToJson(v, /*mask_sensitive=*/false);
}

namespace {

// `in_function`: `j` is inside a function's arguments, where the path stops growing: a
// reference there is reported at the property holding the call, as CloudFormation does
// (/Properties/Value for `Value: !Select [0, !Ref Names]`, not /Properties/Value/1).
void CollectRefsIn(const Json& j, bool in_function, std::vector<std::string>& path,
                   std::vector<FoundRef>& out) {
  if (j.is_string()) {
    if (j.get_ref<const std::string&>().find("{{resolve:") != std::string::npos) {
      out.push_back({RefKind::kDynamicReference, "", "", path});
    }
    return;
  }
  if (j.is_array()) {
    for (size_t i = 0; i < j.size(); ++i) {
      if (!in_function) {
        path.push_back(std::to_string(i));
      }
      CollectRefsIn(j[i], in_function, path, out);
      if (!in_function) {
        path.pop_back();
      }
    }
    return;
  }
  if (!j.is_object()) {
    return;
  }
  std::string_view fn = IntrinsicName(j);
  const Json& args = fn.empty() ? j : j.begin().value();
  if (fn == "Ref" && args.is_string()) {
    out.push_back({RefKind::kRef, args.get<std::string>(), "", path});
    return;
  }
  if (fn == "Fn::GetAtt") {
    if (args.is_array() && args.size() >= 2 && args[0].is_string()) {
      out.push_back({RefKind::kGetAtt, args[0].get<std::string>(),
                     args[1].is_string() ? args[1].get<std::string>() : "", path});
      return;
    }
    if (args.is_string()) {
      const std::string& s = args.get_ref<const std::string&>();
      size_t dot = s.find('.');
      out.push_back({RefKind::kGetAtt, s.substr(0, dot),
                     dot == std::string::npos ? "" : s.substr(dot + 1), path});
      return;
    }
  }
  if (fn == "Fn::ImportValue") {
    out.push_back(
        {RefKind::kImportValue, args.is_string() ? args.get<std::string>() : "", "", path});
  }
  if (fn == "Fn::Sub") {
    const Json* text = args.is_array() && !args.empty() ? &args[0] : &args;
    const Json* vars = args.is_array() && args.size() > 1 ? &args[1] : nullptr;
    if (text->is_string()) {
      for (const SubVariable& v : ParseSubVariables(text->get_ref<const std::string&>())) {
        if (vars != nullptr && vars->is_object() && vars->contains(v.name)) {
          continue;
        }
        size_t dot = v.name.find('.');
        if (dot == std::string::npos || v.name.rfind("AWS::", 0) == 0) {
          out.push_back({RefKind::kSubRef, v.name, "", path});
        } else {
          out.push_back({RefKind::kSubGetAtt, v.name.substr(0, dot), v.name.substr(dot + 1), path});
        }
      }
      if (text->get_ref<const std::string&>().find("{{resolve:") != std::string::npos) {
        out.push_back({RefKind::kDynamicReference, "", "", path});
      }
    }
    if (vars != nullptr) {
      CollectRefsIn(*vars, true, path, out);
    }
    return;
  }
  bool grows = fn.empty() && !in_function;
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (grows) {
      path.push_back(it.key());
    }
    CollectRefsIn(it.value(), in_function || !fn.empty(), path, out);
    if (grows) {
      path.pop_back();
    }
  }
}

}  // namespace

void CollectRefs(const Json& j, std::vector<std::string>& path, std::vector<FoundRef>& out) {
  CollectRefsIn(j, false, path, out);
}

std::string DisplayValue(const Json& j) {
  if (j.is_string()) {
    return j.get<std::string>();
  }
  return j.dump();
}

const Json* JsonAt(const Json& j, const std::vector<std::string>& segments, size_t from) {
  const Json* at = &j;
  for (size_t i = from; i < segments.size(); ++i) {
    const std::string& s = segments[i];
    if (at->is_object()) {
      auto it = at->find(s);
      if (it == at->end()) {
        return nullptr;
      }
      at = &*it;
    } else if (at->is_array()) {
      char* end = nullptr;
      size_t index = std::strtoul(s.c_str(), &end, 10);
      if (s.empty() || *end != '\0' || index >= at->size()) {
        return nullptr;
      }
      at = &(*at)[index];
    } else {
      return nullptr;
    }
  }
  return at;
}

}  // namespace cfnx::plan_internal
