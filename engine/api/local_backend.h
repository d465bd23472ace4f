// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The local backend assembled: the SQLite state store (engine/backend/local/state_store.h), the
// simulated provider over the schema-driven `SchemaResourceSimulator` (resources/), and the
// deploy executor (engine/exec/). engine/api is the one place allowed to join the core with
// resources/, so the CLI's deploy, destroy, stacks, describe and rollback commands open the
// backend here. Internal to cfnx.

#ifndef CFNX_ENGINE_API_LOCAL_BACKEND_H_
#define CFNX_ENGINE_API_LOCAL_BACKEND_H_

#include <memory>
#include <string>
#include <vector>

#include "cfnx/error_or.h"
#include "engine/backend/local/local_provider.h"
#include "engine/backend/local/state_store.h"
#include "engine/exec/executor.h"

namespace cfnx {

struct LocalBackendOptions {
  std::string state_path;           // "" = StateStore::DefaultPath()
  std::vector<std::string> faults;  // --fail LOGICALID[:create|update|delete]
  std::string fault_file;           // one spec per line
};

class LocalBackend {
 public:
  static ErrorOr<std::unique_ptr<LocalBackend>> Open(const LocalBackendOptions& options);
  ~LocalBackend();

  StateStore& store() { return *store_; }
  LocalProvider& provider() { return *provider_; }
  // An executor reporting progress to `observer` (may be nullptr).
  Executor MakeExecutor(ExecObserver* observer);

  // DescribeStacks-like JSON of one stack: status, parameters, outputs, resources, events.
  ErrorOr<StoreJson> DescribeJson(const std::string& stack);

 private:
  LocalBackend() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::unique_ptr<StateStore> store_;
  std::unique_ptr<LocalProvider> provider_;
};

// "cfnx deploy (pid 123, alice@host)": who holds a stack's lock, for messages.
std::string LockHolderName(const std::string& command);

}  // namespace cfnx

#endif  // CFNX_ENGINE_API_LOCAL_BACKEND_H_
