// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/exec/resolve.h"

#include <algorithm>
#include <queue>

namespace cfnx {
namespace {

const ExecJson kNoValue = ExecJson(ExecJson::value_t::discarded);

bool IsFunction(const ExecJson& v, std::string* name) {
  if (!v.is_object() || v.size() != 1)
    return false;
  const std::string& key = v.begin().key();
  if (key == "Ref" || key == "Condition" || key.rfind("Fn::", 0) == 0) {
    *name = key;
    return true;
  }
  return false;
}

std::string ScalarText(const ExecJson& v) {
  if (v.is_string())
    return v.get<std::string>();
  if (v.is_boolean())
    return v.get<bool>() ? "true" : "false";
  if (v.is_number())
    return v.dump();
  return v.dump();
}

Error TemplateError(const std::string& message) {
  return Error{"Template error: " + message};
}

std::string Base64(const std::string& in) {
  static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    uint32_t n = (uint8_t(in[i]) << 16) | (uint8_t(in[i + 1]) << 8) | uint8_t(in[i + 2]);
    out += table[(n >> 18) & 63];
    out += table[(n >> 12) & 63];
    out += table[(n >> 6) & 63];
    out += table[n & 63];
  }
  if (i + 1 == in.size()) {
    uint32_t n = uint8_t(in[i]) << 16;
    out += table[(n >> 18) & 63];
    out += table[(n >> 12) & 63];
    out += "==";
  } else if (i + 2 == in.size()) {
    uint32_t n = (uint8_t(in[i]) << 16) | (uint8_t(in[i + 1]) << 8);
    out += table[(n >> 18) & 63];
    out += table[(n >> 12) & 63];
    out += table[(n >> 6) & 63];
    out += '=';
  }
  return out;
}

ErrorOr<ExecJson> PseudoParameter(const std::string& name, const ResolveContext& ctx) {
  if (name == "AWS::Region")
    return ExecJson(ctx.region);
  if (name == "AWS::AccountId")
    return ExecJson(ctx.account_id);
  if (name == "AWS::Partition")
    return ExecJson(ctx.partition);
  if (name == "AWS::StackName")
    return ExecJson(ctx.stack_name);
  if (name == "AWS::StackId")
    return ExecJson(ctx.stack_id);
  if (name == "AWS::URLSuffix")
    return ExecJson(ctx.partition == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com");
  if (name == "AWS::NotificationARNs")
    return ExecJson::array();
  if (name == "AWS::NoValue")
    return kNoValue;
  return TemplateError("Unresolved pseudo parameter " + name);
}

ErrorOr<ExecJson> RefName(const std::string& name, ResolveContext& ctx) {
  auto p = ctx.parameters.find(name);
  if (p != ctx.parameters.end())
    return p->second;
  if (name.rfind("AWS::", 0) == 0)
    return PseudoParameter(name, ctx);
  if (ctx.ref) {
    if (std::optional<ExecJson> id = ctx.ref(name))
      return *id;
  }
  return TemplateError("Unresolved resource dependencies [" + name +
                       "] in the Resources block of the template");
}

ErrorOr<ExecJson> GetAtt(const std::string& resource, const std::string& attribute,
                         ResolveContext& ctx) {
  if (ctx.get_att) {
    if (std::optional<ExecJson> v = ctx.get_att(resource, attribute))
      return *v;
  }
  return TemplateError("resource " + resource + " does not support attribute type " + attribute +
                       " in Fn::GetAtt (or the resource does not exist)");
}

ErrorOr<bool> EvalCondition(const std::string& name, ResolveContext& ctx, int depth);

ErrorOr<bool> EvalConditionExpr(const ExecJson& expr, ResolveContext& ctx, int depth) {
  if (depth > 64)
    return TemplateError("conditions nest too deeply (a cycle?)");
  std::string fn;
  if (!IsFunction(expr, &fn))
    return TemplateError("a condition must be a condition function, not " + expr.dump());
  const ExecJson& args = expr.begin().value();
  if (fn == "Condition") {
    if (!args.is_string())
      return TemplateError("Condition must name a condition");
    return EvalCondition(args.get<std::string>(), ctx, depth + 1);
  }
  if (fn == "Fn::Equals") {
    if (!args.is_array() || args.size() != 2)
      return TemplateError("Fn::Equals takes a list of two values");
    CFNX_ASSIGN_OR_RETURN(ExecJson a, Resolve(args[0], ctx));
    CFNX_ASSIGN_OR_RETURN(ExecJson b, Resolve(args[1], ctx));
    if (a.is_array() || b.is_array() || a.is_object() || b.is_object())
      return a == b;
    return ScalarText(a) == ScalarText(b);
  }
  if (fn == "Fn::Not") {
    if (!args.is_array() || args.size() != 1)
      return TemplateError("Fn::Not takes a list of one condition");
    CFNX_ASSIGN_OR_RETURN(bool v, EvalConditionExpr(args[0], ctx, depth + 1));
    return !v;
  }
  if (fn == "Fn::And" || fn == "Fn::Or") {
    if (!args.is_array() || args.empty())
      return TemplateError(fn + " takes a list of conditions");
    bool is_and = fn == "Fn::And";
    bool result = is_and;
    for (const ExecJson& item : args) {
      CFNX_ASSIGN_OR_RETURN(bool v, EvalConditionExpr(item, ctx, depth + 1));
      result = is_and ? (result && v) : (result || v);
    }
    return result;
  }
  return TemplateError(fn + " is not a condition function");
}

ErrorOr<bool> EvalCondition(const std::string& name, ResolveContext& ctx, int depth) {
  auto it = ctx.conditions.find(name);
  if (it != ctx.conditions.end())
    return it->second;
  const ExecJson* conditions = nullptr;
  if (ctx.template_json != nullptr && ctx.template_json->contains("Conditions"))
    conditions = &(*ctx.template_json)["Conditions"];
  if (conditions == nullptr || !conditions->contains(name))
    return TemplateError("Unresolved condition " + name);
  CFNX_ASSIGN_OR_RETURN(bool value, EvalConditionExpr((*conditions)[name], ctx, depth));
  ctx.conditions[name] = value;
  return value;
}

ErrorOr<std::string> ResolveString(const ExecJson& v, ResolveContext& ctx, const char* fn) {
  CFNX_ASSIGN_OR_RETURN(ExecJson r, Resolve(v, ctx));
  if (r.is_string() || r.is_number() || r.is_boolean())
    return ScalarText(r);
  return TemplateError(std::string(fn) + " expects a string, got " + r.dump());
}

ErrorOr<ExecJson> Sub(const ExecJson& args, ResolveContext& ctx) {
  std::string text;
  std::map<std::string, ExecJson> vars;
  if (args.is_string()) {
    text = args.get<std::string>();
  } else if (args.is_array() && args.size() == 2 && args[0].is_string() && args[1].is_object()) {
    text = args[0].get<std::string>();
    for (auto it = args[1].begin(); it != args[1].end(); ++it) {
      CFNX_ASSIGN_OR_RETURN(ExecJson v, Resolve(it.value(), ctx));
      vars[it.key()] = v;
    }
  } else {
    return TemplateError("Fn::Sub takes a string or a list of a string and a map");
  }
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t open = text.find("${", i);
    if (open == std::string::npos) {
      out += text.substr(i);
      break;
    }
    out += text.substr(i, open - i);
    size_t close = text.find('}', open + 2);
    if (close == std::string::npos) {
      out += text.substr(open);
      break;
    }
    std::string name = text.substr(open + 2, close - open - 2);
    i = close + 1;
    if (!name.empty() && name[0] == '!') {
      out += "${" + name.substr(1) + "}";
      continue;
    }
    auto var = vars.find(name);
    ExecJson value;
    if (var != vars.end()) {
      value = var->second;
    } else {
      size_t dot = name.find('.');
      if (dot != std::string::npos && name.rfind("AWS::", 0) != 0) {
        CFNX_ASSIGN_OR_RETURN(value, GetAtt(name.substr(0, dot), name.substr(dot + 1), ctx));
      } else {
        CFNX_ASSIGN_OR_RETURN(value, RefName(name, ctx));
      }
    }
    if (value.is_array() || value.is_object() || value.is_discarded())
      return TemplateError("Fn::Sub variable ${" + name + "} is not a string");
    out += ScalarText(value);
  }
  return ExecJson(out);
}

ErrorOr<ExecJson> CallFunction(const std::string& fn, const ExecJson& args, ResolveContext& ctx) {
  if (fn == "Ref") {
    if (!args.is_string())
      return TemplateError("Ref takes a name");
    return RefName(args.get<std::string>(), ctx);
  }
  if (fn == "Fn::GetAtt") {
    std::string resource, attribute;
    if (args.is_string()) {
      std::string s = args.get<std::string>();
      size_t dot = s.find('.');
      if (dot == std::string::npos)
        return TemplateError("Fn::GetAtt takes \"Resource.Attribute\"");
      resource = s.substr(0, dot);
      attribute = s.substr(dot + 1);
    } else if (args.is_array() && args.size() == 2 && args[0].is_string()) {
      resource = args[0].get<std::string>();
      CFNX_ASSIGN_OR_RETURN(attribute, ResolveString(args[1], ctx, "Fn::GetAtt"));
    } else {
      return TemplateError("Fn::GetAtt takes a list of a resource and an attribute");
    }
    return GetAtt(resource, attribute, ctx);
  }
  if (fn == "Fn::Sub")
    return Sub(args, ctx);
  if (fn == "Fn::Join") {
    if (!args.is_array() || args.size() != 2 || !args[0].is_string())
      return TemplateError("Fn::Join takes a delimiter and a list");
    CFNX_ASSIGN_OR_RETURN(ExecJson list, Resolve(args[1], ctx));
    if (!list.is_array())
      return TemplateError("Fn::Join's second argument must be a list");
    std::string out;
    bool first = true;
    for (const ExecJson& item : list) {
      if (!first)
        out += args[0].get<std::string>();
      first = false;
      if (item.is_array() || item.is_object())
        return TemplateError("Fn::Join's list must hold strings");
      out += ScalarText(item);
    }
    return ExecJson(out);
  }
  if (fn == "Fn::Select") {
    if (!args.is_array() || args.size() != 2)
      return TemplateError("Fn::Select takes an index and a list");
    CFNX_ASSIGN_OR_RETURN(std::string index_text, ResolveString(args[0], ctx, "Fn::Select"));
    CFNX_ASSIGN_OR_RETURN(ExecJson list, Resolve(args[1], ctx));
    char* end = nullptr;
    long index = std::strtol(index_text.c_str(), &end, 10);
    if (!list.is_array() || end == index_text.c_str() || index < 0 ||
        static_cast<size_t>(index) >= list.size())
      return TemplateError("Fn::Select cannot select nonexistent value at index " + index_text);
    return list[static_cast<size_t>(index)];
  }
  if (fn == "Fn::Split") {
    if (!args.is_array() || args.size() != 2 || !args[0].is_string())
      return TemplateError("Fn::Split takes a delimiter and a string");
    std::string delim = args[0].get<std::string>();
    CFNX_ASSIGN_OR_RETURN(std::string s, ResolveString(args[1], ctx, "Fn::Split"));
    ExecJson out = ExecJson::array();
    if (delim.empty())
      return TemplateError("Fn::Split's delimiter must not be empty");
    size_t start = 0;
    for (;;) {
      size_t pos = s.find(delim, start);
      out.push_back(s.substr(start, pos == std::string::npos ? std::string::npos : pos - start));
      if (pos == std::string::npos)
        break;
      start = pos + delim.size();
    }
    return out;
  }
  if (fn == "Fn::FindInMap") {
    if (!args.is_array() || args.size() < 3)
      return TemplateError("Fn::FindInMap takes a map name and two keys");
    CFNX_ASSIGN_OR_RETURN(std::string map, ResolveString(args[0], ctx, "Fn::FindInMap"));
    CFNX_ASSIGN_OR_RETURN(std::string k1, ResolveString(args[1], ctx, "Fn::FindInMap"));
    CFNX_ASSIGN_OR_RETURN(std::string k2, ResolveString(args[2], ctx, "Fn::FindInMap"));
    const ExecJson* t = ctx.template_json;
    if (t != nullptr && t->contains("Mappings") && (*t)["Mappings"].contains(map) &&
        (*t)["Mappings"][map].contains(k1) && (*t)["Mappings"][map][k1].contains(k2))
      return Resolve((*t)["Mappings"][map][k1][k2], ctx);
    if (args.size() == 4 && args[3].is_object() && args[3].contains("DefaultValue"))
      return Resolve(args[3]["DefaultValue"], ctx);
    return TemplateError("Unable to get mapping for " + map + "::" + k1 + "::" + k2);
  }
  if (fn == "Fn::If") {
    if (!args.is_array() || args.size() != 3 || !args[0].is_string())
      return TemplateError("Fn::If takes a condition name and two values");
    CFNX_ASSIGN_OR_RETURN(bool c, EvalCondition(args[0].get<std::string>(), ctx, 0));
    return Resolve(args[c ? 1 : 2], ctx);
  }
  if (fn == "Fn::Equals" || fn == "Fn::And" || fn == "Fn::Or" || fn == "Fn::Not" ||
      fn == "Condition") {
    ExecJson expr = ExecJson::object();
    expr[fn] = args;
    CFNX_ASSIGN_OR_RETURN(bool c, EvalConditionExpr(expr, ctx, 0));
    return ExecJson(c);
  }
  if (fn == "Fn::ImportValue") {
    CFNX_ASSIGN_OR_RETURN(std::string name, ResolveString(args, ctx, "Fn::ImportValue"));
    std::optional<std::string> value;
    if (ctx.import_value)
      value = ctx.import_value(name);
    if (!value)
      return Error{"No export named " + name + " found."};
    ctx.imports.insert(name);
    return ExecJson(*value);
  }
  if (fn == "Fn::Base64") {
    CFNX_ASSIGN_OR_RETURN(std::string s, ResolveString(args, ctx, "Fn::Base64"));
    return ExecJson(Base64(s));
  }
  if (fn == "Fn::GetAZs") {
    CFNX_ASSIGN_OR_RETURN(std::string region, ResolveString(args, ctx, "Fn::GetAZs"));
    if (region.empty())
      region = ctx.region;
    return ExecJson::array({region + "a", region + "b", region + "c"});
  }
  if (fn == "Fn::Length") {
    CFNX_ASSIGN_OR_RETURN(ExecJson list, Resolve(args, ctx));
    if (!list.is_array())
      return TemplateError("Fn::Length takes a list");
    return ExecJson(list.size());
  }
  if (fn == "Fn::ToJsonString") {
    CFNX_ASSIGN_OR_RETURN(ExecJson v, Resolve(args, ctx));
    return ExecJson(v.dump());
  }
  return Error{fn + " is not supported by the local backend's deploy-time resolver"};
}

}  // namespace

