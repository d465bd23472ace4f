// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Ref:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-ref.html
// A parameter gives its value, a pseudo parameter its value, a resource its physical id (known
// only from deployed state, otherwise Unknown depending on the resource).

#include "engine/base/edit_distance.h"
#include "functions/function_util.h"
#include "functions/functions.h"

namespace cfnx {

using internal::Quote;

Value EvaluateRef(const FnCallNode& call, const EvalPath& path, Evaluator& ev) {
  EvalPath args_path = path.Child(FnName(call.fn()));
  const auto* name_node = dyn_cast<StringNode>(call.args());
  if (name_node == nullptr) {
    return ev.Fail(DiagCode::kE1020, call.name_range(), args_path,
                   "Ref takes the name of a parameter, resource or pseudo parameter as a "
                   "string; got a " +
                       std::string(NodeKindName(call.args()->kind())) + ".");
  }
  const std::string& name = name_node->value();
  if (const ParameterValue* p = ev.Parameter(name))
    return p->value;
  if (IsPseudoParameter(name))
    return ev.PseudoParameter(name);
  if (ev.tmpl().FindResource(name) != nullptr) {
    const ResourceState* state = ev.FindResourceState(name);
    if (state != nullptr && state->physical_id.has_value())
      return Value::String(*state->physical_id);
    return Value::Unknown(FnKind::kRef, Value::String(name),
                          {{Dependency::Kind::kResource, name, ""}});
  }
  if (!ev.options().diagnose_unresolved_names)
    return Value::Error();
  std::vector<std::string_view> names;
  for (const Parameter& p : ev.tmpl().parameters)
    names.push_back(p.name);
  for (const Resource& r : ev.tmpl().resources)
    names.push_back(r.logical_id);
  for (std::string_view p : PseudoParameterNames())
    names.push_back(p);
  return ev.Fail(DiagCode::kE1020, name_node->range(), args_path,
                 "Ref to " + Quote(name) +
                     ", which is not a parameter, a resource or a pseudo parameter." +
                     DidYouMean(name, names));
}

}  // namespace cfnx
