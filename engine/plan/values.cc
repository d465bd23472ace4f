// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Intrinsic function semantics follow
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html

#include "engine/plan/values.h"

#include <cstdlib>

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

std::optional<std::string> AsString(const Json& j) {
  if (j.is_string()) {
    return j.get<std::string>();
  }
  if (j.is_number_integer()) {
    return std::to_string(j.get<long long>());
  }
  if (j.is_number()) {
    return j.dump();
  }
  if (j.is_boolean()) {
    return j.get<bool>() ? "true" : "false";
  }
  return std::nullopt;
}

std::optional<bool> EvalConditionExpr(const Json& j, EvalContext& ctx);

std::optional<bool> EvalBoolList(const Json& args, EvalContext& ctx, bool is_and) {
  if (!args.is_array()) {
    return std::nullopt;
  }
  bool unknown = false;
  for (const Json& item : args) {
    std::optional<bool> v = EvalConditionExpr(item, ctx);
    if (!v) {
      unknown = true;
    } else if (*v != is_and) {
      return !is_and;  // a false in And, a true in Or decides
    }
  }
  if (unknown) {
    return std::nullopt;
  }
  return is_and;
}

std::optional<bool> EvalConditionExpr(const Json& j, EvalContext& ctx) {
  std::string_view fn = IntrinsicName(j);
  const Json& args = fn.empty() ? j : j.begin().value();
  if (fn == "Condition" && args.is_string()) {
    return EvalCondition(ctx, args.get<std::string>());
  }
  if (fn == "Fn::Equals" && args.is_array() && args.size() == 2) {
    bool masked = false;
    std::optional<Json> a = TryResolve(args[0], ctx, &masked);
    std::optional<Json> b = TryResolve(args[1], ctx, &masked);
    if (!a || !b) {
      return std::nullopt;
    }
    std::optional<std::string> sa = AsString(*a), sb = AsString(*b);
    if (sa && sb) {
      return *sa == *sb;
    }
    return *a == *b;
  }
  if (fn == "Fn::And" || fn == "Fn::Or") {
    return EvalBoolList(args, ctx, fn == "Fn::And");
  }
  if (fn == "Fn::Not" && args.is_array() && args.size() == 1) {
    std::optional<bool> v = EvalConditionExpr(args[0], ctx);
    if (!v) {
      return std::nullopt;
    }
    return !*v;
  }
  if (j.is_boolean()) {
    return j.get<bool>();
  }
  return std::nullopt;
}

std::optional<Json> ResolveRef(const std::string& name, EvalContext& ctx, bool* masked) {
  if (ctx.unknown_parameters.count(name) != 0) {
    return std::nullopt;
  }
  auto p = ctx.parameters.find(name);
  if (p != ctx.parameters.end()) {
    if (ctx.no_echo.count(name) != 0) {
      *masked = true;
    }
    if (ctx.list_parameters.count(name) != 0) {
      Json list = Json::array();
      size_t start = 0;
      while (true) {
        size_t comma = p->second.find(',', start);
        list.push_back(p->second.substr(start, comma - start));
        if (comma == std::string::npos) {
          break;
        }
        start = comma + 1;
      }
      return list;
    }
    return Json(p->second);
  }
  auto ps = ctx.pseudo.find(name);
  if (ps != ctx.pseudo.end()) {
    return Json(ps->second);
  }
  if (ctx.known_resource) {
    if (const StackResource* r = ctx.known_resource(name);
        r != nullptr && !r->physical_id.empty()) {
      return Json(r->physical_id);
    }
  }
  return std::nullopt;
}

std::optional<Json> ResolveGetAtt(const std::string& id, const std::string& attr,
                                  EvalContext& ctx) {
  if (!ctx.known_resource) {
    return std::nullopt;
  }
  const StackResource* r = ctx.known_resource(id);
  if (r == nullptr || !r->attributes.is_object()) {
    return std::nullopt;
  }
  auto it = r->attributes.find(attr);
  if (it == r->attributes.end()) {
    return std::nullopt;
  }
  return *it;
}

std::optional<Json> ResolveSub(const Json& args, EvalContext& ctx, bool* masked) {
  const Json* text = &args;
  const Json* vars = nullptr;
  if (args.is_array()) {
    if (args.empty() || !args[0].is_string()) {
      return std::nullopt;
    }
    text = &args[0];
    if (args.size() > 1) {
      vars = &args[1];
    }
  }
  if (!text->is_string()) {
    return std::nullopt;
  }
  const std::string& s = text->get_ref<const std::string&>();
  std::string out;
  size_t last = 0;
  for (const SubVariable& v : ParseSubVariables(s)) {
    size_t open = s.rfind("${", v.offset);
    out += s.substr(last, open - last);
    std::optional<Json> value;
    if (vars != nullptr && vars->is_object() && vars->contains(v.name)) {
      value = TryResolve((*vars)[v.name], ctx, masked);
    } else if (size_t dot = v.name.find('.');
               dot != std::string::npos && !ctx.pseudo.count(v.name)) {
      value = ResolveGetAtt(v.name.substr(0, dot), v.name.substr(dot + 1), ctx);
    } else {
      value = ResolveRef(v.name, ctx, masked);
    }
    if (!value) {
      return std::nullopt;
    }
    std::optional<std::string> str = AsString(*value);
    if (!str) {
      return std::nullopt;
    }
    out += *str;
    last = s.find('}', v.offset) + 1;
  }
  out += s.substr(last);
  // ${!Literal} escapes print as ${Literal}.
  std::string unescaped;
  for (size_t i = 0; i < out.size(); ++i) {
    if (out.compare(i, 3, "${!") == 0) {
      unescaped += "${";
      i += 2;
    } else {
      unescaped += out[i];
    }
  }
  return Json(unescaped);
}

