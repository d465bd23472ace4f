// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Nested change sets: the plan of each nested stack (AWS::CloudFormation::Stack) whose template
// cfnx read, attached to its parent's plan the way CreateChangeSet with IncludeNestedStacks
// shows it. The parent keeps its own entry for the resource (always Modify, ChangeSource
// Automatic, as CloudFormation decides for nested stacks; or Add / Remove) and that entry's
// `ChangeSetId` names the nested change set, which holds the child's own changes planned
// against the child stack's state. The child's parameters are the resource's `Parameters` as
// the parent plan resolved them (its AfterContext), so a value known only after deploy stays
// "{{changeSet:KNOWN_AFTER_APPLY}}" in the child too.
//
//   PlanNestedStacks(nested_templates, state, functions, schemas, options, lookup, plan, diags);
//
// `nested_templates` is the tree engine/api/nested_templates.h loads:
// {"Child": {"TemplateURL": ..., "File": ..., "Template": {...}, "Nested": {...}}}.

#ifndef CFNX_ENGINE_PLAN_NESTED_STACKS_H_
#define CFNX_ENGINE_PLAN_NESTED_STACKS_H_

#include <functional>
#include <string>

#include "cfnx/diagnostic.h"
#include "cfnx/plan.h"
#include "cfnx/stack_state.h"
#include "engine/plan/planner.h"

namespace cfnx {

// The deployed state of a child stack, by its stack name; a state whose exists() is false when
// the stack cannot be read (it is then planned as new).
using NestedStateLookup = std::function<StackState(const std::string& stack_name)>;

// The stack name of a stack id ("arn:aws:cloudformation:REGION:ACCOUNT:stack/NAME/UUID"), or
// "" when `stack_id` is not one.
std::string StackNameOfStackId(const std::string& stack_id);

// Adds to `plan` (the parent's, made by ComputePlan against `parent_state` with
// `parent_options`) a NestedPlan for each Add or Modify of a resource `nested_templates` names,
// recursively, and links them by change set id. Problems in a child's plan (a parameter without
// a value) go to `diags` with the child named; a child's forecast is copied into the parent's
// (at /Resources/Child, the message naming the child and the child's path) and its required
// capabilities into the parent's, so what refuses a child refuses the parent.
void PlanNestedStacks(const OrderedJson& nested_templates, const StackState& parent_state,
                      const FunctionRegistry& functions, const SchemaFacts& schemas,
                      const PlanOptions& parent_options, const NestedStateLookup& lookup,
                      Plan& plan, DiagnosticSink& diags);

}  // namespace cfnx

#endif  // CFNX_ENGINE_PLAN_NESTED_STACKS_H_
