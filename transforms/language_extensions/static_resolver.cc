// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "transforms/language_extensions/static_resolver.h"

#include <cstdlib>

#include "engine/ast/json_convert.h"

namespace cfnx {
namespace {

constexpr int kMaxDepth = 64;

std::string Quote(std::string_view s) {
  return "'" + std::string(s) + "'";
}

bool IsListType(std::string_view type) {
  return type == "CommaDelimitedList" || type.rfind("List<", 0) == 0;
}

std::string PartitionFor(const TransformOptions& options) {
  if (!options.partition.empty())
    return options.partition;
  if (options.region.rfind("cn-", 0) == 0)
    return "aws-cn";
  if (options.region.rfind("us-gov-", 0) == 0)
    return "aws-us-gov";
  return "aws";
}

// Splits a CommaDelimitedList value as CloudFormation does (items trimmed of spaces); an empty
// value is an empty list.
std::vector<std::string> SplitList(const std::string& value) {
  std::vector<std::string> items;
  if (value.empty())
    return items;
  size_t start = 0;
  while (true) {
    size_t comma = value.find(',', start);
    std::string item = value.substr(start, comma == std::string::npos ? comma : comma - start);
    size_t b = item.find_first_not_of(' ');
    size_t e = item.find_last_not_of(' ');
    items.push_back(b == std::string::npos ? "" : item.substr(b, e - b + 1));
    if (comma == std::string::npos)
      break;
    start = comma + 1;
  }
  return items;
}

const ListNode* ArgList(const FnCallNode& fn) {
  return dyn_cast<ListNode>(fn.args());
}

}  // namespace

StaticResolver::StaticResolver(const MapNode& root, const TransformOptions& options, Document& doc,
                               DiagnosticSink& diags)
    : root_(root), options_(options), doc_(doc), diags_(diags) {}

bool StaticResolver::ScalarText(const Node& node, std::string* out) {
  if (const auto* b = dyn_cast<BoolNode>(&node)) {
    *out = b->value() ? "true" : "false";
    return true;
  }
  if (isa<StringNode>(&node) || isa<NumberNode>(&node)) {
    *out = cast<ScalarNode>(&node)->text();
    return true;
  }
  return false;
}

const Node* StaticResolver::NewString(std::string value, const Node& at) {
  auto* s = doc_.New<StringNode>(at.range(), std::move(value), true);
  s->set_origin(&at);
  return s;
}

Resolved StaticResolver::Resolve(const Node& node, const TemplatePath& path) {
  if (depth_ > kMaxDepth)
    return Resolved::Unknown("the expression nests too deeply");
  struct DepthGuard {
    int& d;
    explicit DepthGuard(int& depth) : d(depth) { ++d; }
    ~DepthGuard() { --d; }
  } guard(depth_);
  switch (node.kind()) {
    case NodeKind::kNull:
    case NodeKind::kBool:
    case NodeKind::kNumber:
    case NodeKind::kString:
      return Resolved::Known(&node);
    case NodeKind::kList: {
      const auto& list = *cast<ListNode>(&node);
      std::vector<const Node*> items;
      bool changed = false;
      for (size_t i = 0; i < list.size(); ++i) {
        Resolved r = Resolve(*list.items()[i], path.Child(i));
        if (!r.known())
          return r;
        changed |= r.value != list.items()[i];
        items.push_back(r.value);
      }
      if (!changed)
        return Resolved::Known(&node);
      auto* out = doc_.New<ListNode>(node.range(), std::move(items));
      out->set_origin(&node);
      return Resolved::Known(out);
    }
    case NodeKind::kMap: {
      const auto& map = *cast<MapNode>(&node);
      std::vector<MapEntry> entries;
      bool changed = false;
      for (const MapEntry& e : map.entries()) {
        Resolved r = Resolve(*e.value, path.Child(e.key->value()));
        if (!r.known())
          return r;
        changed |= r.value != e.value;
        entries.push_back({e.key, r.value});
      }
      if (!changed)
        return Resolved::Known(&node);
      auto* out = doc_.New<MapNode>(node.range(), std::move(entries));
      out->set_origin(&node);
      return Resolved::Known(out);
    }
    case NodeKind::kFnCall:
      return ResolveFn(*cast<FnCallNode>(&node), path);
  }
  return Resolved::Unknown("unsupported node");
}

Resolved StaticResolver::ResolveString(const Node& node, const TemplatePath& path,
                                       std::string* out) {
  Resolved r = Resolve(node, path);
  if (!r.known())
    return r;
  if (!ScalarText(*r.value, out)) {
    diags_.Report(DiagCode::kE0001, node.range(), path,
                  "Expected a string here, but the value is a " +
                      std::string(NodeKindName(r.value->kind())) + ".");
    return Resolved::Error();
  }
  return r;
}

Resolved StaticResolver::ResolveFn(const FnCallNode& fn, const TemplatePath& path) {
  TemplatePath args_path = path.Child(std::string(FnName(fn.fn())));
  switch (fn.fn()) {
    case FnKind::kRef:
      return ResolveRef(fn, args_path);
    case FnKind::kFindInMap:
      return ResolveFindInMap(fn, args_path);
    case FnKind::kSub:
      return ResolveSub(fn, args_path);
    case FnKind::kJoin:
      return ResolveJoin(fn, args_path);
    case FnKind::kSelect:
      return ResolveSelect(fn, args_path);
    case FnKind::kSplit:
      return ResolveSplit(fn, args_path);
    case FnKind::kLength:
      return ResolveLength(fn, args_path);
    case FnKind::kToJsonString:
      return ResolveToJsonString(fn, args_path);
    case FnKind::kIf: {
      const ListNode* args = ArgList(fn);
      const auto* name =
          args != nullptr && args->size() == 3 ? dyn_cast<StringNode>(args->items()[0]) : nullptr;
      if (name == nullptr) {
        diags_.Report(DiagCode::kE1028, fn.range(), args_path,
                      "Fn::If takes [ConditionName, ValueIfTrue, ValueIfFalse].");
        return Resolved::Error();
      }
      Resolved c = EvaluateCondition(name->value(), *name, args_path.Child(size_t{0}));
      if (!c.known())
        return c;
      size_t pick = cast<BoolNode>(c.value)->value() ? 1 : 2;
      return Resolve(*args->items()[pick], args_path.Child(pick));
    }
    default:
      return Resolved::Unknown(std::string(FnName(fn.fn())) +
                               " is evaluated only when the stack is deployed");
  }
}

Resolved StaticResolver::ResolveRef(const FnCallNode& fn, const TemplatePath& path) {
  std::string name;
  Resolved r = ResolveString(*fn.args(), path, &name);
  if (!r.known())
    return r;
  const Node& at = *fn.args();
  if (name == "AWS::Region")
    return Resolved::Known(NewString(options_.region, at));
  if (name == "AWS::AccountId")
    return Resolved::Known(NewString(options_.account_id, at));
  if (name == "AWS::Partition")
    return Resolved::Known(NewString(PartitionFor(options_), at));
  if (name == "AWS::StackName")
    return Resolved::Known(NewString(options_.stack_name, at));
  if (name == "AWS::URLSuffix") {
    return Resolved::Known(
        NewString(PartitionFor(options_) == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com", at));
  }
  if (name.rfind("AWS::", 0) == 0)
    return Resolved::Unknown(name + " is known only when the stack is deployed");
  return ResolveParameter(name, at);
}

Resolved StaticResolver::ResolveParameter(const std::string& name, const Node& at) {
  const auto* params = dyn_cast<MapNode>(root_.Get("Parameters"));
  const auto* param = params != nullptr ? dyn_cast<MapNode>(params->Get(name)) : nullptr;
  if (param == nullptr) {
    return Resolved::Unknown("Ref " + Quote(name) +
                             " is not a parameter; a resource's id is known only after deploy");
  }
  std::string type = "String";
  if (const auto* t = dyn_cast<StringNode>(param->Get("Type")))
    type = t->value();
  if (type.rfind("AWS::SSM::Parameter::Value<", 0) == 0) {
    return Resolved::Unknown("parameter " + Quote(name) +
                             " is read from SSM Parameter Store at deploy time");
  }
  std::string value;
  auto given = options_.parameters.find(name);
  if (given != options_.parameters.end()) {
    value = given->second;
  } else {
    const Node* def = param->Get("Default");
    if (def == nullptr || !ScalarText(*def, &value)) {
      return Resolved::Unknown("parameter " + Quote(name) +
                               " has no value (no Default); pass --parameters " + name + "=VALUE");
    }
  }
  if (!IsListType(type))
    return Resolved::Known(NewString(value, at));
  std::vector<const Node*> items;
  for (std::string& item : SplitList(value))
    items.push_back(NewString(std::move(item), at));
  auto* list = doc_.New<ListNode>(at.range(), std::move(items));
  list->set_origin(&at);
  return Resolved::Known(list);
}

Resolved StaticResolver::ResolveFindInMap(const FnCallNode& fn, const TemplatePath& path) {
  const ListNode* args = ArgList(fn);
  if (args == nullptr || args->size() < 3 || args->size() > 4) {
    diags_.Report(DiagCode::kE1011, fn.range(), path,
                  "Fn::FindInMap takes [MapName, TopLevelKey, SecondLevelKey] and an optional "
                  "{DefaultValue: ...}.");
    return Resolved::Error();
  }
  const Node* default_value = nullptr;
  if (args->size() == 4) {
    const auto* opts = dyn_cast<MapNode>(args->items()[3]);
    default_value = opts != nullptr && opts->size() == 1 ? opts->Get("DefaultValue") : nullptr;
    if (default_value == nullptr) {
      diags_.Report(DiagCode::kE1011, args->items()[3]->range(), path.Child(3),
                    "The fourth argument of Fn::FindInMap must be {DefaultValue: value}.");
      return Resolved::Error();
    }
  }
  std::string keys[3];
  for (size_t i = 0; i < 3; ++i) {
    Resolved r = ResolveString(*args->items()[i], path.Child(i), &keys[i]);
    if (!r.known())
      return r;
  }
  auto fallback = [&](const Node& at, size_t index, std::string message) -> Resolved {
    if (default_value != nullptr)
      return Resolve(*default_value, path.Child(3).Child("DefaultValue"));
    if (keys[1] == options_.account_id && isa<FnCallNode>(args->items()[1])) {
      message += " The key comes from AWS::AccountId, which is " + options_.account_id +
                 " here; pass --account-id to choose another account.";
    }
    diags_.Report(DiagCode::kE1011, at.range(), path.Child(index), std::move(message));
    return Resolved::Error();
  };
  const auto* mappings = dyn_cast<MapNode>(root_.Get("Mappings"));
  const auto* mapping = mappings != nullptr ? dyn_cast<MapNode>(mappings->Get(keys[0])) : nullptr;
  if (mapping == nullptr) {
    return fallback(
        *args->items()[0], 0,
        "Fn::FindInMap names mapping " + Quote(keys[0]) + ", which is not declared in Mappings.");
  }
  const auto* top = dyn_cast<MapNode>(mapping->Get(keys[1]));
  if (top == nullptr) {
    return fallback(*args->items()[1], 1,
                    "Mapping " + Quote(keys[0]) + " has no key " + Quote(keys[1]) + ".");
  }
  const Node* value = top->Get(keys[2]);
  if (value == nullptr) {
    return fallback(*args->items()[2], 2,
                    "Mapping " + Quote(keys[0]) + " key " + Quote(keys[1]) +
                        " has no second-level key " + Quote(keys[2]) + ".");
  }
  return Resolved::Known(value);
}

Resolved StaticResolver::ResolveSub(const FnCallNode& fn, const TemplatePath& path) {
  const Node* text_node = fn.args();
  const MapNode* vars = nullptr;
  if (const ListNode* args = ArgList(fn)) {
    if (args->size() != 2 || !isa<MapNode>(args->items()[1]))
      return Resolved::Unknown("Fn::Sub has an unexpected shape");
    text_node = args->items()[0];
    vars = cast<MapNode>(args->items()[1]);
  }
  const auto* text = dyn_cast<StringNode>(text_node);
  if (text == nullptr)
    return Resolved::Unknown("Fn::Sub has an unexpected shape");
  const std::string& s = text->value();
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    if (s.compare(i, 3, "${!") == 0) {
      out += "${";
      i += 3;
      continue;
    }
    if (s.compare(i, 2, "${") != 0) {
      out += s[i++];
      continue;
    }
    size_t close = s.find('}', i);
    if (close == std::string::npos)
      return Resolved::Unknown("Fn::Sub has an unterminated variable");
    std::string name = s.substr(i + 2, close - i - 2);
    std::string value;
    const Node* bound = vars != nullptr ? vars->Get(name) : nullptr;
    if (bound != nullptr) {
      Resolved r = ResolveString(*bound, path.Child(1).Child(name), &value);
      if (!r.known())
        return r;
    } else if (name.find('.') != std::string::npos) {
      return Resolved::Unknown("${" + name + "} is a resource attribute");
    } else {
      FnCallNode ref(text->range(), FnKind::kRef, NewString(name, *text), FnForm::kLong, {});
      Resolved r = ResolveString(ref, path, &value);
      if (!r.known())
        return r;
    }
    out += value;
    i = close + 1;
  }
  return Resolved::Known(NewString(std::move(out), fn));
}

Resolved StaticResolver::ResolveJoin(const FnCallNode& fn, const TemplatePath& path) {
  const ListNode* args = ArgList(fn);
  if (args == nullptr || args->size() != 2)
    return Resolved::Unknown("Fn::Join has an unexpected shape");
  std::string delimiter;
  Resolved d = ResolveString(*args->items()[0], path.Child(size_t{0}), &delimiter);
  if (!d.known())
    return d;
  Resolved list = Resolve(*args->items()[1], path.Child(1));
  if (!list.known())
    return list;
  const auto* items = dyn_cast<ListNode>(list.value);
  if (items == nullptr)
    return Resolved::Unknown("Fn::Join needs a list");
  std::string out;
  for (size_t i = 0; i < items->size(); ++i) {
    std::string item;
    if (!ScalarText(*items->items()[i], &item))
      return Resolved::Unknown("Fn::Join items must be strings");
    out += (i == 0 ? "" : delimiter) + item;
  }
  return Resolved::Known(NewString(std::move(out), fn));
}

Resolved StaticResolver::ResolveSelect(const FnCallNode& fn, const TemplatePath& path) {
  const ListNode* args = ArgList(fn);
  if (args == nullptr || args->size() != 2)
    return Resolved::Unknown("Fn::Select has an unexpected shape");
  std::string index_text;
  Resolved i = ResolveString(*args->items()[0], path.Child(size_t{0}), &index_text);
  if (!i.known())
    return i;
  Resolved list = Resolve(*args->items()[1], path.Child(1));
  if (!list.known())
    return list;
  const auto* items = dyn_cast<ListNode>(list.value);
  char* end = nullptr;
  long index = std::strtol(index_text.c_str(), &end, 10);
  if (items == nullptr || end == index_text.c_str() || *end != '\0' || index < 0 ||
      static_cast<size_t>(index) >= items->size()) {
    diags_.Report(DiagCode::kE0001, fn.range(), path,
                  "Fn::Select index " + Quote(index_text) + " is out of range for the list.");
    return Resolved::Error();
  }
  return Resolved::Known(items->items()[static_cast<size_t>(index)]);
}

Resolved StaticResolver::ResolveSplit(const FnCallNode& fn, const TemplatePath& path) {
  const ListNode* args = ArgList(fn);
  if (args == nullptr || args->size() != 2)
    return Resolved::Unknown("Fn::Split has an unexpected shape");
  std::string delimiter;
  std::string source;
  Resolved d = ResolveString(*args->items()[0], path.Child(size_t{0}), &delimiter);
  if (!d.known())
    return d;
  Resolved s = ResolveString(*args->items()[1], path.Child(1), &source);
  if (!s.known())
    return s;
  std::vector<const Node*> items;
  size_t start = 0;
  while (!delimiter.empty()) {
    size_t at = source.find(delimiter, start);
    if (at == std::string::npos)
      break;
    items.push_back(NewString(source.substr(start, at - start), fn));
    start = at + delimiter.size();
  }
  items.push_back(NewString(source.substr(start), fn));
  auto* list = doc_.New<ListNode>(fn.range(), std::move(items));
  list->set_origin(&fn);
  return Resolved::Known(list);
}

Resolved StaticResolver::ResolveLength(const FnCallNode& fn, const TemplatePath& path) {
  // A literal list has a known length even when its items are not known yet.
  const Node* list = fn.args();
  if (!isa<ListNode>(list)) {
    Resolved r = Resolve(*list, path);
    if (!r.known())
      return r;
    list = r.value;
  }
  const auto* items = dyn_cast<ListNode>(list);
  if (items == nullptr) {
    diags_.Report(DiagCode::kE1030, fn.args()->range(), path,
                  "Fn::Length takes a list (or a function returning one), not a " +
                      std::string(NodeKindName(list->kind())) + ".");
    return Resolved::Error();
  }
  std::string text = std::to_string(items->size());
  auto* n = doc_.New<NumberNode>(fn.range(), text, static_cast<double>(items->size()), true);
  n->set_origin(&fn);
  return Resolved::Known(n);
}

Resolved StaticResolver::ResolveToJsonString(const FnCallNode& fn, const TemplatePath& path) {
  if (!isa<MapNode>(fn.args()) && !isa<ListNode>(fn.args())) {
    diags_.Report(DiagCode::kE1031, fn.args()->range(), path,
                  "Fn::ToJsonString takes an object or a list, not a " +
                      std::string(NodeKindName(fn.args()->kind())) + ".");
    return Resolved::Error();
  }
  Resolved r = Resolve(*fn.args(), path);
  if (!r.known())
    return r;
  // CloudFormation emits compact JSON with keys in template order.
  return Resolved::Known(NewString(ToJson(*r.value).dump(), fn));
}

Resolved StaticResolver::EvaluateCondition(const std::string& name, const Node& at,
                                           const TemplatePath& path) {
  auto cached = condition_cache_.find(name);
  if (cached == condition_cache_.end()) {
    const Node* expr = conditions_ != nullptr ? conditions_->Get(name) : nullptr;
    if (expr == nullptr) {
      diags_.Report(DiagCode::kE8002, at.range(), path,
                    "Condition " + Quote(name) + " is not declared in Conditions.");
      return Resolved::Error();
    }
    Resolved r = EvaluateConditionExpr(*expr, TemplatePath{"Conditions", name}, 0);
    if (!r.known())
      return r;
    cached = condition_cache_.emplace(name, cast<BoolNode>(r.value)->value()).first;
  }
  auto* b = doc_.New<BoolNode>(at.range(), cached->second ? "true" : "false", cached->second);
  b->set_origin(&at);
  return Resolved::Known(b);
}

Resolved StaticResolver::EvaluateConditionExpr(const Node& expr, const TemplatePath& path,
                                               int depth) {
  const auto* fn = dyn_cast<FnCallNode>(&expr);
  if (fn == nullptr || depth > kMaxDepth)
    return Resolved::Unknown("condition " + path.ToString() + " is not a condition function");
  auto make = [&](bool v) {
    auto* b = doc_.New<BoolNode>(expr.range(), v ? "true" : "false", v);
    return Resolved::Known(b);
  };
  TemplatePath args_path = path.Child(std::string(FnName(fn->fn())));
  const ListNode* args = ArgList(*fn);
  switch (fn->fn()) {
    case FnKind::kCondition: {
      const auto* name = dyn_cast<StringNode>(fn->args());
      if (name == nullptr)
        return Resolved::Unknown("Condition takes a condition name");
      return EvaluateCondition(name->value(), *name, args_path);
    }
    case FnKind::kEquals: {
      if (args == nullptr || args->size() != 2)
        return Resolved::Unknown("Fn::Equals takes two values");
      std::string a;
      std::string b;
      Resolved ra = ResolveString(*args->items()[0], args_path.Child(size_t{0}), &a);
      if (!ra.known())
        return ra;
      Resolved rb = ResolveString(*args->items()[1], args_path.Child(1), &b);
      if (!rb.known())
        return rb;
      return make(a == b);
    }
    case FnKind::kNot:
    case FnKind::kAnd:
    case FnKind::kOr: {
      if (args == nullptr || args->size() == 0)
        return Resolved::Unknown(std::string(FnName(fn->fn())) + " takes a list of conditions");
      bool all = true;
      bool any = false;
      for (size_t i = 0; i < args->size(); ++i) {
        Resolved r = EvaluateConditionExpr(*args->items()[i], args_path.Child(i), depth + 1);
        if (!r.known())
          return r;
        bool v = cast<BoolNode>(r.value)->value();
        all &= v;
        any |= v;
      }
      return make(fn->fn() == FnKind::kNot ? !all : fn->fn() == FnKind::kAnd ? all : any);
    }
    default:
      return Resolved::Unknown(std::string(FnName(fn->fn())) + " is not a condition function");
  }
}

}  // namespace cfnx