std::optional<Json> ResolveFn(std::string_view fn, const Json& args, EvalContext& ctx,
                              bool* masked) {
  if (fn == "Ref" && args.is_string()) {
    return ResolveRef(args.get<std::string>(), ctx, masked);
  }
  if (fn == "Fn::GetAtt") {
    if (args.is_array() && args.size() == 2 && args[0].is_string() && args[1].is_string()) {
      return ResolveGetAtt(args[0].get<std::string>(), args[1].get<std::string>(), ctx);
    }
    if (args.is_string()) {
      const std::string& s = args.get_ref<const std::string&>();
      size_t dot = s.find('.');
      if (dot != std::string::npos) {
        return ResolveGetAtt(s.substr(0, dot), s.substr(dot + 1), ctx);
      }
    }
    return std::nullopt;
  }
  if (fn == "Fn::Sub") {
    return ResolveSub(args, ctx, masked);
  }
  if (fn == "Fn::Join" && args.is_array() && args.size() == 2 && args[0].is_string()) {
    std::optional<Json> list = TryResolve(args[1], ctx, masked);
    if (!list || !list->is_array()) {
      return std::nullopt;
    }
    std::string out;
    for (size_t i = 0; i < list->size(); ++i) {
      std::optional<std::string> s = AsString((*list)[i]);
      if (!s) {
        return std::nullopt;
      }
      out += (i ? args[0].get<std::string>() : "") + *s;
    }
    return Json(out);
  }
  if (fn == "Fn::Select" && args.is_array() && args.size() == 2) {
    std::optional<Json> index = TryResolve(args[0], ctx, masked);
    std::optional<Json> list = TryResolve(args[1], ctx, masked);
    std::optional<std::string> is = index ? AsString(*index) : std::nullopt;
    if (!is || !list || !list->is_array()) {
      return std::nullopt;
    }
    size_t i = std::strtoul(is->c_str(), nullptr, 10);
    return i < list->size() ? std::optional<Json>((*list)[i]) : std::nullopt;
  }
  if (fn == "Fn::FindInMap" && args.is_array() && args.size() >= 3 && ctx.root != nullptr) {
    std::vector<std::string> keys{"Mappings"};
    for (size_t i = 0; i < 3; ++i) {
      std::optional<Json> k = TryResolve(args[i], ctx, masked);
      std::optional<std::string> s = k ? AsString(*k) : std::nullopt;
      if (!s) {
        return std::nullopt;
      }
      keys.push_back(*s);
    }
    const Json* v = JsonAt(*ctx.root, keys);
    return v ? std::optional<Json>(*v) : std::nullopt;
  }
  if (fn == "Fn::If" && args.is_array() && args.size() == 3 && args[0].is_string()) {
    std::optional<bool> c = EvalCondition(ctx, args[0].get<std::string>());
    if (!c) {
      return std::nullopt;
    }
    return TryResolve(args[*c ? 1 : 2], ctx, masked);
  }
  return std::nullopt;
}

}  // namespace

std::optional<bool> EvalCondition(EvalContext& ctx, std::string_view name) {
  std::string key(name);
  auto cached = ctx.condition_cache.find(key);
  if (cached != ctx.condition_cache.end()) {
    return cached->second;
  }
  ctx.condition_cache[key] = std::nullopt;  // breaks cycles: a cyclic condition is unknown
  const Json* expr = ctx.root ? JsonAt(*ctx.root, {"Conditions", key}) : nullptr;
  std::optional<bool> value = expr ? EvalConditionExpr(*expr, ctx) : std::nullopt;
  ctx.condition_cache[key] = value;
  return value;
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
  if (j.is_array()) {
    Json out = Json::array();
    for (const Json& item : j) {
      if (IsNoValue(item)) {
        continue;
      }
      std::optional<Json> v = TryResolve(item, ctx, masked);
      if (!v) {
        return std::nullopt;
      }
      out.push_back(std::move(*v));
    }
    return out;
  }
  if (!j.is_object()) {
    return j;
  }
  std::string_view fn = IntrinsicName(j);
  if (!fn.empty()) {
    return ResolveFn(fn, j.begin().value(), ctx, masked);
  }
  Json out = Json::object();
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (IsNoValue(it.value())) {
      continue;
    }
    std::optional<Json> v = TryResolve(it.value(), ctx, masked);
    if (!v) {
      return std::nullopt;
    }
    out[it.key()] = std::move(*v);
  }
  return out;
}

void CollectRefs(const Json& j, std::vector<std::string>& path, std::vector<FoundRef>& out) {
  if (j.is_string()) {
    if (j.get_ref<const std::string&>().find("{{resolve:") != std::string::npos) {
      out.push_back({RefKind::kDynamicReference, "", "", path});
    }
    return;
  }
  if (j.is_array()) {
    for (size_t i = 0; i < j.size(); ++i) {
      path.push_back(std::to_string(i));
      CollectRefs(j[i], path, out);
      path.pop_back();
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
      CollectRefs(*vars, path, out);
    }
    return;
  }
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (fn.empty()) {
      path.push_back(it.key());
    }
    CollectRefs(it.value(), path, out);
    if (fn.empty()) {
      path.pop_back();
    }
  }
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
