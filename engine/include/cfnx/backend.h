// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// File: cfnx/backend.h
//
// `DeployBackend` is what the planner reads from and the deploy executor drives: a store of
// stacks (cfnx/stack_state.h) plus a provider that creates, updates and deletes resources. cfnx
// ships a local backend (embedded SQLite + simulated provider), an AWS backend (the real
// CloudFormation service) and, for tests, `FakeBackend` (engine/backend/fake_backend.h: in memory,
// with scripted failures, as ninja's FakeCommandRunner).
//
// The executor's conversation with a backend, for one deployment:
//
//   auto lock = backend.LockStack("app", "cfnx deploy (pid 42)", /*timeout_seconds=*/30);
//   if (!lock.ok()) return lock.error();                    // held by someone else: says who
//   CFNX_ASSIGN_OR_RETURN(StackState state, backend.DescribeStack("app"));
//   ... plan, then for each step of each wave of Plan::order (cfnx/plan.h):
//   CFNX_ASSIGN_OR_RETURN(ResourceOutcome out, backend.CreateResource(request));
//   if (!out.succeeded) { ... run the RollbackPlan ... }
//   backend.PutResource("app", resource_state);             // commit what the provider did
//   backend.RecordEvent(event);                             // CREATE_COMPLETE, ...
//   ... finally backend.PutStack(new_state) with status, template, parameters, outputs.
//
// Two kinds of failure are kept apart. A resource operation that the provider refused (a
// scripted failure, an AWS "Resource handler returned message: ...") is a normal outcome:
// `ResourceOutcome{succeeded = false, status_reason = ...}`, which the executor answers with a
// rollback. An `Error` means the backend itself could not run (database unreadable, network
// down, lock timeout); the executor stops and reports it.
//
// Backends need not be thread-safe unless they say so; the executor serializes calls on one
// backend object (parallel waves dispatch through a backend that declares `concurrent()`).

#ifndef CFNX_ENGINE_INCLUDE_CFNX_BACKEND_H_
#define CFNX_ENGINE_INCLUDE_CFNX_BACKEND_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cfnx/error_or.h"
#include "cfnx/stack_state.h"

namespace cfnx {

// One stack event, as DescribeStackEvents shows it.
struct StackEvent {
  std::string event_id;       // "EventId": unique within the backend
  std::string stack_name;     // "StackName"
  std::string stack_id;       // "StackId"
  std::string logical_id;     // "LogicalResourceId" (the stack name for stack-level events)
  std::string physical_id;    // "PhysicalResourceId"
  std::string resource_type;  // "ResourceType" ("AWS::CloudFormation::Stack" for the stack)
  std::string timestamp;      // "Timestamp", ISO 8601 UTC ("2026-01-02T03:04:05.678Z")
  std::string status;         // "ResourceStatus" (a ResourceStatus or StackStatus value)
  std::string status_reason;  // "ResourceStatusReason"
  OrderedJson properties;     // "ResourceProperties" sent to the provider, or null
};
OrderedJson StackEventToJson(const StackEvent& event);

enum class ResourceOperation { kCreate, kUpdate, kDelete };
// "create", "update", "delete" (the spelling of `--fail LOGICALID:create`).
std::string_view ResourceOperationName(ResourceOperation op);
bool ParseResourceOperation(std::string_view name, ResourceOperation* op);

// What the executor asks the provider to do to one resource.
struct ResourceRequest {
  std::string stack_name;
  std::string stack_id;
  std::string logical_id;
  std::string type;
  // Update and delete: the physical id to act on. Create: "".
  std::string physical_id;
  // Create and update: the desired properties, every intrinsic resolved (a JSON object).
  OrderedJson properties = OrderedJson::object();
  // Update and delete: the properties as deployed (StackResource::properties).
  OrderedJson previous_properties = OrderedJson::object();
  // Idempotency token of the operation (the same for every call of one deployment), so a
  // backend resuming after a crash can tell a retried call from a new one.
  std::string client_request_token;
};

// What the provider did.
struct ResourceOutcome {
  bool succeeded = false;
  // Why it failed, in the provider's words (the event's ResourceStatusReason).
  std::string status_reason;
  // Create and update: the resource's physical id (an update may keep or change it).
  std::string physical_id;
  // Create and update: `Fn::GetAtt` name -> value (a JSON object).
  OrderedJson attributes = OrderedJson::object();
};

// Held while one operation changes a stack; releasing (destroying) it lets the next one in.
class StackLock {
 public:
  virtual ~StackLock() = default;
};

// The state side every backend shares: what the planner and the read-only commands (plan,
// stacks, describe) read. The local backend and the AWS backend (engine/backend/aws/) both
// are one; how a deployment is carried out differs (the local executor drives a DeployBackend
// resource by resource; on AWS, CloudFormation executes a change set).
class StackReader {
 public:
  virtual ~StackReader() = default;

  // "local", "aws", "fake": for messages.
  virtual std::string_view name() const = 0;

  // The stack's current state, with `exports` filled for the whole account and region. A
  // stack that does not exist gives a state whose exists() is false (not an Error).
  virtual ErrorOr<StackState> DescribeStack(std::string_view stack_name) = 0;
  // Names of the stacks that exist, sorted.
  virtual ErrorOr<std::vector<std::string>> ListStacks() = 0;
  // The account's exports (ListExports + ListImports).
  virtual ErrorOr<std::vector<StackExport>> ListExports() = 0;
  // Stack events, oldest first.
  virtual ErrorOr<std::vector<StackEvent>> DescribeStackEvents(std::string_view stack_name) = 0;
};

// A backend the local deploy executor drives: the state side plus a provider that changes one
// resource at a time and a store the executor writes the stack's new state to.
class DeployBackend : public StackReader {
 public:
  // Whether resource operations may be called from several threads at once.
  virtual bool concurrent() const { return false; }

  // Waits up to `timeout_seconds` for exclusive write access to `stack_name`; an Error naming
  // the current holder on timeout. `holder` says who asks ("cfnx deploy (pid 42)").
  virtual ErrorOr<std::unique_ptr<StackLock>> LockStack(std::string_view stack_name,
                                                        std::string_view holder,
                                                        double timeout_seconds) = 0;

  // Provider calls. The outcome says whether the provider did it; Error only when the backend
  // could not run.
  virtual ErrorOr<ResourceOutcome> CreateResource(const ResourceRequest& request) = 0;
  virtual ErrorOr<ResourceOutcome> UpdateResource(const ResourceRequest& request) = 0;
  virtual ErrorOr<ResourceOutcome> DeleteResource(const ResourceRequest& request) = 0;

  // State store. Each call is one atomic change.
  // Creates or replaces the stack record: everything in `state` except `exports`, which the
  // backend derives from the outputs of every stack (and `resources`, which it replaces too).
  virtual Status PutStack(const StackState& state) = 0;
  // Inserts or replaces one resource of an existing stack record.
  virtual Status PutResource(std::string_view stack_name, const StackResource& resource) = 0;
  // Forgets one resource of a stack (after it was deleted or retained).
  virtual Status RemoveResource(std::string_view stack_name, std::string_view logical_id) = 0;
  // Removes the stack record (after a successful delete); its events are kept.
  virtual Status DeleteStack(std::string_view stack_name) = 0;
  virtual Status RecordEvent(const StackEvent& event) = 0;
};

}  // namespace cfnx

#endif  // CFNX_ENGINE_INCLUDE_CFNX_BACKEND_H_
