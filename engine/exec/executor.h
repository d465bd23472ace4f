// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The deploy executor of the local backend. It walks a template's dependency waves with
// bounded parallelism, resolves Ref/GetAtt as resources complete, calls the simulated provider
// and records every step in the state store's journal, and on failure rolls back the way
// CloudFormation does:
//
//   create failure  CREATE_IN_PROGRESS → ROLLBACK_IN_PROGRESS → ROLLBACK_COMPLETE
//                   (--on-failure DELETE: → DELETE_COMPLETE; DO_NOTHING: CREATE_FAILED)
//   update failure  UPDATE_IN_PROGRESS → UPDATE_ROLLBACK_IN_PROGRESS (restore modified
//                   resources, switch replaced ones back) → UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_
//                   PROGRESS (delete what the update created) → UPDATE_ROLLBACK_COMPLETE
//   success         ... → UPDATE_COMPLETE_CLEANUP_IN_PROGRESS (delete replaced and removed
//                   resources, honouring UpdateReplacePolicy / DeletionPolicy) → UPDATE_COMPLETE
//
// The executor runs the planner's plan (engine/plan/planner.h), so what happens is what
// `cfnx plan` prints: the change set's steps in `Plan::order.waves` (steps of one wave in
// logical id order, or in parallel), the cleanup in `order.cleanup_waves`, and on failure the
// compensations of `Plan::rollback` in its order (steps whose forward step never completed are
// skipped). Properties are resolved as the resources they refer to complete. The plan is computed
// from the stored stack (`StoredStackState`) unless the request brings one, which must have
// been made against the same state (its fingerprint).
//
// Every provider call is journaled before it is made and completed in the transaction that
// records its effect, so after a crash `Recover` asks the provider what happened to each
// unfinished call and then finishes the operation (rolls it back, or finishes its cleanup).
//
// The caller holds the stack's lock (StateStore::AcquireLock) around every mutating call.

#ifndef CFNX_ENGINE_EXEC_EXECUTOR_H_
#define CFNX_ENGINE_EXEC_EXECUTOR_H_

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "cfnx/error_or.h"
#include "cfnx/plan.h"
#include "cfnx/stack_state.h"
#include "engine/backend/local/local_provider.h"
#include "engine/backend/local/state_store.h"
#include "engine/exec/resolve.h"
#include "engine/plan/planner.h"

namespace cfnx {

struct DeployRequest {
  std::string stack_name;
  ExecJson template_json;  // the processed template
  std::map<std::string, std::string> parameters;
  std::string region = "us-east-1";
  std::string account_id = "123456789012";
  std::string partition = "aws";
  std::string on_failure = "ROLLBACK";  // ROLLBACK, DELETE or DO_NOTHING
  int parallel = 4;
  std::string holder = "cfnx";
  // Capabilities acknowledged (`--capabilities`): a template that needs one not listed is
  // refused before anything is touched, as CloudFormation refuses the change set
  // (InsufficientCapabilities). The default acknowledges all three, for embedders that check
  // elsewhere; the CLI passes exactly what the user gave.
  std::vector<std::string> capabilities = {"CAPABILITY_IAM", "CAPABILITY_NAMED_IAM",
                                           "CAPABILITY_AUTO_EXPAND"};
  // A plan made earlier (`cfnx plan -o`, or `Executor::PlanDeploy`) to execute instead of
  // planning now; refused when the stack changed since it was made.
  std::optional<Plan> plan;
  // `--enable-termination-protection`: turned on for the stack (destroy then refuses).
  bool enable_termination_protection = false;
  // `--stack-policy`: the stack's policy from this deployment on (null = keep the current one).
  ExecJson stack_policy;
  // `--stack-policy-during-update`: overrides the stack's policy for this update only.
  ExecJson stack_policy_during_update;
  // `--ssm-parameters`: values of Systems Manager parameters (PlanOptions::ssm_parameters).
  std::optional<std::map<std::string, std::string>> ssm_parameters;
  // The processed templates of the nested stacks (AWS::CloudFormation::Stack) with a local
  // TemplateURL, by the parent's logical id (engine/api/nested_templates.h):
  // {"Child": {"TemplateURL": "child.yaml", "File": "...", "Template": {...}, "Nested": {...}}}.
  // Each becomes a stack of its own (engine/exec/nested_stack.cc); a nested stack not listed
  // (an https:// TemplateURL) is one simulated resource.
  ExecJson nested_templates = ExecJson::object();
  // `--auto-signal`: a resource that waits for signals (CreationPolicy, WaitCondition) receives
  // the SUCCESS signals it expects at once instead of waiting for `cfnx signal`.
  bool auto_signal = false;
  // What `--fail` names this stack's resources by: "" for the root stack, "Child/" for the
  // stack nested as resource Child, "Child/Grand/" below that.
  std::string fault_prefix;
};

// Receives progress as it happens (from worker threads, serialized by the executor).
class ExecObserver {
 public:
  virtual ~ExecObserver() = default;
  virtual void OnEvent(const StoredEvent& /*event*/) {}
};

struct ExecResult {
  bool succeeded = false;
  bool no_changes = false;
  std::string status;   // the stack's final status
  std::string message;  // why it failed, when it did
  int64_t operation = 0;
  std::optional<Plan> plan;  // the plan that was executed (none with no_changes)
};

// The stack `name` as the planner sees it (cfnx/stack_state.h): its processed template,
// parameter values, current resources, outputs and the exports of every stack in `store`.
// A stack that does not exist (or was deleted) gives a state whose exists() is false.
StackState StoredStackState(StateStore& store, const std::string& name);

// CloudFormation's refusal of DeleteStack while the stack's termination protection is on, and
// how to turn it off.
std::string TerminationProtectionRefusal(const std::string& stack);
// Nested stacks (engine/exec/nested_stack.cc). The stack holding `child` as a nested stack (an
// AWS::CloudFormation::Stack resource whose physical id is the child's stack id), if any.
std::optional<StoredStack> ParentStackOf(StateStore& store, const std::string& child);
// Every nested stack's name -> its parent's name, read in one pass (for listing stacks).
std::map<std::string, std::string> NestedStackParents(StateStore& store);
// The templates deployed in the nested stacks of `stack`, recursively, in the shape of
// DeployRequest::nested_templates ({"Child": {"Template": ..., "Nested": ...}}).
ExecJson StoredNestedTemplates(StateStore& store, const std::string& stack);
// Whether every nested stack `nested_templates` names is deployed in `stack` with exactly that
// template (recursively): with the parent unchanged too, a deployment has nothing to do.
bool NestedTemplatesDeployed(StateStore& store, const std::string& stack,
                             const ExecJson& nested_templates);

class Executor {
 public:
  // `schemas` gives the planner the create-only paths and replacement strategy of each type,
  // `functions` the intrinsic functions it evaluates templates with.
  Executor(StateStore& store, LocalProvider& provider, const FunctionRegistry& functions,
           const SchemaFacts& schemas, ExecObserver* observer = nullptr);

