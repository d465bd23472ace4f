// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Fn::Join:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-join.html
// [delimiter, list]: the list may be written out or come from a function (Fn::GetAZs,
// Fn::Split, Ref to a list parameter). Items must be strings.

#include "functions/function_util.h"
#include "functions/functions.h"

namespace cfnx {

Value EvaluateJoin(const FnCallNode& call, const EvalPath& path, Evaluator& ev) {
  EvalPath args_path = path.Child(FnName(call.fn()));
  const ListNode* args = internal::ListArgs(call, args_path, ev, DiagCode::kE1022, 2, 2,
                                            "[delimiter, list of values]");
  if (args == nullptr) {
    internal::ReportStringForList(call, args_path, ev, DiagCode::kE1022, "Fn::Join");
    return Value::Error();
  }
  const Node* delim_node = args->items()[0];
  if (!isa<StringNode>(delim_node)) {
    return ev.Fail(DiagCode::kE1022, delim_node->range(), args_path.Child(size_t{0}),
                   "The delimiter of Fn::Join must be a string; got a " +
                       std::string(NodeKindName(delim_node->kind())) + ".");
  }
  const std::string& delim = cast<StringNode>(delim_node)->value();
  Value list = ev.Evaluate(args->items()[1], args_path.Child(1));
  if (list.has_error())
    return Value::Error();
  if (list.is_unknown())
    return internal::Residual(call, Value::MakeList({Value::String(delim), list}));
  if (!list.is_list()) {
    return ev.Fail(
        DiagCode::kE1022, args->items()[1]->range(), args_path.Child(1),
        "The second argument of Fn::Join must be a list; got " + internal::Describe(list) + ".");
  }
  std::string out;
  bool first = true;
  for (const Value& item : list.list()) {
    if (item.is_unknown())
      return internal::Residual(call, Value::MakeList({Value::String(delim), list}));
    if (!item.is_scalar()) {
      return ev.Fail(
          DiagCode::kE1022, args->items()[1]->range(), args_path.Child(1),
          "Fn::Join can only join strings; the list holds " + internal::Describe(item) + ".");
    }
    if (!first)
      out += delim;
    out += item.as_string();
    first = false;
  }
  return Value::String(std::move(out)).WithSensitive(list.sensitive());
}

}  // namespace cfnx
