// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Fn::ToJsonString (AWS::LanguageExtensions): a map or list as compact JSON text.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-ToJsonString.html

#include "engine/eval/value_json.h"
#include "functions/function_util.h"
#include "functions/functions.h"

namespace cfnx {

Value EvaluateToJsonString(const FnCallNode& call, const EvalPath& path, Evaluator& ev) {
  EvalPath args_path = path.Child(FnName(call.fn()));
  if (!ev.language_extensions()) {
    return ev.Fail(DiagCode::kE1031, call.name_range(), path,
                   "Fn::ToJsonString needs 'Transform: AWS::LanguageExtensions'.");
  }
  Value v = ev.Evaluate(call.args(), args_path);
  if (v.has_error())
    return Value::Error();
  if (v.has_unknown())
    return internal::Residual(call, v);
  if (!v.is_map() && !v.is_list()) {
    return ev.Fail(DiagCode::kE1031, call.name_range(), args_path,
                   "Fn::ToJsonString takes a map or a list; got " + internal::Describe(v) + ".");
  }
  std::string text = ValueToJson(v, /*mask_sensitive=*/false)
                         .dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  return Value::String(std::move(text)).WithSensitive(v.sensitive());
}

}  // namespace cfnx
