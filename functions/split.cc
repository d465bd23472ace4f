// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Fn::Split:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-split.html
// [delimiter, string] -> list of strings; the delimiter must be a non-empty literal string.

#include "functions/function_util.h"
#include "functions/functions.h"

namespace cfnx {

Value EvaluateSplit(const FnCallNode& call, const EvalPath& path, Evaluator& ev) {
  EvalPath args_path = path.Child(FnName(call.fn()));
  const ListNode* args =
      internal::ListArgs(call, args_path, ev, DiagCode::kE1018, 2, 2, "[delimiter, string]");
  if (args == nullptr)
    return Value::Error();
  const auto* delim_node = dyn_cast<StringNode>(args->items()[0]);
  if (delim_node == nullptr || delim_node->value().empty()) {
    return ev.Fail(DiagCode::kE1018, args->items()[0]->range(), args_path.Child(size_t{0}),
                   "The delimiter of Fn::Split must be a non-empty string.");
  }
  const std::string& delim = delim_node->value();
  Value source = ev.Evaluate(args->items()[1], args_path.Child(1));
  if (source.has_error())
    return Value::Error();
  if (source.is_unknown())
    return internal::Residual(call, Value::MakeList({Value::String(delim), source}));
  if (!source.is_scalar()) {
    return ev.Fail(DiagCode::kE1018, args->items()[1]->range(), args_path.Child(1),
                   "Fn::Split splits a string; got " + internal::Describe(source) + ".");
  }
  const std::string& s = source.as_string();
  Value::List items;
  size_t start = 0;
  while (true) {
    size_t at = s.find(delim, start);
    items.push_back(Value::String(s.substr(start, at - start)).WithSensitive(source.sensitive()));
    if (at == std::string::npos)
      break;
    start = at + delim.size();
  }
  return Value::MakeList(std::move(items));
}

}  // namespace cfnx
