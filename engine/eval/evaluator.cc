// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Parameters:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html
// Conditions:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/conditions-section-structure.html

#include "engine/eval/evaluator.h"

#include <algorithm>
#include <cstdlib>

#include <re2/re2.h>

#include "engine/base/edit_distance.h"
#include "engine/eval/function_registry.h"
#include "engine/eval/value_json.h"

namespace cfnx {
namespace {

std::string Quote(std::string_view s) {
  return "'" + std::string(s) + "'";
}

bool IsListType(std::string_view type) {
  return type == "CommaDelimitedList" || type.substr(0, 5) == "List<" ||
         type.find("<List<") != std::string_view::npos;
}

bool IsSsmType(std::string_view type) {
  return type.substr(0, 26) == "AWS::SSM::Parameter::Value";
}

bool IsNumberType(std::string_view type) {
  return type == "Number" || type == "List<Number>";
}

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return std::string(s);
}

// CommaDelimitedList and List<...> values: split on commas, items trimmed.
std::vector<std::string> SplitList(std::string_view text) {
  std::vector<std::string> out;
  if (text.empty())
    return out;
  size_t start = 0;
  while (true) {
    size_t comma = text.find(',', start);
    out.push_back(Trim(text.substr(start, comma - start)));
    if (comma == std::string_view::npos)
      break;
    start = comma + 1;
  }
  return out;
}

bool ParseNumber(const std::string& s, double* out) {
  if (s.empty())
    return false;
  char* end = nullptr;
  *out = std::strtod(s.c_str(), &end);
  return end != nullptr && *end == '\0';
}

bool NodeNumber(const Node* node, double* out) {
  if (const auto* n = dyn_cast<NumberNode>(node)) {
    *out = n->value();
    return true;
  }
  if (const auto* s = dyn_cast<StringNode>(node))
    return ParseNumber(s->value(), out);
  return false;
}

// The default as text: scalars as written, lists joined with commas.
bool DefaultText(const Node* node, std::string* out) {
  if (const auto* s = dyn_cast<ScalarNode>(node)) {
    if (isa<NullNode>(node))
      return false;
    *out = s->text();
    return true;
  }
  if (const auto* list = dyn_cast<ListNode>(node)) {
    std::string joined;
    for (size_t i = 0; i < list->size(); ++i) {
      const auto* item = dyn_cast<ScalarNode>(list->items()[i]);
      if (item == nullptr)
        return false;
      joined += (i ? "," : "") + item->text();
    }
    *out = joined;
    return true;
  }
  return false;
}

}  // namespace

TemplatePath EvalPath::ToPath() const {
  std::vector<const EvalPath*> chain;
  const EvalPath* p = this;
  for (; p->parent_ != nullptr; p = p->parent_)
    chain.push_back(p);
  std::vector<std::string> segments = p->base_ ? p->base_->segments() : std::vector<std::string>{};
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    segments.push_back((*it)->is_index_ ? std::to_string((*it)->index_) : std::string((*it)->key_));
  }
  return TemplatePath(std::move(segments));
}

Evaluator::Evaluator(const Template& t, const FunctionRegistry& functions, EvalOptions options,
                     DiagnosticSink& diags)
    : t_(t), functions_(functions), options_(std::move(options)), diags_(diags) {
  pseudo_.region = options_.region;
  pseudo_.partition =
      options_.partition.empty() ? PartitionForRegion(options_.region) : options_.partition;
  pseudo_.url_suffix = UrlSuffixForPartition(pseudo_.partition);
  if (pseudo_.url_suffix.empty())
    pseudo_.url_suffix = "amazonaws.com";
  pseudo_.account_id = options_.account_id;
  pseudo_.stack_name = options_.stack_name;
  pseudo_.stack_id = options_.stack_id;
  pseudo_.notification_arns = options_.notification_arns;
  if (options_.language_extensions.has_value()) {
    language_extensions_ = *options_.language_extensions;
  } else {
    language_extensions_ = std::find(t.transforms.begin(), t.transforms.end(),
                                     "AWS::LanguageExtensions") != t.transforms.end();
  }
  ResolveParameters();
  EvaluateConditions();
}

