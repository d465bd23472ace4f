// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Static evaluation over JSON templates for the planner: conditions, `Fn::If`/`AWS::NoValue`
// normalization, best-effort resolution of a value to display (Ref, GetAtt of deployed
// resources, Sub, Join, Select, FindInMap, If), and the references a value makes. Anything that
// cannot be decided without deploying stays undecided (nullopt); nothing here guesses.

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

namespace cfnx::plan_internal {

using Json = OrderedJson;

// "Ref", "Fn::Sub", "Condition", ... when `j` is a one-key object naming an intrinsic
// function; "" otherwise.
std::string_view IntrinsicName(const Json& j);
bool IsNoValue(const Json& j);

struct EvalContext {
  const Json* root = nullptr;                     // the whole template (Conditions, Mappings)
  std::map<std::string, std::string> parameters;  // resolved values; lists comma-joined
  std::set<std::string> list_parameters;          // CommaDelimitedList / List<...> types
  std::set<std::string> no_echo;
  // Parameters whose value is known only at deploy time (AWS::SSM::Parameter::Value<...>
  // types: CloudFormation resolves them when it runs the change set).
  std::set<std::string> unknown_parameters;
  std::map<std::string, std::string> pseudo;  // "AWS::Region" -> "us-east-1"
  // Deployed resources whose Ref / GetAtt is known (physical id, attributes), by logical id.
  std::function<const StackResource*(std::string_view)> known_resource;
  std::map<std::string, std::optional<bool>> condition_cache;
};

// The value of condition `name`; nullopt when unknown or undefined.
std::optional<bool> EvalCondition(EvalContext& ctx, std::string_view name);
// Applies Fn::If whose condition is known and drops AWS::NoValue entries.
Json Normalize(const Json& j, EvalContext& ctx);
// The value of `j` if it is known before deployment; `*masked` is set when a NoEcho parameter
// contributed to it.
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
