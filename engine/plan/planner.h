// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The planner: a pure function from what is deployed (`StackState`), what is wanted (a processed
// template and parameter values) and what the schemas say about replacement (`SchemaFacts`) to
// a `Plan` (cfnx/plan.h): the change set CloudFormation would show, the execution order, the
// rollback plan and the failure forecast.
//
// How a change set is decided (CloudFormation's rules, reproduced offline):
//  * Resources are compared by logical id between the deployed template (with the deployed
//    parameter values and conditions) and the new one; `Fn::If` and `AWS::NoValue` are applied
//    where the condition is known, so a condition flip that changes a property shows up.
//  * Every differing property path is a DirectModification detail; a path under a schema
//    `createOnlyProperties` entry requires recreation Always, under
//    `conditionalCreateOnlyProperties` Conditionally; adding or removing such a property
//    replaces even when the effective value would be the same.
//  * A parameter whose value changed and that flows into an unchanged property gives AWS's
//    documented pair of details: DirectModification/Dynamic and ParameterReference/Static with
//    the parameter as CausingEntity.
//  * A replaced resource's new physical id and attributes are unknown, so resources that Ref
//    (ResourceReference) or GetAtt (ResourceAttribute) it get Dynamic details, and Replacement
//    Conditional where that property is create-only, transitively in dependency order.
//  * Nested stacks are always Modify with ChangeSource Automatic; a property reading a nested
//    stack's output (Fn::GetAtt Child.Outputs.X) gets a Dynamic ResourceAttribute detail, as
//    CloudFormation reads the output again once the nested stack is updated.
//  * A resource listed in PlanOptions::resources_to_import is Import (an IMPORT change set);
//    a resource whose Condition depends on a value known only at deploy time (an SSM
//    parameter type) is Dynamic.
//
// Conditions and values are evaluated by engine/eval's Evaluator over both templates (the
// deployed one with the deployed parameter values, resource ids and attributes; the exports
// snapshot for Fn::ImportValue). Values known only after deployment are never guessed: their
// details are Dynamic with AfterValue "{{changeSet:KNOWN_AFTER_APPLY}}", as AWS writes it. Each
// change carries BeforeContext / AfterContext (engine/plan/context.h): the resolved properties
// before and after, with the same placeholder where a value is known only after deployment.
// The planner reports template problems it meets (a parameter without a value, a cycle) to
// `diags`; the forecast goes into `Plan::forecast`.

#ifndef CFNX_ENGINE_PLAN_PLANNER_H_
#define CFNX_ENGINE_PLAN_PLANNER_H_

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cfnx/diagnostic.h"
#include "cfnx/plan.h"
#include "cfnx/planner.h"
#include "cfnx/stack_state.h"
#include "engine/model/template.h"

namespace cfnx {

class FunctionRegistry;

// What the planner needs from a resource type's provider schema. Paths are the schema's JSON
// pointers ("/properties/Config/Items/*/Key").
struct TypeFacts {
  bool known = false;
  std::vector<std::string> create_only;
  std::vector<std::string> conditional_create_only;
  std::vector<std::string> primary_identifier;
  std::vector<std::string> read_only;
  std::string replacement_strategy = "create_then_delete";
};

// Looks up TypeFacts by type name; engine/api fills it from the resource registry.
class SchemaFacts {
 public:
  virtual ~SchemaFacts() = default;
  // Facts for `type`; `known` false when the registry has no schema for it.
  virtual TypeFacts Find(std::string_view type) const = 0;
};

// PlanOptions: cfnx/planner.h.

// Computes the plan. `desired` must be a processed template (transforms applied) built from a
// Document that outlives the call. `functions` evaluates intrinsic functions in both templates
// (engine/api passes BuiltinFunctions()).
Plan ComputePlan(const StackState& current, const Template& desired,
                 const FunctionRegistry& functions, const SchemaFacts& schemas,
                 const PlanOptions& options, DiagnosticSink& diags);

// The forecast for deleting the stack (`cfnx destroy`, Executor::Destroy): E9008 for each
// export another stack imports.
std::vector<Diagnostic> ForecastStackDeletion(const StackState& current);

// One forecast diagnostic as `cfnx plan` lists it: "E9008 /Outputs/VpcId: message".
std::string ForecastLine(const Diagnostic& d);

// RenderPlanText: cfnx/planner.h.

}  // namespace cfnx

#endif  // CFNX_ENGINE_PLAN_PLANNER_H_
