// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Fn::FindInMap:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-findinmap.html
// [MapName, TopLevelKey, SecondLevelKey] where keys may be functions (Ref to a parameter or
// pseudo parameter, nested Fn::FindInMap). With AWS::LanguageExtensions a fourth item
// {DefaultValue: x} is returned when a key is missing.

#include "engine/base/edit_distance.h"
#include "engine/eval/value_json.h"
#include "functions/function_util.h"
#include "functions/functions.h"

namespace cfnx {

using internal::Quote;

namespace {

std::vector<std::string_view> KeysOf(const MapNode* map) {
  std::vector<std::string_view> keys;
  for (const MapEntry& e : map->entries())
    keys.push_back(e.key->value());
  return keys;
}

}  // namespace

Value EvaluateFindInMap(const FnCallNode& call, const EvalPath& path, Evaluator& ev) {
  EvalPath args_path = path.Child(FnName(call.fn()));
  const ListNode* args =
      internal::ListArgs(call, args_path, ev, DiagCode::kE1011, 3, 4,
                         "[MapName, TopLevelKey, SecondLevelKey] (and {DefaultValue: ...} with "
                         "AWS::LanguageExtensions)");
  if (args == nullptr)
    return Value::Error();
  const Node* default_node = nullptr;
  if (args->size() == 4) {
    const auto* options = dyn_cast<MapNode>(args->items()[3]);
    default_node = options != nullptr ? options->Get("DefaultValue") : nullptr;
    if (default_node == nullptr || options->size() != 1) {
      return ev.Fail(DiagCode::kE1011, args->items()[3]->range(), args_path.Child(3),
                     "The fourth argument of Fn::FindInMap must be {DefaultValue: value}.");
    }
    if (!ev.language_extensions()) {
      return ev.Fail(DiagCode::kE1011, args->items()[3]->range(), args_path.Child(3),
                     "Fn::FindInMap's DefaultValue needs 'Transform: AWS::LanguageExtensions'.");
    }
  }
  Value keys[3];
  bool literal[3];
  for (size_t i = 0; i < 3; ++i) {
    literal[i] = isa<ScalarNode>(args->items()[i]);
    keys[i] = ev.Evaluate(args->items()[i], args_path.Child(i));
    if (keys[i].has_error())
      return Value::Error();
    if (!keys[i].is_scalar() && !keys[i].is_unknown()) {
      return ev.Fail(
          DiagCode::kE1011, args->items()[i]->range(), args_path.Child(i),
          "Fn::FindInMap keys must be strings; got " + internal::Describe(keys[i]) + ".");
    }
  }
  auto residual = [&]() {
    Value::List items(keys, keys + 3);
    if (default_node != nullptr) {
      Value d = ev.Evaluate(default_node, args_path.Child(3).Child("DefaultValue"));
      items.push_back(Value::MakeMap({{"DefaultValue", d}}));
    }
    return internal::Residual(call, Value::MakeList(std::move(items)));
  };
  if (keys[0].is_unknown() || keys[1].is_unknown() || keys[2].is_unknown())
    return residual();
  // Missing names: with DefaultValue, the default; else an error (reported by CheckReferences
  // instead when every key is written literally and `diagnose_unresolved_names` is off).
  auto missing = [&](size_t i, const std::string& message) -> Value {
    if (default_node != nullptr)
      return ev.Evaluate(default_node, args_path.Child(3).Child("DefaultValue"));
    bool all_literal = literal[0] && literal[1] && (literal[2] || i < 2);
    if (all_literal && !ev.options().diagnose_unresolved_names)
      return Value::Error();
    return ev.Fail(DiagCode::kE1011, args->items()[i]->range(), args_path.Child(i), message);
  };
  const std::string& map_name = keys[0].as_string();
  const Mapping* mapping = ev.tmpl().FindMapping(map_name);
  if (mapping == nullptr) {
    std::vector<std::string_view> names;
    for (const Mapping& m : ev.tmpl().mappings)
      names.push_back(m.name);
    return missing(0, "Fn::FindInMap names mapping " + Quote(map_name) +
                          ", which is not declared in Mappings." + DidYouMean(map_name, names));
  }
  const auto* top = dyn_cast<MapNode>(mapping->node);
  if (top == nullptr)
    return Value::Error();  // E7001 reported by CheckStructure
  const std::string& top_key = keys[1].as_string();
  const auto* second = dyn_cast<MapNode>(top->Get(top_key));
  if (second == nullptr) {
    return missing(1, "Mapping " + Quote(map_name) + " has no key " + Quote(top_key) + "." +
                          DidYouMean(top_key, KeysOf(top)));
  }
  const std::string& second_key = keys[2].as_string();
  const Node* value = second->Get(second_key);
  if (value == nullptr) {
    return missing(2, "Mapping " + Quote(map_name) + " key " + Quote(top_key) +
                          " has no second-level key " + Quote(second_key) + "." +
                          DidYouMean(second_key, KeysOf(second)));
  }
  return LiteralValue(value);
}

}  // namespace cfnx
