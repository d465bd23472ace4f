// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Fn::ImportValue:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-importvalue.html
// The value another stack exports under a name. The name may be built with functions but
// must not depend on a resource of this stack. With an exports snapshot (`--exports`) the
// value is known (a missing export is an error, as at deploy time); otherwise Unknown.

#include "functions/function_util.h"
#include "functions/functions.h"

namespace cfnx {

Value EvaluateImportValue(const FnCallNode& call, const EvalPath& path, Evaluator& ev) {
  EvalPath args_path = path.Child(FnName(call.fn()));
  if (internal::DependsOnResource(call.args(), ev.tmpl())) {
    return ev.Fail(DiagCode::kE1016, call.name_range(), args_path,
                   "The export name of Fn::ImportValue cannot depend on a resource (Ref or "
                   "Fn::GetAtt of a resource).");
  }
  Value name = ev.Evaluate(call.args(), args_path);
  if (name.has_error())
    return Value::Error();
  if (name.is_unknown())
    return internal::Residual(call, name);
  if (!name.is_string()) {
    return ev.Fail(
        DiagCode::kE1016, call.name_range(), args_path,
        "Fn::ImportValue takes an export name string; got " + internal::Describe(name) + ".");
  }
  const auto& exports = ev.options().exports;
  if (!exports.has_value()) {
    return Value::Unknown(call.fn(), name, {{Dependency::Kind::kImport, name.as_string(), ""}});
  }
  auto it = exports->find(name.as_string());
  if (it == exports->end()) {
    return ev.Fail(
        DiagCode::kE1016, call.name_range(), args_path,
        "No export named " + internal::Quote(name.as_string()) + " in the exports snapshot.");
  }
  return Value::String(it->second);
}

}  // namespace cfnx