  // Finishes an interrupted operation, then plans `request` against the stored stack (for
  // showing before deploying: pass the result back in `request.plan`). Template problems the
  // planner finds (a cycle, a parameter without a value) are an Error.
  ErrorOr<Plan> PlanDeploy(const DeployRequest& request);
  // Creates or updates the stack. Finishes an interrupted operation first.
  ErrorOr<ExecResult> Deploy(const DeployRequest& request);
  // Deletes the stack and its resources (DeletionPolicy honoured). Refused while another stack
  // imports one of its exports.
  ErrorOr<ExecResult> Destroy(const std::string& stack, const std::string& holder, int parallel);
  // Finishes an operation a killed process left behind; nullopt when there was none. Failed
  // rollbacks are left for `Rollback`.
  ErrorOr<std::optional<ExecResult>> Recover(const std::string& stack);
  // `cfnx rollback`: recovers an interrupted operation, continues a failed rollback
  // (UPDATE_ROLLBACK_FAILED / ROLLBACK_FAILED), or rolls back a stack left in CREATE_FAILED /
  // UPDATE_FAILED by --on-failure DO_NOTHING.
  ErrorOr<ExecResult> Rollback(const std::string& stack);

 private:
  struct OpContext;
  struct Step;
  ErrorOr<std::optional<ExecResult>> RecoverOperation(const std::string& stack);
  // Nested stacks (engine/exec/nested_stack.cc).
  bool IsNestedStackStep(const Step& step);
  ProviderOutcome CallNestedStack(OpContext& ctx, const Step& step, const std::string& token);
  ProviderOutcome ProbeNestedStack(const JournalEntry& entry);
  void PlanNestedStacks(const DeployRequest& request, Plan& plan);
  ExecJson NestedStepData(const OpContext& ctx, const std::string& logical_id,
                          const std::optional<StoredResource>& live);
  ErrorOr<ExecResult> RunForward(OpContext& ctx, const Plan& plan);
  // Waits for the signals a created resource expects (engine/exec/signals.h) and records the
  // outcome; false (with `reason`) when they failed or timed out.
  bool AwaitStepSignals(OpContext& ctx, const Step& step, std::string* reason);
  // Replaces an Auto Scaling group's instances in the batches of its AutoScalingRollingUpdate
  // policy (engine/exec/step_waits.cc), waiting for signals per batch when it says so.
  bool RunRollingUpdate(OpContext& ctx, const Step& step, std::string* reason);
  ErrorOr<ExecResult> RunRollback(OpContext& ctx, const std::string& reason);
  ErrorOr<ExecResult> RunCleanup(OpContext& ctx);
  ErrorOr<ExecResult> RunDelete(OpContext& ctx);
  bool RunStep(OpContext& ctx, Step& step, std::string* reason);
  bool RunSteps(OpContext& ctx, std::vector<Step>& steps, std::string* reason);
  ProviderOutcome CallProvider(OpContext& ctx, const Step& step, const std::string& token);
  ProviderOutcome Probe(const JournalEntry& entry);
  void Apply(StateStore::Tx& tx, OpContext& ctx, const JournalEntry& entry,
             const ProviderOutcome& outcome, std::vector<StoredEvent>* events);
  Status SetStackStatus(OpContext& ctx, const std::string& status, const std::string& reason,
                        const std::string& phase);
  void Emit(const std::vector<StoredEvent>& events);
  std::unique_ptr<OpContext> LoadContext(const Operation& op);
  Status ReconcileJournal(OpContext& ctx);

  StateStore& store_;
  LocalProvider& provider_;
  const FunctionRegistry& functions_;
  const SchemaFacts& schemas_;
  ExecObserver* observer_;
  std::mutex observer_mutex_;
};

}  // namespace cfnx

#endif  // CFNX_ENGINE_EXEC_EXECUTOR_H_
