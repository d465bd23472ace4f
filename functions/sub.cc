// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Fn::Sub:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-sub.html
// `${Name}` is a variable of the map form, a parameter, a resource (its Ref), `${Res.Attr}` a
// GetAtt (split at the first dot: `${Stack.Outputs.Name}`), `${AWS::Region}` a pseudo
// parameter; `${!Literal}` writes `${Literal}`. When some variables are known only after
// deployment the result is a residual Fn::Sub with the known ones substituted.

#include "engine/base/edit_distance.h"
#include "functions/function_util.h"
#include "functions/functions.h"

namespace cfnx {

using internal::Quote;

namespace {

std::string Trimmed(std::string_view s) {
  while (!s.empty() && s.front() == ' ')
    s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ')
    s.remove_suffix(1);
  return std::string(s);
}

// Escapes `${` in substituted text so a residual Fn::Sub keeps it literal.
std::string EscapeForSub(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    out += s[i];
    if (s[i] == '$' && i + 1 < s.size() && s[i + 1] == '{') {
      out += "{!";
      ++i;
    }
  }
  return out;
}

class SubEvaluator {
 public:
  SubEvaluator(const FnCallNode& call, const EvalPath& args_path, Evaluator& ev)
      : call_(call), args_path_(args_path), ev_(ev) {}

  Value Run() {
    const Node* text_node = call_.args();
    bool list_form = false;
    if (const auto* list = dyn_cast<ListNode>(call_.args())) {
      if (list->size() != 2) {
        return ev_.Fail(DiagCode::kE1019, call_.name_range(), args_path_,
                        "Fn::Sub takes a string or a list [string, {variables}]; got a list of " +
                            std::to_string(list->size()) + ".");
      }
      list_form = true;
      text_node = list->items()[0];
      vars_node_ = list->items()[1];
      if (!EvaluateVariables())
        return Value::Error();
    }
    EvalPath text_path = list_form ? args_path_.Child(size_t{0}) : args_path_;
    const auto* text = dyn_cast<StringNode>(text_node);
    if (text == nullptr) {
      // A macro (Fn::Transform) may produce the template string; its value is unknown offline.
      const auto* fn = dyn_cast<FnCallNode>(text_node);
      if (fn != nullptr && fn->fn() == FnKind::kTransform)
        return internal::Residual(call_, ev_.Evaluate(fn, text_path));
      return ev_.Fail(DiagCode::kE1019, list_form ? text_node->range() : call_.name_range(),
                      text_path,
                      "The template of Fn::Sub must be a string; got a " +
                          std::string(NodeKindName(text_node->kind())) + ".");
    }
    text_ = text;
    return Substitute(text->value(), text_path);
  }

 private:
  bool EvaluateVariables() {
    EvalPath vars_path = args_path_.Child(1);
    const auto* map = dyn_cast<MapNode>(vars_node_);
    if (map == nullptr) {
      ev_.Fail(DiagCode::kE1019, vars_node_->range(), vars_path,
               "The second argument of Fn::Sub must be a map of variables; got a " +
                   std::string(NodeKindName(vars_node_->kind())) + ".");
      return false;
    }
    bool ok = true;
    for (const MapEntry& e : map->entries()) {
      Value v = ev_.Evaluate(e.value, vars_path.Child(e.key->value()));
      if (v.has_error()) {
        ok = false;
      } else if (!v.is_scalar() && !v.is_unknown()) {
        ev_.Fail(DiagCode::kE1019, e.value->range(), vars_path.Child(e.key->value()),
                 "Fn::Sub variable " + Quote(e.key->value()) + " must be a string; got " +
                     internal::Describe(v) + ".");
        ok = false;
      }
      vars_.push_back({e.key->value(), std::move(v)});
    }
    return ok;
  }

  const Value* MapVariable(std::string_view name) const {
    for (const ValueEntry& e : vars_) {
      if (e.key == name)
        return &e.value;
    }
    return nullptr;
  }