const ResourceState* Evaluator::FindResourceState(std::string_view logical_id) const {
  if (!options_.resources.empty()) {
    auto it = options_.resources.find(std::string(logical_id));
    if (it != options_.resources.end())
      return &it->second;
  }
  return options_.find_resource ? options_.find_resource(logical_id) : nullptr;
}

Value Evaluator::PseudoParameter(std::string_view name) const {
  if (options_.symbolic && name != "AWS::NoValue") {
    return Value::Unknown(FnKind::kRef, Value::String(std::string(name)),
                          {{Dependency::Kind::kPseudo, std::string(name), ""}});
  }
  if (name == "AWS::AccountId")
    return Value::String(pseudo_.account_id);
  if (name == "AWS::Region")
    return Value::String(pseudo_.region);
  if (name == "AWS::Partition")
    return Value::String(pseudo_.partition);
  if (name == "AWS::URLSuffix")
    return Value::String(pseudo_.url_suffix);
  if (name == "AWS::StackName")
    return Value::String(pseudo_.stack_name);
  if (name == "AWS::NoValue")
    return Value::NoValue();
  if (name == "AWS::NotificationARNs") {
    Value::List items;
    for (const std::string& arn : pseudo_.notification_arns)
      items.push_back(Value::String(arn));
    return Value::MakeList(std::move(items));
  }
  if (name == "AWS::StackId") {
    if (!pseudo_.stack_id.empty())
      return Value::String(pseudo_.stack_id);
    return Value::Unknown(FnKind::kRef, Value::String("AWS::StackId"),
                          {{Dependency::Kind::kPseudo, "AWS::StackId", ""}});
  }
  return Value::Error();
}

// ---- Parameters ----

void Evaluator::ResolveParameters() {
  parameters_.reserve(t_.parameters.size());
  for (const struct Parameter& p : t_.parameters) {
    parameter_index_[p.name] = parameters_.size();
    parameters_.push_back(ResolveParameter(p));
  }
  for (const auto& [name, value] : options_.parameters) {
    if (t_.FindParameter(name) != nullptr)
      continue;
    std::vector<std::string_view> names;
    for (const struct Parameter& p : t_.parameters)
      names.push_back(p.name);
    SourceRange at = t_.root != nullptr ? t_.root->range() : SourceRange{};
    if (const MapEntry* e = t_.root != nullptr ? t_.root->Find("Parameters") : nullptr)
      at = e->key->range();
    diags_.Report(DiagCode::kE2903, at, TemplatePath{"Parameters"},
                  "A value was given for parameter " + Quote(name) +
                      ", which the template does not declare." + DidYouMean(name, names));
  }
}

