// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Deploy-time resolution of a processed template's values (JSON, functions in long form)
// once the resources they refer to exist: Ref, Fn::GetAtt, Fn::Sub, Fn::Join, Fn::Select,
// Fn::Split, Fn::FindInMap, Fn::If and the condition functions, Fn::ImportValue, Fn::Base64,
// Fn::GetAZs, Fn::Length, Fn::ToJsonString. `AWS::NoValue` removes the key or item. What
// cannot be resolved is an Error whose message reads like CloudFormation's "Template error".
//
// Also the dependency graph the executor walks: edges from Ref, Fn::GetAtt, Fn::Sub variables
// and DependsOn, waves in deterministic order (ties by logical id).

#ifndef CFNX_ENGINE_EXEC_RESOLVE_H_
#define CFNX_ENGINE_EXEC_RESOLVE_H_

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cfnx/error_or.h"

namespace cfnx {

using ExecJson = nlohmann::ordered_json;

struct ResolveContext {
  const ExecJson* template_json = nullptr;  // for Mappings and Conditions
  std::map<std::string, ExecJson> parameters;
  std::map<std::string, bool> conditions;  // filled by EvaluateConditions
  std::string region = "us-east-1";
  std::string account_id = "123456789012";
  std::string partition = "aws";
  std::string stack_name;
  std::string stack_id;
  // Physical id of a resource that exists, or nullopt.
  std::function<std::optional<ExecJson>(const std::string&)> ref;
  // Attribute of a resource that exists; nullopt when the resource or attribute is unknown.
  std::function<std::optional<ExecJson>(const std::string&, const std::string&)> get_att;
  // Value of an export of another stack, or nullopt.
  std::function<std::optional<std::string>(const std::string&)> import_value;
  // Export names used by Fn::ImportValue, collected while resolving.
  std::set<std::string> imports;
};

// Resolves `value`; the result never holds functions. A top-level AWS::NoValue resolves to a
// discarded json value.
ErrorOr<ExecJson> Resolve(const ExecJson& value, ResolveContext& ctx);

// Resolves the template's parameters: `given` values, else Default; List and
// CommaDelimitedList types become lists. Error for a missing value or one outside AllowedValues.
// A parameter of an AWS::SSM::Parameter::Value type names an SSM parameter: its value is looked
// up in `ssm` (name -> value) and the name goes to `*ssm_names` (parameter -> SSM name); Error
// when `ssm` does not hold it, as CloudFormation fails for a parameter SSM does not have.
ErrorOr<std::map<std::string, ExecJson>> ResolveParameters(
    const ExecJson& template_json, const std::map<std::string, std::string>& given,
    const std::map<std::string, std::string>& ssm = {},
    std::map<std::string, std::string>* ssm_names = nullptr);

// Evaluates every condition of the template into ctx.conditions.
Status EvaluateConditions(ResolveContext& ctx);

// Logical ids of resources that `value` refers to (Ref, GetAtt, Sub variables), among `known`.
void CollectReferences(const ExecJson& value, const std::set<std::string>& known,
                       std::set<std::string>* out);

// Waves of `resources` (logical id -> its dependencies among them): each wave holds the ids
// whose dependencies are in earlier waves, sorted. Error naming the cycle if there is one.
ErrorOr<std::vector<std::vector<std::string>>> ComputeWaves(
    const std::map<std::string, std::set<std::string>>& dependencies);

// Dependencies of each resource of `template_json` that is in `included` (Ref, GetAtt, Sub and
// DependsOn edges to other included resources).
std::map<std::string, std::set<std::string>> ResourceDependencies(
    const ExecJson& template_json, const std::set<std::string>& included);

}  // namespace cfnx

#endif  // CFNX_ENGINE_EXEC_RESOLVE_H_