  // The value of `${name}`; Error after a diagnostic.
  Value Resolve(const std::string& name, const EvalPath& path, bool* from_map) {
    *from_map = false;
    if (const Value* v = MapVariable(name)) {
      *from_map = true;
      return *v;
    }
    const Template& t = ev_.tmpl();
    if (const ParameterValue* p = ev_.Parameter(name))
      return p->value;
    if (IsPseudoParameter(name))
      return ev_.PseudoParameter(name);
    if (t.FindResource(name) != nullptr) {
      const ResourceState* state = ev_.FindResourceState(name);
      if (state != nullptr && state->physical_id.has_value())
        return Value::String(*state->physical_id);
      return Value::Unknown(FnKind::kRef, Value::String(name),
                            {{Dependency::Kind::kResource, name, ""}});
    }
    size_t dot = name.find('.');
    if (dot != std::string::npos && t.FindResource(name.substr(0, dot)) != nullptr) {
      std::string resource = name.substr(0, dot);
      std::string attribute = name.substr(dot + 1);
      if (const ResourceState* state = ev_.FindResourceState(resource)) {
        auto attr = state->attributes.find(attribute);
        if (attr != state->attributes.end())
          return attr->second;
      }
      return Value::Unknown(FnKind::kGetAtt,
                            Value::MakeList({Value::String(resource), Value::String(attribute)}),
                            {{Dependency::Kind::kResource, resource, attribute}});
    }
    if (!ev_.options().diagnose_unresolved_names)
      return Value::Error();
    std::vector<std::string_view> names;
    for (const ValueEntry& e : vars_)
      names.push_back(e.key);
    for (const Parameter& p : t.parameters)
      names.push_back(p.name);
    for (const Resource& r : t.resources)
      names.push_back(r.logical_id);
    for (std::string_view p : PseudoParameterNames())
      names.push_back(p);
    return ev_.Fail(DiagCode::kE1019, text_->range(), path,
                    "Fn::Sub variable ${" + name +
                        "} is not a parameter, a resource, a pseudo parameter or a variable of "
                        "this Fn::Sub." +
                        DidYouMean(name, names));
  }

  Value Substitute(const std::string& s, const EvalPath& path) {
    std::string known;     // the result when everything is known
    std::string residual;  // the Fn::Sub template when something is not
    bool unknown = false, error = false, sensitive = false;
    Value::Map residual_vars;
    std::vector<Dependency> deps;
    size_t i = 0;
    while (i < s.size()) {
      size_t open = s.find("${", i);
      if (open == std::string::npos) {
        known.append(s, i, std::string::npos);
        residual.append(s, i, std::string::npos);
        break;
      }
      known.append(s, i, open - i);
      residual.append(s, i, open - i);
      size_t close = s.find('}', open + 2);
      if (close == std::string::npos) {  // no closing brace: CloudFormation keeps it as text
        known.append(s, open, std::string::npos);
        residual.append(s, open, std::string::npos);
        break;
      }
      if (s[open + 2] == '!') {  // ${!Literal} -> ${Literal}
        known += "${";
        known.append(s, open + 3, close + 1 - (open + 3));
        residual.append(s, open, close + 1 - open);
        i = close + 1;
        continue;
      }
      std::string name = Trimmed(std::string_view(s).substr(open + 2, close - open - 2));
      bool from_map = false;
      Value v = Resolve(name, path, &from_map);
      sensitive |= v.sensitive();
      if (v.has_error()) {
        error = true;
      } else if (v.is_unknown()) {
        unknown = true;
        residual.append(s, open, close + 1 - open);
        if (from_map)
          residual_vars.push_back({name, v});
        for (const Dependency& d : v.Dependencies())
          deps.push_back(d);
      } else if (v.is_scalar()) {
        known += v.as_string();
        residual += EscapeForSub(v.as_string());
      } else {
        ev_.Fail(DiagCode::kE1019, text_->range(), path,
                 "Fn::Sub variable ${" + name + "} must be a string; it is " +
                     internal::Describe(v) + ".");
        error = true;
      }
      i = close + 1;
    }
    if (error)
      return Value::Error();
    if (!unknown)
      return Value::String(std::move(known)).WithSensitive(sensitive);
    Value args =
        residual_vars.empty()
            ? Value::String(residual)
            : Value::MakeList({Value::String(residual), Value::MakeMap(std::move(residual_vars))});
    return Value::Unknown(FnKind::kSub, args, std::move(deps)).WithSensitive(sensitive);
  }

  const FnCallNode& call_;
  const EvalPath& args_path_;
  Evaluator& ev_;
  const Node* vars_node_ = nullptr;
  const StringNode* text_ = nullptr;
  Value::Map vars_;
};

}  // namespace

Value EvaluateSub(const FnCallNode& call, const EvalPath& path, Evaluator& ev) {
  EvalPath args_path = path.Child(FnName(call.fn()));
  return SubEvaluator(call, args_path, ev).Run();
}

}  // namespace cfnx
