// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The evaluator computes what CloudFormation would compute from a template: parameter values,
// pseudo parameters, conditions, and the value of any node with its intrinsic functions
// applied. It is plain data in, plain data out:
//
//   EvalOptions options;                      // region, account, parameter values, ...
//   options.parameters = {{"Env", "prod"}};
//   options.resources["Bucket"].physical_id = "my-bucket-1a2b";   // deployed state, optional
//   Evaluator ev(model, BuiltinFunctions(), options, diags);      // resolves parameters and
//                                                                 // evaluates every condition
//   if (ev.IsConditionTrue("IsProd") == true) { ... }
//   Value v = ev.Evaluate(resource.properties, TemplatePath{"Resources", "Fn", "Properties"});
//   OrderedJson json = ValueToJson(v);        // engine/eval/value_json.h
//
// What cannot be known before deployment is `Value::Unknown` with its dependencies: Ref and
// Fn::GetAtt of a resource absent from `EvalOptions::resources`, Fn::ImportValue without an
// exports snapshot, and (when `require_parameter_values` is false, as during validation) a
// parameter without value or default. Problems in the template are diagnostics reported to the
// sink given at construction, after which the offending sub-expression is `Value::Error()`;
// nothing throws.
//
// The functions themselves live in functions/ and are looked up in a `FunctionRegistry`
// (engine/eval/function_registry.h) that engine/api fills with RegisterBuiltinFunctions.
// An Evaluator holds references to the template, the registry and the sink: they must outlive
// it. It is not thread-safe.

#ifndef CFNX_ENGINE_EVAL_EVALUATOR_H_
#define CFNX_ENGINE_EVAL_EVALUATOR_H_

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cfnx/diagnostic.h"
#include "engine/eval/pseudo_parameters.h"
#include "engine/eval/value.h"
#include "engine/model/template.h"

namespace cfnx {

class FunctionRegistry;

// A template path under construction: a chain of links on the stack, cheap to extend while
// walking, turned into a TemplatePath only when a diagnostic needs it. A child must not
// outlive its parent, and keys must outlive the chain (node keys and function names do).
class EvalPath {
 public:
  explicit EvalPath(const TemplatePath& base) : base_(&base) {}
  EvalPath Child(std::string_view key) const { return EvalPath(this, key, 0, false); }
  EvalPath Child(size_t index) const { return EvalPath(this, {}, index, true); }
  TemplatePath ToPath() const;

 private:
  EvalPath(const EvalPath* parent, std::string_view key, size_t index, bool is_index)
      : parent_(parent), key_(key), index_(index), is_index_(is_index) {}
  const TemplatePath* base_ = nullptr;
  const EvalPath* parent_ = nullptr;
  std::string_view key_;
  size_t index_ = 0;
  bool is_index_ = false;
};

// What is known about one deployed resource (the planner passes the stack's state).
struct ResourceState {
  std::optional<std::string> physical_id;   // what Ref returns; nullopt = unknown
  std::map<std::string, Value> attributes;  // GetAtt attribute -> value; absent = unknown
};

struct EvalOptions {
  std::string region = "us-east-1";
  std::string partition;  // "" = derived from the region
  std::string account_id = "123456789012";
  std::string stack_name = "cfnx-stack";
  std::string stack_id;  // "" = an ARN made from region, account and stack name
  std::vector<std::string> notification_arns;
  // Parameter values given by the user; list parameters as comma-separated text.
  std::map<std::string, std::string> parameters;
  // A parameter without value or default: true reports an error naming it (render, plan);
  // false makes it Unknown (validation of a template on its own).
  bool require_parameter_values = true;
  // Validation of a template on its own: parameters without a given value (even with a
  // Default) and the deployment-specific pseudo parameters (AWS::Region, AWS::AccountId, ...)
  // are Unknown, so what is checked holds for every deployment.
  bool symbolic = false;
  // Deployed resources by logical id. Ref/GetAtt of anything not here (nor found by
  // `find_resource`) is Unknown.
  std::map<std::string, ResourceState> resources;
  // Consulted for logical ids absent from `resources`; nullptr (the default) = none. Lets a
  // caller with a large deployed stack (the planner) convert only the resources a value refers
  // to. The pointer must stay valid while the Evaluator lives.
  std::function<const ResourceState*(std::string_view logical_id)> find_resource;
  // Exports snapshot for Fn::ImportValue (export name -> value); nullopt = Unknown.
  std::optional<std::map<std::string, std::string>> exports;
  // Stack outputs for Fn::GetStackOutput ("stack/output" -> value); nullopt = Unknown.
  std::optional<std::map<std::string, std::string>> stack_outputs;
  // AWS::LanguageExtensions functions (Fn::Length, Fn::ToJsonString, FindInMap DefaultValue).
  // nullopt = on when the template's Transform section names AWS::LanguageExtensions.
  std::optional<bool> language_extensions;
  // Report Refs, GetAtts, Sub variables and condition names that do not resolve. Validation
  // turns this off because CheckReferences already reports them (no duplicates).
  bool diagnose_unresolved_names = true;
  // Systems Manager parameter values (name -> value) for parameters of an
  // AWS::SSM::Parameter::Value type; nullopt = such parameters are Unknown. A name absent from
  // the map is reported (E9015) and the parameter stays Unknown.
  std::optional<std::map<std::string, std::string>> ssm_parameters;
};

// A resolved parameter.
struct ParameterValue {
  std::string name;
  // A String, a List of Strings for list types (CommaDelimitedList, List<...>), Unknown when
  // there is no value and `require_parameter_values` is false, or Error.
  Value value;
  bool no_echo = false;
  bool from_default = false;
};

class Evaluator {
 public:
  // Resolves every parameter (given value, else Default; checked against Type and
  // constraints) and evaluates every condition once, in dependency order, reporting cycles.
  Evaluator(const Template& t, const FunctionRegistry& functions, EvalOptions options,
            DiagnosticSink& diags);
  Evaluator(const Evaluator&) = delete;
  Evaluator& operator=(const Evaluator&) = delete;

