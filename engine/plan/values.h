// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The planner's view of values over JSON templates: conditions, `Fn::If`/`AWS::NoValue`
// normalization, resolution of a value to display, and the references a value makes.
// Conditions and values are decided by engine/eval's Evaluator (the one evaluator cfnx has),
// so the plan knows statically whatever CloudFormation knows statically; anything that cannot
// be decided without deploying stays undecided (nullopt); nothing here guesses.

#ifndef CFNX_ENGINE_PLAN_VALUES_H_
#define CFNX_ENGINE_PLAN_VALUES_H_

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "cfnx/stack_state.h"
#include "engine/ast/document.h"

namespace cfnx {
class Evaluator;
}  // namespace cfnx

namespace cfnx::plan_internal {

using Json = OrderedJson;

// "Ref", "Fn::Sub", "Condition", ... when `j` is a one-key object naming an intrinsic
// function; "" otherwise.
std::string_view IntrinsicName(const Json& j);
bool IsNoValue(const Json& j);

// One side of the plan (the deployed template or the desired one).
struct EvalContext {
  // Parameter values as the change set shows them (lists comma-joined).
  std::map<std::string, std::string> parameters;
  // NoEcho parameters of either template: a value referring to one is masked.
  std::set<std::string> no_echo;
  // The Evaluator of this side's template, made on first use; returns nullptr when there is
  // none (no template), and then nothing is known.
  std::function<Evaluator*()> evaluator;
  // Nodes built from the JSON values handed to the evaluator.
  Document scratch;
};

// The value of condition `name`; nullopt when unknown or undefined.
std::optional<bool> EvalCondition(EvalContext& ctx, std::string_view name);
// Applies Fn::If whose condition is known and drops AWS::NoValue entries.
Json Normalize(const Json& j, EvalContext& ctx);
// The value of `j` if it is known before deployment, every intrinsic function applied; `*masked`
// is set when a NoEcho parameter contributed to it (the value itself is not masked).
std::optional<Json> TryResolve(const Json& j, EvalContext& ctx, bool* masked);

enum class RefKind { kRef, kGetAtt, kSubRef, kSubGetAtt, kImportValue, kDynamicReference };
// One reference inside a value: its target (parameter, pseudo parameter or logical id), the
// attribute for GetAtt, and where it is relative to the value's root.
struct FoundRef {
  RefKind kind = RefKind::kRef;
  std::string target;
  std::string attribute;
  std::vector<std::string> path;
};
void CollectRefs(const Json& j, std::vector<std::string>& path, std::vector<FoundRef>& out);

// Values as AWS shows BeforeValue/AfterValue: strings as they are, anything else compact JSON.
std::string DisplayValue(const Json& j);

// Follows `segments` (object keys, array indexes) from `j`; nullptr when absent.
const Json* JsonAt(const Json& j, const std::vector<std::string>& segments, size_t from = 0);

}  // namespace cfnx::plan_internal

#endif  // CFNX_ENGINE_PLAN_VALUES_H_