ErrorOr<ExecJson> Resolve(const ExecJson& value, ResolveContext& ctx) {
  std::string fn;
  if (IsFunction(value, &fn))
    return CallFunction(fn, value.begin().value(), ctx);
  if (value.is_object()) {
    ExecJson out = ExecJson::object();
    for (auto it = value.begin(); it != value.end(); ++it) {
      CFNX_ASSIGN_OR_RETURN(ExecJson v, Resolve(it.value(), ctx));
      if (!v.is_discarded())
        out[it.key()] = std::move(v);
    }
    return out;
  }
  if (value.is_array()) {
    ExecJson out = ExecJson::array();
    for (const ExecJson& item : value) {
      CFNX_ASSIGN_OR_RETURN(ExecJson v, Resolve(item, ctx));
      if (!v.is_discarded())
        out.push_back(std::move(v));
    }
    return out;
  }
  return value;
}

ErrorOr<std::map<std::string, ExecJson>> ResolveParameters(
    const ExecJson& template_json, const std::map<std::string, std::string>& given,
    const std::map<std::string, std::string>& ssm, std::map<std::string, std::string>* ssm_names) {
  std::map<std::string, ExecJson> out;
  const ExecJson empty = ExecJson::object();
  const ExecJson& params =
      template_json.contains("Parameters") ? template_json["Parameters"] : empty;
  for (const auto& [name, value] : given) {
    if (!params.contains(name))
      return Error{"Parameters: [" + name + "] do not exist in the template"};
  }
  for (auto it = params.begin(); it != params.end(); ++it) {
    const ExecJson& decl = it.value();
    std::string type = decl.value("Type", "String");
    std::string text;
    auto g = given.find(it.key());
    if (g != given.end()) {
      text = g->second;
    } else if (decl.contains("Default")) {
      const ExecJson& d = decl["Default"];
      text = d.is_string() ? d.get<std::string>() : d.dump();
    } else {
      return Error{"Parameters: [" + it.key() + "] must have values"};
    }
    if (decl.contains("AllowedValues") && decl["AllowedValues"].is_array()) {
      bool allowed = false;
      for (const ExecJson& a : decl["AllowedValues"])
        allowed = allowed || ScalarText(a) == text;
      if (!allowed)
        return Error{"Parameter '" + it.key() + "' must be one of AllowedValues"};
    }
    if (type.rfind("AWS::SSM::Parameter::Value<", 0) == 0) {
      auto found = ssm.find(text);
      if (found == ssm.end())
        return Error{"Parameters: [" + it.key() + "] names the SSM parameter '" + text +
                     "', whose value the local backend does not have; give it with "
                     "--ssm-parameters FILE (a JSON object of name -> value)"};
      if (ssm_names != nullptr)
        (*ssm_names)[it.key()] = text;
      text = found->second;
      type = type.find("List<") != std::string::npos ? "CommaDelimitedList" : "String";
    }
    if (type == "CommaDelimitedList" || type.rfind("List<", 0) == 0) {
      ExecJson list = ExecJson::array();
      size_t start = 0;
      for (;;) {
        size_t pos = text.find(',', start);
        std::string item = text.substr(start, pos == std::string::npos ? pos : pos - start);
        item.erase(0, item.find_first_not_of(' '));
        list.push_back(item);
        if (pos == std::string::npos)
          break;
        start = pos + 1;
      }
      out[it.key()] = list;
    } else {
      out[it.key()] = text;
    }
  }
  return out;
}

