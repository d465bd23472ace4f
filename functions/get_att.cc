// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Fn::GetAtt:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-getatt.html
// Both forms: [LogicalId, Attribute] (the attribute may be a Ref to a parameter) and the
// string "LogicalId.Attribute" (split at the first dot, so "Stack.Outputs.Name" works).
// Attribute values come from deployed state; otherwise the value is Unknown.

#include "engine/base/edit_distance.h"
#include "functions/function_util.h"
#include "functions/functions.h"

namespace cfnx {

using internal::Quote;

namespace {

Value LookUp(const std::string& resource, const Value& attribute, const FnCallNode& call,
             Evaluator& ev) {
  if (attribute.is_string()) {
    if (const ResourceState* state = ev.FindResourceState(resource)) {
      auto attr = state->attributes.find(attribute.as_string());
      if (attr != state->attributes.end())
        return attr->second;
    }
    return Value::Unknown(call.fn(), Value::MakeList({Value::String(resource), attribute}),
                          {{Dependency::Kind::kResource, resource, attribute.as_string()}});
  }
  return Value::Unknown(call.fn(), Value::MakeList({Value::String(resource), attribute}),
                        {{Dependency::Kind::kResource, resource, ""}});
}

}  // namespace

Value EvaluateGetAtt(const FnCallNode& call, const EvalPath& path, Evaluator& ev) {
  EvalPath args_path = path.Child(FnName(call.fn()));
  std::string resource;
  Value attribute;
  SourceRange resource_range;
  if (const auto* s = dyn_cast<StringNode>(call.args())) {
    size_t dot = s->value().find('.');
    if (dot == std::string::npos || dot == 0 || dot + 1 == s->value().size()) {
      return ev.Fail(DiagCode::kE1010, s->range(), args_path,
                     "Fn::GetAtt needs a logical id and an attribute: write "
                     "'Resource.Attribute' or [Resource, Attribute].");
    }
    resource = s->value().substr(0, dot);
    attribute = Value::String(s->value().substr(dot + 1));
    resource_range = s->range();
  } else {
    const ListNode* list = internal::ListArgs(call, args_path, ev, DiagCode::kE1010, 2, 2,
                                              "[logical id, attribute name]");
    if (list == nullptr)
      return Value::Error();
    const auto* r = dyn_cast<StringNode>(list->items()[0]);
    if (r == nullptr) {
      return ev.Fail(DiagCode::kE1010, list->items()[0]->range(), args_path.Child(size_t{0}),
                     "The logical id of Fn::GetAtt must be a string.");
    }
    resource = r->value();
    resource_range = r->range();
    attribute = ev.Evaluate(list->items()[1], args_path.Child(1));
    if (attribute.has_error())
      return Value::Error();
    if (!attribute.is_string() && !attribute.is_unknown()) {
      return ev.Fail(DiagCode::kE1010, list->items()[1]->range(), args_path.Child(1),
                     "The attribute name of Fn::GetAtt must be a string; got " +
                         internal::Describe(attribute) + ".");
    }
  }
  if (ev.tmpl().FindResource(resource) == nullptr) {
    if (!ev.options().diagnose_unresolved_names)
      return Value::Error();
    std::vector<std::string_view> names;
    for (const Resource& r : ev.tmpl().resources)
      names.push_back(r.logical_id);
    return ev.Fail(DiagCode::kE1010, resource_range, args_path,
                   "Fn::GetAtt of " + Quote(resource) +
                       ", which is not a resource of the template." + DidYouMean(resource, names));
  }
  return LookUp(resource, attribute, call, ev);
}

}  // namespace cfnx
