// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The local backend assembled: the SQLite state store (engine/backend/local/state_store.h), the
// simulated provider over the schema-driven `SchemaResourceSimulator` (resources/), and the
// deploy executor (engine/exec/). It is a `DeployBackend` (cfnx/backend.h): stacks read as
// `StackState` (what `cfnx plan --backend local` plans against), locks, provider calls and
// state writes each one transaction of the store. The executor itself works on the store and
// provider directly, because it journals every call for crash recovery. engine/api is the one place
// allowed to join the core with resources/, so the CLI's deploy, destroy, stacks, describe and
// rollback commands open the backend here. Internal to cfnx.

#ifndef CFNX_ENGINE_API_LOCAL_BACKEND_H_
#define CFNX_ENGINE_API_LOCAL_BACKEND_H_

#include <memory>
#include <string>
#include <vector>

#include "cfnx/backend.h"
#include "cfnx/error_or.h"
#include "engine/backend/local/local_provider.h"
#include "engine/backend/local/state_store.h"
#include "engine/exec/executor.h"

namespace cfnx {

struct LocalBackendOptions {
  std::string state_path;           // "" = StateStore::DefaultPath()
  std::vector<std::string> faults;  // --fail LOGICALID[:create|update|delete]
  std::string fault_file;           // one spec per line
  // --handler TYPE_OR_LOGICALID=COMMAND: custom resources served by local executables.
  std::vector<std::string> handlers;
  // Where DeployBackend provider calls simulate resources.
  std::string region = "us-east-1";
  std::string account_id = "123456789012";
  std::string partition = "aws";
};

class LocalBackend : public DeployBackend {
 public:
  static ErrorOr<std::unique_ptr<LocalBackend>> Open(const LocalBackendOptions& options);
  ~LocalBackend() override;

  StateStore& store() { return *store_; }
  LocalProvider& provider() { return *provider_; }
  // An executor reporting progress to `observer` (may be nullptr).
  Executor MakeExecutor(ExecObserver* observer);

  // DescribeStacks-like JSON of one stack: status, parameters, outputs, resources, events.
  ErrorOr<StoreJson> DescribeJson(const std::string& stack);

  // DeployBackend. Provider calls simulate in `region`/`account_id`/`partition` of the options.
  std::string_view name() const override { return "local"; }
  bool concurrent() const override { return true; }
  ErrorOr<StackState> DescribeStack(std::string_view stack_name) override;
  ErrorOr<std::vector<std::string>> ListStacks() override;
  ErrorOr<std::vector<StackExport>> ListExports() override;
  ErrorOr<std::vector<StackEvent>> DescribeStackEvents(std::string_view stack_name) override;
  ErrorOr<std::unique_ptr<StackLock>> LockStack(std::string_view stack_name,
                                                std::string_view holder,
                                                double timeout_seconds) override;
  ErrorOr<ResourceOutcome> CreateResource(const ResourceRequest& request) override;
  ErrorOr<ResourceOutcome> UpdateResource(const ResourceRequest& request) override;
  ErrorOr<ResourceOutcome> DeleteResource(const ResourceRequest& request) override;
  Status PutStack(const StackState& state) override;
  Status PutResource(std::string_view stack_name, const StackResource& resource) override;
  Status RemoveResource(std::string_view stack_name, std::string_view logical_id) override;
  Status DeleteStack(std::string_view stack_name) override;
  Status RecordEvent(const StackEvent& event) override;

 private:
  LocalBackend() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  SimRequest Request(const ResourceRequest& request) const;

  LocalBackendOptions options_;
  std::unique_ptr<StateStore> store_;
  std::unique_ptr<LocalProvider> provider_;
};

// "cfnx deploy (pid 123, alice@host)": who holds a stack's lock, for messages.
std::string LockHolderName(const std::string& command);

}  // namespace cfnx

#endif  // CFNX_ENGINE_API_LOCAL_BACKEND_H_
