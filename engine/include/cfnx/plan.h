// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// File: cfnx/plan.h
//
// A `Plan` is what cfnx predicts, offline, that a deployment of a template onto a stack will do:
//
//   * `change_set`: the change set CloudFormation would show, with field names and values exactly
//     as AWS's DescribeChangeSet (Action, Replacement, Scope, Details with Target / Evaluation /
//     ChangeSource / CausingEntity, PolicyAction), so tools that read real change sets read ours;
//   * `order`: the waves the executor walks (steps in one wave may run in parallel), then the
//     cleanup waves that delete removed resources and the old copies of replaced ones;
//   * `rollback`: for the same inputs and an `--on-failure` mode, the compensating action of every
//     step and the stack statuses passed through on success and on failure;
//   * `forecast`: failures the diff alone decides (a replaced resource with a custom name, an
//     imported export that would change, missing capabilities, ...), as diagnostics (9xxx codes).
//
// All of it is plain data with a JSON form (`PlanToJson`, `PlanFromJson`); `cfnx plan -o PLAN`
// writes it and `cfnx deploy --plan PLAN` reads it back, refusing it when the stack's
// `StackStateFingerprint` (cfnx/stack_state.h) no longer equals `state_fingerprint`.
//
//   cfnx::OrderedJson json = cfnx::ChangeSetToJson(plan.change_set);  // DescribeChangeSet shape
//   for (const cfnx::PlanWave& wave : plan.order.waves)
//     for (const cfnx::PlanStep& step : wave.steps) { ... backend.CreateResource(...) ... }

#ifndef CFNX_ENGINE_INCLUDE_CFNX_PLAN_H_
#define CFNX_ENGINE_INCLUDE_CFNX_PLAN_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cfnx/diagnostic.h"
#include "cfnx/error_or.h"
#include "cfnx/stack_state.h"