ParameterValue Evaluator::ResolveParameter(const struct Parameter& p) {
  ParameterValue out;
  out.name = p.name;
  out.no_echo = p.no_echo;
  TemplatePath path{"Parameters", p.name};
  std::string text;
  auto given = options_.parameters.find(p.name);
  if (given != options_.parameters.end()) {
    text = given->second;
  } else if (options_.symbolic) {
    out.value = Value::Unknown(FnKind::kRef, Value::String(p.name),
                               {{Dependency::Kind::kParameter, p.name, ""}});
    return out;
  } else if (p.default_value != nullptr && DefaultText(p.default_value, &text)) {
    out.from_default = true;
  } else if (options_.require_parameter_values) {
    diags_.Report(DiagCode::kE2902, p.key->range(), path,
                  "Parameter " + Quote(p.name) +
                      " has no Default and no value was given (use --parameters " + p.name +
                      "=VALUE).");
    out.value = Value::Error();
    return out;
  } else {
    out.value = Value::Unknown(FnKind::kRef, Value::String(p.name),
                               {{Dependency::Kind::kParameter, p.name, ""}});
    return out;
  }
  const Node* at = out.from_default ? p.default_value : p.key;
  auto fail = [&](const std::string& item, const std::string& why) {
    std::string shown = p.no_echo ? std::string(kMaskedValue) : item;
    diags_.Report(DiagCode::kE2901, at->range(), path,
                  "Value " + Quote(shown) + " of parameter " + Quote(p.name) + " " + why);
  };
  bool list = IsListType(p.type);
  std::vector<std::string> items = list ? SplitList(text) : std::vector<std::string>{text};
  // Defaults are checked by CheckStructure (E2015); only given values are checked here.
  bool ok = true;
  if (!out.from_default) {
    for (const std::string& item : items) {
      double number = 0;
      bool numeric = ParseNumber(item, &number);
      if (IsNumberType(p.type) && !numeric) {
        fail(item, "is not a number.");
        ok = false;
        continue;
      }
      if (const auto* allowed = dyn_cast<ListNode>(p.allowed_values)) {
        bool found = false;
        for (const Node* a : allowed->items()) {
          double n = 0;
          const auto* s = dyn_cast<ScalarNode>(a);
          if (s != nullptr && (s->text() == item || (numeric && NodeNumber(a, &n) && n == number)))
            found = true;
        }
        if (!found) {
          fail(item, "is not one of its AllowedValues.");
          ok = false;
        }
      }
      if (const auto* pattern = dyn_cast<StringNode>(p.allowed_pattern)) {
        RE2 re("^(?:" + pattern->value() + ")$", RE2::Quiet);
        if (re.ok() && !RE2::FullMatch(item, re)) {
          fail(item, "does not match its AllowedPattern " + Quote(pattern->value()) + ".");
          ok = false;
        }
      }
      double limit = 0;
      if (NodeNumber(p.min_length, &limit) && static_cast<double>(item.size()) < limit) {
        fail(item,
             "is shorter than its MinLength " + std::to_string(static_cast<int>(limit)) + ".");
        ok = false;
      }
      if (NodeNumber(p.max_length, &limit) && static_cast<double>(item.size()) > limit) {
        fail(item, "is longer than its MaxLength " + std::to_string(static_cast<int>(limit)) + ".");
        ok = false;
      }
      if (numeric && NodeNumber(p.min_value, &limit) && number < limit) {
        fail(item, "is less than its MinValue.");
        ok = false;
      }
      if (numeric && NodeNumber(p.max_value, &limit) && number > limit) {
        fail(item, "is greater than its MaxValue.");
        ok = false;
      }
    }
  }
  if (!ok) {
    out.value = Value::Error();
    return out;
  }
  const std::string* ssm_value = nullptr;
  if (IsSsmType(p.type) && options_.ssm_parameters) {
    auto found = options_.ssm_parameters->find(text);
    ssm_value = found != options_.ssm_parameters->end() ? &found->second : nullptr;
  }
  if (ssm_value != nullptr) {
    // Resolved from the SSM parameter values given (ResolvedValue).
    if (list) {
      Value::List values;
      for (std::string& item : SplitList(*ssm_value))
        values.push_back(Value::String(std::move(item)));
      out.value = Value::MakeList(std::move(values));
    } else {
      out.value = Value::String(*ssm_value);
    }
  } else if (IsSsmType(p.type)) {
    // The value is the name of an SSM parameter; what Ref gives is read at deploy time.
    out.value = Value::Unknown(FnKind::kRef, Value::String(p.name),
                               {{Dependency::Kind::kAccount, "ssm:" + text, ""}});
  } else if (list) {
    Value::List values;
    for (std::string& item : items)
      values.push_back(Value::String(std::move(item)));
    out.value = Value::MakeList(std::move(values));
  } else {
    out.value = Value::String(text);
  }
  if (p.no_echo)
    out.value = out.value.WithSensitive(true);
  return out;
}

const ParameterValue* Evaluator::Parameter(std::string_view name) const {
  auto it = parameter_index_.find(name);
  return it == parameter_index_.end() ? nullptr : &parameters_[it->second];
}

// ---- Conditions ----

void Evaluator::EvaluateConditions() {
  for (const struct Condition& c : t_.conditions) {
    TemplatePath path{"Conditions", c.name};
    Condition(c.name, c.key->range(), EvalPath(path));
  }
}

