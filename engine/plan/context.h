// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// A ResourceChange's BeforeContext / AfterContext: the resource as CloudFormation hands it to
// its provider, as DescribeChangeSet shows it. From AWS's published change sets:
//
//   "AfterContext": "{\"Properties\":{\"Value\":\"{{changeSet:KNOWN_AFTER_APPLY}}\",
//                     \"Type\":\"String\"},\"UpdateReplacePolicy\":\"Retain\"}"
//
//  * compact JSON text of {"Properties": {...}}, then "UpdateReplacePolicy" and
//    "DeletionPolicy" when the resource sets them;
//  * intrinsics resolved (a Ref to a parameter gives its value, a Ref to a deployed resource
//    its physical id); scalars as CloudFormation passes them to providers, as strings
//    (true -> "true", 30 -> "30");
//  * a value known only after deployment is "{{changeSet:KNOWN_AFTER_APPLY}}";
//  * a value a NoEcho parameter contributes to is "****".

#ifndef CFNX_ENGINE_PLAN_CONTEXT_H_
#define CFNX_ENGINE_PLAN_CONTEXT_H_

#include <functional>
#include <string>

#include "engine/plan/values.h"

namespace cfnx::plan_internal {

// What AWS writes for a value known only once the change set runs.
inline constexpr char kKnownAfterApply[] = "{{changeSet:KNOWN_AFTER_APPLY}}";

struct ContextInputs {
  // The resource's template entry (its Properties and policies are read); must not be null.
  const Json* resource = nullptr;
  // Its Properties already passed through Normalize, or nullptr to normalize them here.
  const Json* properties = nullptr;
  // Resolves intrinsics: the deployed side's or the desired side's context.
  EvalContext* ctx = nullptr;
  // Deployed properties: the value at the same path is used where the template's value cannot
  // be resolved (BeforeContext). nullptr: none.
  const Json* deployed = nullptr;
  // Whether a value (an intrinsic, or a string with a dynamic reference) is known only after
  // deployment, whatever TryResolve says (a GetAtt of a resource this change set updates
  // resolves to its old attribute). Empty: nothing is.
  std::function<bool(const Json&)> known_after_apply;
};

// The context as compact JSON text.
std::string BuildResourceContext(const ContextInputs& in);

// Whether `j` refers to a NoEcho parameter of `ctx` (Ref, or a Fn::Sub variable): a value
// taken from deployed properties for it must be shown as "****".
bool RefersToNoEcho(const Json& j, const EvalContext& ctx);

// `j` with booleans and numbers turned into strings, recursively (null stays null).
Json StringifyScalars(const Json& j);

}  // namespace cfnx::plan_internal

#endif  // CFNX_ENGINE_PLAN_CONTEXT_H_
