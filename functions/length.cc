// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Fn::Length (AWS::LanguageExtensions): the number of items of a list, written out or from a
// function (Ref to a list parameter, Fn::Split, ...).
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-length.html

#include "functions/function_util.h"
#include "functions/functions.h"

namespace cfnx {

Value EvaluateLength(const FnCallNode& call, const EvalPath& path, Evaluator& ev) {
  EvalPath args_path = path.Child(FnName(call.fn()));
  if (!ev.language_extensions()) {
    return ev.Fail(DiagCode::kE1030, call.name_range(), path,
                   "Fn::Length needs 'Transform: AWS::LanguageExtensions'.");
  }
  Value list = ev.Evaluate(call.args(), args_path);
  if (list.has_error())
    return Value::Error();
  if (list.is_unknown())
    return internal::Residual(call, list);
  if (!list.is_list()) {
    return ev.Fail(DiagCode::kE1030, call.name_range(), args_path,
                   "Fn::Length takes a list; got " + internal::Describe(list) + ".");
  }
  // Items that are unknown still count: the length is known.
  return Value::Number(static_cast<double>(list.list().size()));
}

}  // namespace cfnx
