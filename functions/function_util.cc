// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "functions/function_util.h"

#include "engine/validate/validate.h"

namespace cfnx::internal {

std::string Quote(std::string_view s) {
  return "'" + std::string(s) + "'";
}

const ListNode* ListArgs(const FnCallNode& call, const EvalPath& args_path, Evaluator& ev,
                         DiagCode code, size_t min, size_t max, std::string_view shape) {
  std::string name(FnName(call.fn()));
  const auto* list = dyn_cast<ListNode>(call.args());
  if (list == nullptr) {
    ev.Fail(code, call.name_range(), args_path,
            name + " takes " + std::string(shape) + "; got a " +
                std::string(NodeKindName(call.args()->kind())) + ".");
    return nullptr;
  }
  if (list->size() < min || list->size() > max) {
    std::string count =
        min == max ? std::to_string(min) : std::to_string(min) + " to " + std::to_string(max);
    ev.Fail(code, call.name_range(), args_path,
            name + " takes " + std::string(shape) + " (" + count + " items); got " +
                std::to_string(list->size()) + ".");
    return nullptr;
  }
  return list;
}

Value Residual(const FnCallNode& call, Value args) {
  return Value::Unknown(call.fn(), std::move(args), {});
}

std::string Describe(const Value& v) {
  if (v.is_string())
    return "the string " + Quote(v.sensitive() ? "****" : v.as_string());
  std::string_view type = v.TypeName();
  std::string article = (type[0] == 'a' || type[0] == 'e') ? "an " : "a ";
  return article + std::string(type);
}

bool DependsOnResource(const Node* node, const Template& t) {
  if (node == nullptr)
    return false;
  switch (node->kind()) {
    case NodeKind::kList:
      for (const Node* item : cast<ListNode>(node)->items()) {
        if (DependsOnResource(item, t))
          return true;
      }
      return false;
    case NodeKind::kMap:
      for (const MapEntry& e : cast<MapNode>(node)->entries()) {
        if (DependsOnResource(e.value, t))
          return true;
      }
      return false;
    case NodeKind::kFnCall: {
      const auto* call = cast<FnCallNode>(node);
      if (call->fn() == FnKind::kRef) {
        const auto* s = dyn_cast<StringNode>(call->args());
        return s != nullptr && t.FindResource(s->value()) != nullptr;
      }
      if (call->fn() == FnKind::kGetAtt)
        return true;
      if (call->fn() == FnKind::kSub) {
        const Node* text = call->args();
        const MapNode* vars = nullptr;
        if (const auto* list = dyn_cast<ListNode>(call->args())) {
          if (list->size() != 2)
            return false;
          text = list->items()[0];
          vars = dyn_cast<MapNode>(list->items()[1]);
          if (DependsOnResource(list->items()[1], t))
            return true;
        }
        const auto* s = dyn_cast<StringNode>(text);
        if (s == nullptr)
          return DependsOnResource(text, t);
        for (const SubVariable& v : ParseSubVariables(s->value())) {
          if (vars != nullptr && vars->Find(v.name) != nullptr)
            continue;
          std::string name = v.name.substr(0, v.name.find('.'));
          if (t.FindResource(name) != nullptr)
            return true;
        }
        return false;
      }
      return DependsOnResource(call->args(), t);
    }
    default:
      return false;
  }
}

void ReportStringForList(const FnCallNode& call, const EvalPath& args_path, Evaluator& ev,
                         DiagCode code, std::string_view fn) {
  const auto* list = dyn_cast<ListNode>(call.args());
  const auto* values =
      list != nullptr && list->size() > 2 ? dyn_cast<StringNode>(list->items()[1]) : nullptr;
  if (values != nullptr)
    ev.Fail(code, values->range(), args_path.Child(1),
            "The second argument of " + std::string(fn) + " must be a list; got the string '" +
                values->value() + "'.");
}

}  // namespace cfnx::internal