Value Evaluator::Condition(std::string_view name, SourceRange range, const EvalPath& path) {
  auto it = conditions_.find(name);
  if (it != conditions_.end()) {
    if (it->second.first == CondState::kDone)
      return it->second.second;
    return Fail(DiagCode::kE8901, range, path,
                "Condition " + Quote(name) + " depends on itself (a cycle of conditions).");
  }
  const struct Condition* c = t_.FindCondition(name);
  if (c == nullptr) {
    if (!options_.diagnose_unresolved_names)
      return Value::Error();
    std::vector<std::string_view> names;
    for (const struct Condition& d : t_.conditions)
      names.push_back(d.name);
    return Fail(
        DiagCode::kE8002, range, path,
        "Condition " + Quote(name) + " is not declared in Conditions." + DidYouMean(name, names));
  }
  std::string_view key = c->name;  // stable storage
  conditions_[key] = {CondState::kInProgress, Value::Error()};
  TemplatePath cpath{"Conditions", c->name};
  Value v = c->expr == nullptr ? Value::Error() : Evaluate(c->expr, cpath);
  if (!v.is_bool() && !v.has_error() && !v.is_unknown()) {
    bool spans = isa<MapNode>(c->expr) || isa<ListNode>(c->expr);
    v = Fail(DiagCode::kE8001, spans && c->key != nullptr ? c->key->range() : c->expr->range(),
             EvalPath(cpath),
             "Condition " + Quote(c->name) +
                 " must be a condition function giving true or "
                 "false; got a " +
                 std::string(v.TypeName()) + ".");
  }
  conditions_[key] = {CondState::kDone, v};
  return v;
}

const Value* Evaluator::ConditionValue(std::string_view name) const {
  auto it = conditions_.find(name);
  return it == conditions_.end() ? nullptr : &it->second.second;
}

std::optional<bool> Evaluator::IsConditionTrue(std::string_view name) const {
  const Value* v = ConditionValue(name);
  if (v == nullptr || !v->is_bool())
    return std::nullopt;
  return v->as_bool();
}

std::optional<bool> Evaluator::IsIncluded(const StringNode* condition) const {
  if (condition == nullptr)
    return true;
  return IsConditionTrue(condition->value());
}

// ---- Evaluation ----

Value Evaluator::Fail(DiagCode code, SourceRange range, const EvalPath& path, std::string message) {
  diags_.Report(code, range, path.ToPath(), std::move(message));
  return Value::Error();
}

Value Evaluator::Evaluate(const Node* node, const TemplatePath& path) {
  return Evaluate(node, EvalPath(path));
}

Value Evaluator::Evaluate(const Node* node, const EvalPath& path) {
  if (node == nullptr)
    return Value::Null();
  switch (node->kind()) {
    case NodeKind::kList: {
      const auto* list = cast<ListNode>(node);
      Value::List items;
      items.reserve(list->size());
      for (size_t i = 0; i < list->size(); ++i) {
        Value item = Evaluate(list->items()[i], path.Child(i));
        if (!item.is_no_value())
          items.push_back(std::move(item));
      }
      return Value::MakeList(std::move(items));
    }
    case NodeKind::kMap: {
      const auto* map = cast<MapNode>(node);
      Value::Map entries;
      entries.reserve(map->size());
      for (const MapEntry& e : map->entries()) {
        Value v = Evaluate(e.value, path.Child(e.key->value()));
        if (!v.is_no_value())
          entries.push_back({e.key->value(), std::move(v)});
      }
      return Value::MakeMap(std::move(entries));
    }
    case NodeKind::kFnCall:
      return EvaluateCall(cast<FnCallNode>(node), path);
    default:
      return LiteralValue(node);
  }
}

Value Evaluator::EvaluateCall(const FnCallNode* call, const EvalPath& path) {
  FunctionImpl impl = functions_.Find(call->fn());
  if (impl != nullptr)
    return impl(*call, path, *this);
  if (call->fn() == FnKind::kTransform) {
    // A macro cfnx cannot run: what it produces is known only after CloudFormation runs it.
    return Value::Unknown(call->fn(), LiteralValue(call->args()),
                          {{Dependency::Kind::kAccount, "Fn::Transform", ""}});
  }
  return Fail(DiagCode::kE1001, call->name_range(), path,
              std::string(FnName(call->fn())) + " cannot be evaluated by cfnx.");
}

}  // namespace cfnx