Status EvaluateConditions(ResolveContext& ctx) {
  if (ctx.template_json == nullptr || !ctx.template_json->contains("Conditions"))
    return {};
  const ExecJson& conditions = (*ctx.template_json)["Conditions"];
  for (auto it = conditions.begin(); it != conditions.end(); ++it) {
    CFNX_RETURN_IF_ERROR(EvalCondition(it.key(), ctx, 0));
  }
  return {};
}

void CollectReferences(const ExecJson& value, const std::set<std::string>& known,
                       std::set<std::string>* out) {
  std::string fn;
  if (IsFunction(value, &fn)) {
    const ExecJson& args = value.begin().value();
    if (fn == "Ref" && args.is_string()) {
      if (known.count(args.get<std::string>()))
        out->insert(args.get<std::string>());
      return;
    }
    if (fn == "Fn::GetAtt") {
      std::string name;
      if (args.is_string())
        name = args.get<std::string>().substr(0, args.get<std::string>().find('.'));
      else if (args.is_array() && !args.empty() && args[0].is_string())
        name = args[0].get<std::string>();
      if (known.count(name))
        out->insert(name);
      if (args.is_array())
        CollectReferences(args, known, out);
      return;
    }
    if (fn == "Fn::Sub") {
      const ExecJson* text = args.is_string()                                            ? &args
                             : (args.is_array() && !args.empty() && args[0].is_string()) ? &args[0]
                                                                                         : nullptr;
      if (text != nullptr) {
        const std::string& s = text->get_ref<const std::string&>();
        size_t pos = 0;
        while ((pos = s.find("${", pos)) != std::string::npos) {
          size_t close = s.find('}', pos);
          if (close == std::string::npos)
            break;
          std::string name = s.substr(pos + 2, close - pos - 2);
          name = name.substr(0, name.find('.'));
          if (!name.empty() && name[0] != '!' && known.count(name))
            out->insert(name);
          pos = close;
        }
      }
      if (args.is_array() && args.size() == 2)
        CollectReferences(args[1], known, out);
      return;
    }
  }
  if (value.is_object() || value.is_array()) {
    for (const ExecJson& item : value)
      CollectReferences(item, known, out);
  }
}

