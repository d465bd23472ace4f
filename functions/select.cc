// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Fn::Select:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-select.html
// [index, list]: the index is a number (or a string holding one); out of range is an error
// when the list is known. An unknown item selected from a known list is that item.

#include <cmath>
#include <cstdlib>

#include "functions/function_util.h"
#include "functions/functions.h"

namespace cfnx {

Value EvaluateSelect(const FnCallNode& call, const EvalPath& path, Evaluator& ev) {
  EvalPath args_path = path.Child(FnName(call.fn()));
  const ListNode* args =
      internal::ListArgs(call, args_path, ev, DiagCode::kE1017, 2, 2, "[index, list]");
  if (args == nullptr) {
    internal::ReportStringForList(call, args_path, ev, DiagCode::kE1017, "Fn::Select");
    return Value::Error();
  }
  Value index = ev.Evaluate(args->items()[0], args_path.Child(size_t{0}));
  Value list = ev.Evaluate(args->items()[1], args_path.Child(1));
  if (index.has_error() || list.has_error())
    return Value::Error();
  double number = 0;
  if (index.is_number()) {
    number = index.as_number();
  } else if (index.is_string()) {
    char* end = nullptr;
    number = std::strtod(index.as_string().c_str(), &end);
    if (index.as_string().empty() || *end != '\0') {
      return ev.Fail(
          DiagCode::kE1017, args->items()[0]->range(), args_path.Child(size_t{0}),
          "The index of Fn::Select must be a number; got " + internal::Describe(index) + ".");
    }
  } else if (!index.is_unknown()) {
    return ev.Fail(
        DiagCode::kE1017, args->items()[0]->range(), args_path.Child(size_t{0}),
        "The index of Fn::Select must be a number; got " + internal::Describe(index) + ".");
  }
  if (!index.is_unknown() && (number < 0 || number != std::floor(number))) {
    return ev.Fail(DiagCode::kE1017, args->items()[0]->range(), args_path.Child(size_t{0}),
                   "The index of Fn::Select must be a whole number of at least 0; got " +
                       index.as_string() + ".");
  }
  if (!list.is_list() && !list.is_unknown()) {
    return ev.Fail(
        DiagCode::kE1017, args->items()[1]->range(), args_path.Child(1),
        "The second argument of Fn::Select must be a list; got " + internal::Describe(list) + ".");
  }
  if (index.is_unknown() || list.is_unknown())
    return internal::Residual(call, Value::MakeList({index, list}));
  if (number >= static_cast<double>(list.list().size())) {
    return ev.Fail(DiagCode::kE1017, args->items()[0]->range(), args_path.Child(size_t{0}),
                   "Fn::Select index " + index.as_string() + " is out of range: the list has " +
                       std::to_string(list.list().size()) + " item(s).");
  }
  return list.list()[static_cast<size_t>(number)];
}

}  // namespace cfnx
