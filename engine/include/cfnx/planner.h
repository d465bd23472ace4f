// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// File: cfnx/planner.h
//
// `cfnx plan` as a library call: predicts, offline, what deploying a template onto a stack will
// do (the change set, the execution order, the rollback plan and the forecast of failures; see
// cfnx/plan.h for the data) through a `Compiler` that holds the template and the run's options.
//
//   cfnx::Compiler compiler({.region = "eu-west-1", .stack_name = "app"});
//   cfnx::ErrorOr<cfnx::FileId> file = compiler.AddFile("template.yaml");
//   // What is deployed: a state file, a local backend database, or a new stack.
//   cfnx::ErrorOr<cfnx::StackState> state = cfnx::ReadStackState(".cfnx/state.db", "app");
//   cfnx::PlanOutput out = cfnx::PlanStack(compiler, *file, *state, {.capabilities = {...}});
//   if (!out.plan) { /* out.result.diagnostics say why: parse errors, missing parameters */ }
//   std::cout << cfnx::RenderPlanText(*out.plan, /*color=*/false);
//   std::string json = cfnx::PlanToJson(*out.plan).dump(2);  // what `cfnx plan -o PLAN` saves
//
// Problems in the template are diagnostics in `out.result`; the plan's own forecast (E9xxx:
// a custom-named resource that would be replaced, missing capabilities, ...) is in
// `out.plan->forecast`. Nothing here touches a cloud or a stack: reading a local backend
// database only reads it.

#ifndef CFNX_ENGINE_INCLUDE_CFNX_PLANNER_H_
#define CFNX_ENGINE_INCLUDE_CFNX_PLANNER_H_

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cfnx/compiler.h"
#include "cfnx/error_or.h"
#include "cfnx/plan.h"
#include "cfnx/stack_state.h"

namespace cfnx {

// How a deployment would run. `PlanStack` takes the stack name, region, partition, account and
// parameter values from the compiler's `CompileOptions`, so only the rest needs setting.
struct PlanOptions {
  std::string stack_name = "cfnx-stack";
  std::string region = "us-east-1";
  std::string partition = "aws";
  std::string account_id = "123456789012";
  // Values given for this deployment. Parameters not given keep their deployed value (as
  // `aws cloudformation deploy` does), else their Default.
  std::map<std::string, std::string> parameters;
  // Capabilities acknowledged (`--capabilities`).
  std::vector<std::string> capabilities;
  OnStackFailure on_failure = OnStackFailure::kRollback;
  // Transforms the template declared before expansion (for CAPABILITY_AUTO_EXPAND).
  std::vector<std::string> declared_transforms;
  // Resources to bring under management instead of creating (CreateChangeSet's
  // ResourcesToImport): logical id -> its ResourceIdentifier ({"BucketName": "legacy"}). They
  // get Action Import and the change set's type becomes IMPORT.
  std::map<std::string, std::map<std::string, std::string>> resources_to_import;
  // Stack-level RetainExceptOnCreate: on a failed creation, resources created by this
  // deployment are deleted even when their DeletionPolicy is Retain.
  bool retain_except_on_create = false;
  // `--stack-policy-during-update`: replaces the stack's own policy (StackState::stack_policy)
  // for this update only; null = none. (`--stack-policy` on deploy sets the policy the stack
  // has after the update; this update is checked against the one it has now, as CloudFormation
  // does.)
  OrderedJson stack_policy_during_update;
  // Values of Systems Manager parameters (`--ssm-parameters FILE`): name -> value. Parameters of
  // an AWS::SSM::Parameter::Value type resolve through it (ResolvedValue); a name absent from it
  // is E9015. nullopt: such parameters are Unknown (known after deploy).
  std::optional<std::map<std::string, std::string>> ssm_parameters;
  // The deployed state of a nested stack, by stack name, for planning nested change sets
  // (engine/plan/nested_stacks.h); unset, existing children are planned as new stacks.
  std::function<StackState(const std::string& stack_name)> nested_state;
};

struct PlanOutput {
  // nullopt when the template could not be loaded or has errors that make a plan meaningless
  // (parse errors, failed transforms, parameters without values): `result` says which.
  std::optional<Plan> plan;
  CompileResult result;  // the template's diagnostics, sorted by location
};

// Plans the template in `file` (transforms applied) against `state`. A default `StackState`
// with only `stack_name` set is a stack that does not exist yet: everything is Add.
PlanOutput PlanStack(Compiler& compiler, FileId file, const StackState& state,
                     const PlanOptions& options = {});

// What is deployed as stack `stack_name` according to `path`: a stack state JSON file
// (cfnx/stack_state.h) or a local backend database (`cfnx deploy --state`, default
// `.cfnx/state.db`), told apart by its first bytes. A database without that stack gives a new
// stack's state. An error when the file cannot be read or is neither.
ErrorOr<StackState> ReadStackState(const std::string& path, const std::string& stack_name);

// The plan for people, as `cfnx plan` prints it (`+`, `~`, `-/+`, `-`), with the forcing
// property paths, before → after values, the forecast, the rollback plan and summary counts.
// `color` adds ANSI colours.
std::string RenderPlanText(const Plan& plan, bool color);

}  // namespace cfnx

#endif  // CFNX_ENGINE_INCLUDE_CFNX_PLANNER_H_