  // The value of `node` with every intrinsic function applied where possible. `path` is where
  // `node` sits in the template (for diagnostics). NoValue inside maps and lists is removed;
  // a top-level `Ref: AWS::NoValue` gives Value::NoValue().
  Value Evaluate(const Node* node, const TemplatePath& path);
  Value Evaluate(const Node* node, const EvalPath& path);

  // Parameters in declaration order; Parameter(name) is nullptr for undeclared names.
  const std::vector<ParameterValue>& parameters() const { return parameters_; }
  const ParameterValue* Parameter(std::string_view name) const;

  // A condition's value: Bool, Unknown (depends on a parameter without value) or Error.
  // nullptr when the template declares no such condition.
  const Value* ConditionValue(std::string_view name) const;
  // true/false when the condition is declared and known, nullopt otherwise.
  std::optional<bool> IsConditionTrue(std::string_view name) const;
  // Whether a resource or output with this Condition attribute (nullptr = none) exists in the
  // stack: true/false when known, nullopt when unknown.
  std::optional<bool> IsIncluded(const StringNode* condition) const;

  // Evaluates the Rules section: each rule's RuleCondition, then its Assertions; a failed
  // assertion is an error carrying its AssertDescription.
  void CheckRules();

  // The deployed state of resource `logical_id` (from EvalOptions::resources, else
  // EvalOptions::find_resource), or nullptr when it is not known.
  const ResourceState* FindResourceState(std::string_view logical_id) const;

  // What Ref of a pseudo parameter gives (AWS::NoValue gives NoValue).
  Value PseudoParameter(std::string_view name) const;
  const PseudoParameters& pseudo() const { return pseudo_; }
  const Template& tmpl() const { return t_; }
  const EvalOptions& options() const { return options_; }
  bool language_extensions() const { return language_extensions_; }
  DiagnosticSink& diags() { return diags_; }

  // For functions: reports `message` at `range` and returns Value::Error().
  Value Fail(DiagCode code, SourceRange range, const EvalPath& path, std::string message);
  // For functions: evaluates a condition by name (Fn::If, Condition), reporting unknown names
  // at `range` when `diagnose_unresolved_names`.
  Value Condition(std::string_view name, SourceRange range, const EvalPath& path);

 private:
  void ResolveParameters();
  ParameterValue ResolveParameter(const struct Parameter& p);
  void EvaluateConditions();
  Value EvaluateCall(const FnCallNode* call, const EvalPath& path);

  const Template& t_;
  const FunctionRegistry& functions_;
  EvalOptions options_;
  DiagnosticSink& diags_;
  PseudoParameters pseudo_;
  bool language_extensions_ = false;
  std::vector<ParameterValue> parameters_;
  std::unordered_map<std::string_view, size_t> parameter_index_;
  // Condition states while evaluating: absent = not started; kInProgress marks a cycle.
  enum class CondState : uint8_t { kInProgress, kDone };
  std::unordered_map<std::string_view, std::pair<CondState, Value>> conditions_;
};

}  // namespace cfnx

#endif  // CFNX_ENGINE_EVAL_EVALUATOR_H_
