// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Functions only the Rules section uses:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/rules-section-structure.html
// Fn::Contains [list, string], Fn::EachMemberEquals [list, string], Fn::EachMemberIn
// [list, list] are evaluated; Fn::RefAll, Fn::ValueOf and Fn::ValueOfAll read the account
// (existing VPCs, subnets' attributes), so offline they are Unknown.

#include "functions/function_util.h"
#include "functions/functions.h"

namespace cfnx {
namespace {

bool ContainsText(const Value& list, const Value& item) {
  for (const Value& v : list.list()) {
    if (v.is_scalar() && item.is_scalar() && v.as_string() == item.as_string())
      return true;
  }
  return false;
}

// Evaluates [list, second]; false after reporting when the first is not a list.
bool ListPair(const FnCallNode& call, const EvalPath& args_path, Evaluator& ev, Value* list,
              Value* second, std::string_view shape) {
  const ListNode* args = internal::ListArgs(call, args_path, ev, DiagCode::kE2904, 2, 2, shape);
  if (args == nullptr)
    return false;
  *list = ev.Evaluate(args->items()[0], args_path.Child(size_t{0}));
  *second = ev.Evaluate(args->items()[1], args_path.Child(1));
  if (list->has_error() || second->has_error())
    return false;
  if (!list->is_list() && !list->is_unknown()) {
    ev.Fail(DiagCode::kE2904, args->items()[0]->range(), args_path.Child(size_t{0}),
            std::string(FnName(call.fn())) + " takes a list first; got " +
                internal::Describe(*list) + ".");
    return false;
  }
  return true;
}

}  // namespace

Value EvaluateContains(const FnCallNode& call, const EvalPath& path, Evaluator& ev) {
  EvalPath args_path = path.Child(FnName(call.fn()));
  Value list, item;
  if (!ListPair(call, args_path, ev, &list, &item, "[list of strings, string]"))
    return Value::Error();
  if (list.has_unknown() || item.has_unknown())
    return internal::Residual(call, Value::MakeList({list, item}));
  return Value::Bool(ContainsText(list, item));
}

Value EvaluateEachMemberEquals(const FnCallNode& call, const EvalPath& path, Evaluator& ev) {
  EvalPath args_path = path.Child(FnName(call.fn()));
  Value list, item;
  if (!ListPair(call, args_path, ev, &list, &item, "[list of strings, string]"))
    return Value::Error();
  if (list.has_unknown() || item.has_unknown())
    return internal::Residual(call, Value::MakeList({list, item}));
  for (const Value& v : list.list()) {
    if (!v.is_scalar() || !item.is_scalar() || v.as_string() != item.as_string())
      return Value::Bool(false);
  }
  return Value::Bool(true);
}

Value EvaluateEachMemberIn(const FnCallNode& call, const EvalPath& path, Evaluator& ev) {
  EvalPath args_path = path.Child(FnName(call.fn()));
  Value list, allowed;
  if (!ListPair(call, args_path, ev, &list, &allowed, "[list of strings, list of strings]"))
    return Value::Error();
  if (list.has_unknown() || allowed.has_unknown())
    return internal::Residual(call, Value::MakeList({list, allowed}));
  for (const Value& v : list.list()) {
    if (!ContainsText(allowed, v))
      return Value::Bool(false);
  }
  return Value::Bool(true);
}

Value EvaluateAccountData(const FnCallNode& call, const EvalPath& path, Evaluator& ev) {
  EvalPath args_path = path.Child(FnName(call.fn()));
  Value args = ev.Evaluate(call.args(), args_path);
  if (args.has_error())
    return Value::Error();
  return Value::Unknown(call.fn(), args,
                        {{Dependency::Kind::kAccount, std::string(FnName(call.fn())), ""}});
}

}  // namespace cfnx