std::map<std::string, std::set<std::string>> ResourceDependencies(
    const ExecJson& template_json, const std::set<std::string>& included) {
  std::map<std::string, std::set<std::string>> deps;
  if (!template_json.contains("Resources"))
    return deps;
  const ExecJson& resources = template_json["Resources"];
  for (auto it = resources.begin(); it != resources.end(); ++it) {
    if (!included.count(it.key()))
      continue;
    std::set<std::string>& d = deps[it.key()];
    const ExecJson& r = it.value();
    if (!r.is_object())
      continue;
    for (const char* section : {"Properties", "Metadata", "UpdatePolicy", "CreationPolicy"}) {
      if (r.contains(section))
        CollectReferences(r[section], included, &d);
    }
    if (r.contains("DependsOn")) {
      const ExecJson& on = r["DependsOn"];
      if (on.is_string() && included.count(on.get<std::string>()))
        d.insert(on.get<std::string>());
      if (on.is_array()) {
        for (const ExecJson& x : on) {
          if (x.is_string() && included.count(x.get<std::string>()))
            d.insert(x.get<std::string>());
        }
      }
    }
    d.erase(it.key());
  }
  return deps;
}

ErrorOr<std::vector<std::vector<std::string>>> ComputeWaves(
    const std::map<std::string, std::set<std::string>>& dependencies) {
  std::map<std::string, size_t> pending;
  std::map<std::string, std::vector<std::string>> dependents;
  for (const auto& [id, deps] : dependencies) {
    pending[id] += 0;
    for (const std::string& d : deps) {
      if (!dependencies.count(d))
        continue;
      ++pending[id];
      dependents[d].push_back(id);
    }
  }
  std::vector<std::vector<std::string>> waves;
  std::vector<std::string> current;
  for (const auto& [id, n] : pending) {
    if (n == 0)
      current.push_back(id);
  }
  size_t done = 0;
  while (!current.empty()) {
    std::sort(current.begin(), current.end());
    std::vector<std::string> next;
    for (const std::string& id : current) {
      ++done;
      for (const std::string& dependent : dependents[id]) {
        if (--pending[dependent] == 0)
          next.push_back(dependent);
      }
    }
    waves.push_back(std::move(current));
    current = std::move(next);
  }
  if (done != pending.size()) {
    std::string cycle;
    for (const auto& [id, n] : pending) {
      if (n > 0)
        cycle += (cycle.empty() ? "" : ", ") + id;
    }
    return Error{"Circular dependency between resources: [" + cycle + "]"};
  }
  return waves;
}

}  // namespace cfnx