namespace cfnx {

// The AWS enums, spelt in C++. `Name(x)` gives AWS's spelling ("Modify", "ReplaceAndDelete");
// `Parse(name, &x)` reads it back and returns false for an unknown spelling.
enum class ChangeAction { kAdd, kModify, kRemove, kImport, kDynamic };
enum class Replacement { kTrue, kFalse, kConditional };
enum class ResourceAttribute {
  kProperties,
  kMetadata,
  kCreationPolicy,
  kUpdatePolicy,
  kDeletionPolicy,
  kUpdateReplacePolicy,
  kTags,
};
enum class RequiresRecreation { kNever, kConditionally, kAlways };
enum class EvaluationType { kStatic, kDynamic };
enum class ChangeSource {
  kResourceReference,
  kParameterReference,
  kResourceAttribute,
  kDirectModification,
  kAutomatic,
};
enum class PolicyAction {
  kDelete,
  kRetain,
  kSnapshot,
  kReplaceAndDelete,
  kReplaceAndRetain,
  kReplaceAndSnapshot,
};
enum class OnStackFailure { kRollback, kDelete, kDoNothing };
// ResourceTargetDefinition.AttributeChangeType ("SyncWithActual" is drift, which an offline
// plan never sees).
enum class AttributeChangeType { kAdd, kRemove, kModify };

std::string_view Name(ChangeAction v);
std::string_view Name(Replacement v);
std::string_view Name(ResourceAttribute v);
std::string_view Name(RequiresRecreation v);
std::string_view Name(EvaluationType v);
std::string_view Name(ChangeSource v);
std::string_view Name(PolicyAction v);
std::string_view Name(OnStackFailure v);  // "ROLLBACK", "DELETE", "DO_NOTHING"
std::string_view Name(AttributeChangeType v);
bool Parse(std::string_view name, ChangeAction* v);
bool Parse(std::string_view name, Replacement* v);
bool Parse(std::string_view name, ResourceAttribute* v);
bool Parse(std::string_view name, RequiresRecreation* v);
bool Parse(std::string_view name, EvaluationType* v);
bool Parse(std::string_view name, ChangeSource* v);
bool Parse(std::string_view name, PolicyAction* v);
bool Parse(std::string_view name, OnStackFailure* v);
bool Parse(std::string_view name, AttributeChangeType* v);

// ResourceTargetDefinition: which field changes and whether that forces a new resource.
struct ResourceTarget {
  ResourceAttribute attribute = ResourceAttribute::kProperties;  // "Attribute"
  std::string name;  // "Name": the top-level property ("" for non-property attributes)
  // "Path": JSON pointer of the changed value, "/Properties/Config/Nested/Key"; "" when AWS
  // omits it (non-property attributes).
  std::string path;
  RequiresRecreation requires_recreation = RequiresRecreation::kNever;  // "RequiresRecreation"
  // "BeforeValue" / "AfterValue": the values as compact JSON text (strings unquoted, as AWS
  // shows them); nullopt when absent (added or removed). A Dynamic detail's AfterValue is
  // "{{changeSet:KNOWN_AFTER_APPLY}}", as AWS writes it.
  std::optional<std::string> before_value;
  std::optional<std::string> after_value;
  // "AttributeChangeType": for a property change (with a Path), whether the value is added,
  // removed or modified; nullopt for the other attributes.
  std::optional<AttributeChangeType> attribute_change_type;
};

// ResourceChangeDetail.
struct ResourceChangeDetail {
  ResourceTarget target;                                           // "Target"
  EvaluationType evaluation = EvaluationType::kStatic;             // "Evaluation"
  ChangeSource change_source = ChangeSource::kDirectModification;  // "ChangeSource"
  // "CausingEntity": the parameter name, the logical id, or "Logical.Attribute"; "" for
  // DirectModification and Automatic.
  std::string causing_entity;
};

// ResourceChange.
struct ResourceChange {
  ChangeAction action = ChangeAction::kAdd;   // "Action"
  std::string logical_id;                     // "LogicalResourceId"
  std::string physical_id;                    // "PhysicalResourceId" ("" for Add: omitted)
  std::string resource_type;                  // "ResourceType"
  std::optional<Replacement> replacement;     // "Replacement": Modify only
  std::vector<ResourceAttribute> scope;       // "Scope": [] unless Modify/Dynamic; Tags first
  std::vector<ResourceChangeDetail> details;  // "Details": [] unless Modify/Dynamic
  // "PolicyAction": Remove → Delete/Retain/Snapshot; a Modify with Replacement True or
  // Conditional → ReplaceAndDelete/ReplaceAndRetain/ReplaceAndSnapshot.
  std::optional<PolicyAction> policy_action;
  // "BeforeContext" / "AfterContext": the resource as CloudFormation hands it to its provider
  // before and after the change, as compact JSON text: {"Properties": {...}} with intrinsics
  // resolved and scalars as strings ("true", "30"), then "UpdateReplacePolicy" and
  // "DeletionPolicy" when the resource sets them. A value known only after deployment reads
  // "{{changeSet:KNOWN_AFTER_APPLY}}"; NoEcho values read "****". Modify and Dynamic have both
  // (Dynamic: before only if deployed), Add and Import the after one, Remove the before one.
  std::optional<std::string> before_context;
  std::optional<std::string> after_context;
  // "ChangeSetId": for a nested stack (AWS::CloudFormation::Stack) whose template cfnx read,
  // the id of the nested change set that holds the child's own changes (Plan::nested), as
  // DescribeChangeSet shows it with IncludeNestedStacks; "" otherwise (omitted).
  std::string change_set_id;
};

// Change: always of Type "Resource" in CloudFormation's model.
struct Change {
  ResourceChange resource_change;  // "ResourceChange"
  int hook_invocation_count = 0;   // "HookInvocationCount" (omitted when 0)
};

// DescribeChangeSet's answer for an offline change set.
struct ChangeSet {
  std::string change_set_name = "cfnx-plan";  // "ChangeSetName"
  std::string stack_name;                     // "StackName"
  std::string stack_id;                       // "StackId" ("" for a new stack: omitted)
  std::string change_set_type;             // "CREATE" or "UPDATE" (CreateChangeSet's ChangeSetType)
  std::string status = "CREATE_COMPLETE";  // "Status"; "FAILED" when there are no changes
  std::string status_reason;               // "StatusReason"
  std::string execution_status = "AVAILABLE";  // "ExecutionStatus"; "UNAVAILABLE" with no changes
  std::vector<StackParameter> parameters;      // "Parameters", NoEcho values as "****"
  std::vector<std::string> capabilities;       // "Capabilities" the template requires
  std::vector<Change> changes;                 // "Changes": template order, then removals
  // Nested change sets (CreateChangeSet's IncludeNestedStacks). Offline ids are paths of
  // logical ids: the root's is "cfnx-plan", a child's "cfnx-plan/Child", a grandchild's
  // "cfnx-plan/Child/Grand". All are "" (omitted) for a stack without nested stacks.
  bool include_nested_stacks = false;  // "IncludeNestedStacks"
  std::string change_set_id;           // "ChangeSetId"
  std::string parent_change_set_id;    // "ParentChangeSetId": nested change sets only
  std::string root_change_set_id;      // "RootChangeSetId": nested change sets only
};

// What the executor does to one resource.
enum class StepAction {
  kCreate,  // create (Add)
  kUpdate,  // update in place (Modify, Replacement False)
  // create the replacement (Modify, Replacement True/Conditional); the old physical resource is
  // deleted by a kDeleteReplaced step in the cleanup waves (create_then_delete). With a
  // delete_then_create replacement strategy the step deletes first, then creates.
  kReplace,
  kDelete,          // delete a removed resource (cleanup)
  kDeleteReplaced,  // delete the old physical resource of a replaced one (cleanup)
  kRetain,          // removed or replaced, but DeletionPolicy/UpdateReplacePolicy Retain keeps it
};
std::string_view Name(StepAction v);  // "Create", "Update", "Replace", "Delete", ...
bool Parse(std::string_view name, StepAction* v);

// What undoes a step when the deployment fails after it ran.
enum class CompensationAction {
  kNone,               // nothing to undo (cleanup steps run only after success)
  kDelete,             // delete what the step created
  kRestore,            // update back to the previous properties
  kDeleteReplacement,  // delete the new physical resource; the old one is kept
  kRetain,             // kept on rollback (DeletionPolicy Retain / RetainExceptOnCreate false)
  kRecreate,           // delete_then_create replacement: recreate the old resource
};
std::string_view Name(CompensationAction v);  // "None", "Delete", "Restore", ...
bool Parse(std::string_view name, CompensationAction* v);

struct PlanStep {
  std::string logical_id;
  std::string resource_type;
  StepAction action = StepAction::kCreate;
  // Logical ids this step waits for (within this plan), sorted.
  std::vector<std::string> depends_on;
  // "delete_then_create" or "create_then_delete" for kReplace (from the schema).
  std::string replacement_strategy;
  CompensationAction compensation = CompensationAction::kNone;
  std::string compensation_reason;  // one sentence: why this compensation
};

struct PlanWave {
  std::vector<PlanStep> steps;  // sorted by logical id
};

struct ExecutionOrder {
  // Creations, updates and replacements in dependency order.
  std::vector<PlanWave> waves;
  // After every wave succeeded: deletions of removed resources and of replaced resources' old
  // copies, in reverse dependency order (the UPDATE_COMPLETE_CLEANUP_IN_PROGRESS phase).
  std::vector<PlanWave> cleanup_waves;
};

// One compensating action of a rollback, run only if its forward step completed.
struct RollbackStep {
  std::string logical_id;
  std::string resource_type;
  CompensationAction action = CompensationAction::kNone;
  std::string reason;
};

struct RollbackWave {
  std::vector<RollbackStep> steps;  // sorted by logical id
};

struct RollbackPlan {
  OnStackFailure on_failure = OnStackFailure::kRollback;
  // Stack statuses passed through when everything succeeds, in order.
  std::vector<std::string> success_statuses;
  // Stack statuses passed through when a step fails, in order (for `on_failure`).
  std::vector<std::string> failure_statuses;
  // Compensations, in the order they run: the reverse of `ExecutionOrder::waves`. A failed
  // creation deletes what it created here; a failed update restores updated resources,
  // switches replaced ones back to their old physical resource (kRestore) and recreates what a
  // delete_then_create replacement deleted. With DO_NOTHING there are none (resources stay as
  // they are, the stack in *_FAILED).
  std::vector<RollbackWave> waves;
  // After a failed update's rollback: its cleanup (UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS)
  // deletes the resources the update created and the new copies of replaced resources, in
  // this order (reverse waves, logical id order within a wave).
  std::vector<RollbackStep> cleanup;
  // Logical ids kept whatever happens (DeletionPolicy Retain, RetainExceptOnCreate), sorted.
  std::vector<std::string> retained;
};

struct NestedPlan;

struct Plan {
  ChangeSet change_set;
  ExecutionOrder order;
  RollbackPlan rollback;
  std::vector<Diagnostic> forecast;  // sorted by logical id, then code
  // StackStateFingerprint of the state the plan was made against.
  std::string state_fingerprint;
  // DeployInputsFingerprint (engine/api/planning.h) of what the plan was computed from besides
  // the state: the processed template, the parameter values, stack, region, account, partition
  // and --on-failure. Empty for plans not made from a template file (the executor's own).
  std::string inputs_fingerprint;
  // The plans of the nested stacks whose templates cfnx read (local TemplateURLs), in the
  // parent's template order; each may hold its own nested plans.
  std::vector<NestedPlan> nested;
  bool has_changes() const { return !change_set.changes.empty(); }
};

// The nested change set of one AWS::CloudFormation::Stack resource.
struct NestedPlan {
  std::string logical_id;    // the parent's resource
  std::string template_url;  // as the parent template writes it
  // The child stack: "<parent>-<LogicalId>-<13 characters>" (CloudFormation's form) when it
  // exists; "" when this deployment creates it (its name is decided then).
  std::string stack_name;
  Plan plan;
};

// DescribeChangeSet's JSON for `change_set` (optional fields omitted as AWS omits them).
OrderedJson ChangeSetToJson(const ChangeSet& change_set);
ErrorOr<ChangeSet> ChangeSetFromJson(const OrderedJson& json);
// {"ChangeSet": ..., "ExecutionOrder": ..., "RollbackPlan": ..., "Forecast": [...],
//  "StateFingerprint": "...", "InputsFingerprint": "...", "NestedPlans": [...]}
// (InputsFingerprint omitted when empty, NestedPlans when there are none); Forecast items are
// {"Code", "Severity", "Path", "Message"}; NestedPlans items are {"LogicalResourceId",
// "TemplateURL", "StackName", "Plan": <this same shape>}.
OrderedJson PlanToJson(const Plan& plan);
ErrorOr<Plan> PlanFromJson(const OrderedJson& json);

}  // namespace cfnx

#endif  // CFNX_ENGINE_INCLUDE_CFNX_PLAN_H_
