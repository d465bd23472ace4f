// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "transforms/sam/intrinsics.h"

#include <functional>

namespace cfnx::sam {
namespace {

bool IsLogicalIdChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.';
}

// Finds ${X} references as the reference's regex does:
// \$\{([A-Za-z0-9\.]+|AWS::[A-Z][A-Za-z]*)\}, calling `handler(full, inner)` for each match (of
// the original text) and replacing the first occurrence of `full` in the running result.
std::string SubAllRefs(
    const std::string& text,
    const std::function<std::string(const std::string&, const std::string&)>& handler) {
  std::string result = text;
  size_t i = 0;
  while (i + 1 < text.size()) {
    if (text[i] != '$' || text[i + 1] != '{') {
      ++i;
      continue;
    }
    size_t start = i + 2;
    size_t j = start;
    bool matched = false;
    if (text.compare(start, 5, "AWS::") == 0 && start + 5 < text.size() && text[start + 5] >= 'A' &&
        text[start + 5] <= 'Z') {
      j = start + 6;
      while (j < text.size() &&
             ((text[j] >= 'A' && text[j] <= 'Z') || (text[j] >= 'a' && text[j] <= 'z')))
        ++j;
      matched = j < text.size() && text[j] == '}';
    }
    if (!matched) {
      j = start;
      while (j < text.size() && IsLogicalIdChar(text[j]))
        ++j;
      matched = j > start && j < text.size() && text[j] == '}';
    }
    if (!matched) {
      ++i;
      continue;
    }
    std::string full = text.substr(i, j + 1 - i);
    std::string inner = text.substr(start, j - start);
    std::string replacement = handler(full, inner);
    size_t pos = result.find(full);
    if (pos != std::string::npos)
      result.replace(pos, full.size(), replacement);
    i = j + 1;
  }
  return result;
}

void HandleSub(Json& sub,
               const std::function<std::string(const std::string&, const std::string&)>& handler) {
  Json& value = *sub.begin();
  if (value.is_string()) {
    value = SubAllRefs(value.get<std::string>(), handler);
  } else if (value.is_array() && !value.empty() && value[0].is_string()) {
    value[0] = SubAllRefs(value[0].get<std::string>(), handler);
  }
}

const Json* ParameterValue(const Json& parameters, const std::string& name) {
  const Json* v = Get(parameters, name);
  if (v != nullptr && v->is_string() &&
      v->get_ref<const std::string&>().rfind("{{IntrinsicFunction:", 0) == 0)
    return nullptr;
  return v;
}

// Whether `value` holds a {"Ref": NAME} naming one of `parameters` (at any depth).
bool RefersToParameter(const Json& value, const Json& parameters) {
  if (value.is_object()) {
    if (value.size() == 1 && value.begin().key() == "Ref" && value.begin()->is_string() &&
        parameters.contains(value.begin()->get<std::string>()))
      return true;
    for (const Json& v : value)
      if (RefersToParameter(v, parameters))
        return true;
  } else if (value.is_array()) {
    for (const Json& v : value)
      if (RefersToParameter(v, parameters))
        return true;
  }
  return false;
}

void Traverse(Json& value, const std::function<void(Json&)>& resolve_one) {
  resolve_one(value);
  if (value.is_object()) {
    for (auto it = value.begin(); it != value.end(); ++it)
      Traverse(it.value(), resolve_one);
  } else if (value.is_array()) {
    for (Json& item : value)
      Traverse(item, resolve_one);
  }
}

std::pair<std::string, std::string> SplitRef(const std::string& ref) {
  size_t dot = ref.find('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 == ref.size())
    return {"", ""};
  return {ref.substr(0, dot), ref.substr(dot + 1)};
}

const std::string* LookupRef(const std::map<std::string, std::map<std::string, std::string>>& refs,
                             const std::string& id, const std::string& property) {
  auto it = refs.find(id);
  if (it == refs.end())
    return nullptr;
  auto p = it->second.find(property);
  return p == it->second.end() ? nullptr : &p->second;
}

}  // namespace

void ResolveParameterRefsInPlace(Json& value, const Json& parameters) {
  if (parameters.empty())
    return;
  Traverse(value, [&](Json& v) {
    if (IsIntrinsic(v, "Ref")) {
      const Json& name = *v.begin();
      if (!name.is_string())
        return;
      if (const Json* p = ParameterValue(parameters, name.get<std::string>())) {
        // A value that itself refers to a parameter (a Default such as {"Fn::GetAZs": {"Ref":
        // "Self"}}, which CloudFormation refuses anyway) would be substituted forever: the
        // reference recurses until Python's RecursionError. It stays a Ref here (found by the
        // sam fuzzer as a stack overflow).
        if (RefersToParameter(*p, parameters))
          return;
        Json copy = *p;
        v = std::move(copy);
      }
    } else if (IsIntrinsic(v, "Fn::Sub")) {
      HandleSub(v, [&](const std::string& full, const std::string& inner) {
        const Json* p = ParameterValue(parameters, inner);
        if (p == nullptr)
          return full;
        if (p->is_string())
          return p->get<std::string>();
        return PyStr(*p);
      });
    }
  });
}

Json ResolveParameterRefs(const Json& value, const Json& parameters) {
  Json copy = value;
  ResolveParameterRefsInPlace(copy, parameters);
  return copy;
}

Status ResolveFindInMap(Json& value, const Json& mappings) {
  Status status;
  std::function<void(Json&)> resolve = [&](Json& v) {
    if (!status.ok() || !IsIntrinsic(v, "Fn::FindInMap"))
      return;
    Json& args = *v.begin();
    if (!args.is_array() || args.size() != 3) {
      status = TemplateError("Invalid FindInMap value " + PyStr(args) +
                             ". FindInMap expects an array with 3 values.");
      return;
    }
    for (Json& a : args)
      resolve(a);
    if (!status.ok())
      return;
    if (!args[0].is_string() || !args[1].is_string() || !args[2].is_string())
      return;
    const std::string map_name = args[0].get<std::string>();
    const Json* map = Get(mappings, map_name);
    if (map == nullptr)
      return;
    std::string two_level =
        "Cannot use Fn::FindInMap on Mapping '" + map_name + "' which is not a a two-level map.";
    if (!map->is_object()) {
      status = TemplateError(two_level);
      return;
    }
    const Json* top = Get(*map, args[1].get<std::string>());
    if (top == nullptr)
      return;
    if (!top->is_object()) {
      status = TemplateError(two_level);
      return;
    }
    const Json* second = Get(*top, args[2].get<std::string>());
    if (second == nullptr)
      return;
    Json copy = *second;
    v = std::move(copy);
  };
  Traverse(value, resolve);
  if (!status.ok())
    status.error().fatal = true;  // InvalidDocumentException: stops the whole translation
  return status;
}

void ResolveResourceRefs(Json& value,
                         const std::map<std::string, std::map<std::string, std::string>>& refs) {
  if (refs.empty())
    return;
  Traverse(value, [&](Json& v) {
    if (IsIntrinsic(v, "Ref")) {
      const Json& target = *v.begin();
      if (!target.is_string())
        return;
      auto [id, prop] = SplitRef(target.get<std::string>());
      if (id.empty())
        return;
      if (const std::string* resolved = LookupRef(refs, id, prop))
        v = Ref(*resolved);
    } else if (IsIntrinsic(v, "Fn::GetAtt")) {
      const Json& args = *v.begin();
      if (!args.is_array() || args.size() < 2)
        return;
      std::string joined;
      for (const Json& a : args) {
        if (!a.is_string())
          return;
        if (!joined.empty())
          joined += '.';
        joined += a.get<std::string>();
      }
      std::vector<std::string> parts;
      size_t start = 0;
      while (true) {
        size_t dot = joined.find('.', start);
        parts.push_back(joined.substr(start, dot - start));
        if (dot == std::string::npos)
          break;
        start = dot + 1;
      }
      if (parts.size() < 2)
        return;
      const std::string* resolved = LookupRef(refs, parts[0], parts[1]);
      if (resolved == nullptr)
        return;
      Json out = Json::array({*resolved});
      for (size_t k = 2; k < parts.size(); ++k)
        out.push_back(parts[k]);
      v = Json{{"Fn::GetAtt", std::move(out)}};
    } else if (IsIntrinsic(v, "Fn::Sub")) {
      HandleSub(v, [&](const std::string& full, const std::string& inner) {
        size_t dot = inner.find('.');
        if (dot == std::string::npos)
          return full;
        std::string id = inner.substr(0, dot);
        size_t dot2 = inner.find('.', dot + 1);
        std::string prop =
            inner.substr(dot + 1, dot2 == std::string::npos ? std::string::npos : dot2 - dot - 1);
        const std::string* resolved = LookupRef(refs, id, prop);
        if (resolved == nullptr)
          return full;
        std::string out = full;
        std::string needle = id + "." + prop;
        size_t pos = out.find(needle);
        if (pos != std::string::npos)
          out.replace(pos, needle.size(), *resolved);
        return out;
      });
    }
  });
}

void ResolveResourceIdRefs(Json& value, const std::map<std::string, std::string>& changed) {
  if (changed.empty())
    return;
  Traverse(value, [&](Json& v) {
    if (IsIntrinsic(v, "Ref")) {
      const Json& target = *v.begin();
      if (!target.is_string() ||
          target.get_ref<const std::string&>().find('.') != std::string::npos)
        return;
      auto it = changed.find(target.get<std::string>());
      if (it != changed.end())
        v = Ref(it->second);
    } else if (IsIntrinsic(v, "Fn::GetAtt")) {
      Json& args = *v.begin();
      if (!args.is_array() || args.size() < 2 || !args[0].is_string())
        return;
      auto it = changed.find(args[0].get<std::string>());
      if (it != changed.end())
        args[0] = it->second;
    } else if (IsIntrinsic(v, "Fn::Sub")) {
      HandleSub(v, [&](const std::string& full, const std::string& inner) {
        std::string id = inner.substr(0, inner.find('.'));
        auto it = changed.find(id);
        if (it == changed.end())
          return full;
        std::string out = full;
        size_t pos = out.find(id);
        if (pos != std::string::npos)
          out.replace(pos, id.size(), it->second);
        return out;
      });
    }
  });
}

void ResolveDependsOn(Json& resources, const std::map<std::string, std::string>& changed) {
  if (changed.empty() || !resources.is_object())
    return;
  for (auto it = resources.begin(); it != resources.end(); ++it) {
    Json* depends = GetMut(it.value(), "DependsOn");
    if (depends == nullptr)
      continue;
    if (depends->is_string()) {
      auto c = changed.find(depends->get<std::string>());
      if (c != changed.end())
        *depends = c->second;
    } else if (depends->is_array()) {
      for (Json& d : *depends) {
        if (!d.is_string())
          continue;
        auto c = changed.find(d.get<std::string>());
        if (c != changed.end())
          d = c->second;
      }
    }
  }
}

}  // namespace cfnx::sam
