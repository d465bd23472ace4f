// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Fn::GetStackOutput: {StackName, OutputName, [Region], [RoleArn]} reads an output of another
// stack at deploy time. Known only from a stack-outputs snapshot ("StackName/OutputName"),
// otherwise Unknown.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html

#include "functions/function_util.h"
#include "functions/functions.h"

namespace cfnx {

Value EvaluateGetStackOutput(const FnCallNode& call, const EvalPath& path, Evaluator& ev) {
  EvalPath args_path = path.Child(FnName(call.fn()));
  const auto* map = dyn_cast<MapNode>(call.args());
  if (map == nullptr) {
    return ev.Fail(DiagCode::kE1033, call.name_range(), args_path,
                   "Fn::GetStackOutput takes {StackName, OutputName, Region, RoleArn}.");
  }
  for (const MapEntry& e : map->entries()) {
    const std::string& k = e.key->value();
    if (k != "StackName" && k != "OutputName" && k != "Region" && k != "RoleArn") {
      return ev.Fail(DiagCode::kE1033, e.key->range(), args_path.Child(k),
                     "Fn::GetStackOutput has no argument " + internal::Quote(k) +
                         " (StackName, OutputName, Region, RoleArn).");
    }
  }
  for (const char* required : {"StackName", "OutputName"}) {
    if (map->Get(required) == nullptr) {
      return ev.Fail(DiagCode::kE1033, call.name_range(), args_path,
                     std::string("Fn::GetStackOutput needs ") + required + ".");
    }
  }
  Value args = ev.Evaluate(map, args_path);
  if (args.has_error())
    return Value::Error();
  // Either may be gone after evaluation (a Ref to AWS::NoValue), or the arguments may not have
  // evaluated to a map at all.
  const Value* stack = args.Get("StackName");
  const Value* output = args.Get("OutputName");
  const bool named =
      stack != nullptr && output != nullptr && stack->is_string() && output->is_string();
  const auto& outputs = ev.options().stack_outputs;
  if (outputs.has_value() && named) {
    auto it = outputs->find(stack->as_string() + "/" + output->as_string());
    if (it != outputs->end())
      return Value::String(it->second);
  }
  std::string name = named ? stack->as_string() + "/" + output->as_string() : "";
  return Value::Unknown(call.fn(), args, {{Dependency::Kind::kStackOutput, name, ""}});
}

}  // namespace cfnx
