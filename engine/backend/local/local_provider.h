// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The local backend's simulated provider: create / update / delete / retain of one resource,
// decided by a `ResourceSimulator` and persisted in the state store's `cloud` table, one
// transaction per call. Calls are idempotent by token, so a step replayed after a crash is
// not done twice. Fault injection (`--fail LOGICALID[:create|update|delete]`) makes chosen
// calls fail with a realistic handler message. Thread-safe.

#ifndef CFNX_ENGINE_BACKEND_LOCAL_LOCAL_PROVIDER_H_
#define CFNX_ENGINE_BACKEND_LOCAL_LOCAL_PROVIDER_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "cfnx/error_or.h"
#include "engine/backend/local/simulator.h"
#include "engine/backend/local/state_store.h"

namespace cfnx {

// Which provider calls fail on purpose: logical id -> operations ("create", "update",
// "delete"; empty = every operation).
class FaultPlan {
 public:
  // Parses "LOGICALID" or "LOGICALID:create|update|delete".
  Status Add(const std::string& spec);
  // Reads one spec per line ('#' comments and blank lines ignored).
  Status AddFile(const std::string& path);
  bool ShouldFail(const std::string& logical_id, const std::string& operation) const;
  bool empty() const { return faults_.empty(); }

 private:
  std::map<std::string, std::set<std::string>> faults_;
};

// Local executables standing in for custom resources' service tokens (`--handler`): each gets
// CloudFormation's custom-resource request as JSON on stdin and answers with the response JSON
// on stdout (custom_handler.h).
struct CustomHandlers {
  // A resource type ("Custom::Db") or logical id -> a shell command; a logical id wins.
  std::map<std::string, std::string> commands;
  int timeout_seconds = 300;
  // Parses "TYPE_OR_LOGICALID=COMMAND".
  Status Add(const std::string& spec);
  // The command for a resource; nullptr when none.
  const std::string* Find(const std::string& logical_id, const std::string& type) const;
};

struct ProviderOutcome {
  bool ok = false;
  std::string physical_id;
  StoreJson attributes;
  std::string reason;  // when !ok
};

class LocalProvider {
 public:
  LocalProvider(StateStore& store, const ResourceSimulator& simulator, FaultPlan faults = {});

  // Creates a resource; a second call with the same token returns the first result.
  ProviderOutcome Create(const SimRequest& request);
  // Updates `physical_id` in place to `request.properties`.
  ProviderOutcome Update(const SimRequest& request, const std::string& physical_id);
  // Deletes `physical_id`; deleting something already gone succeeds. `logical_id` is what
  // --fail names the resource by (SimRequest::fault_address).
  ProviderOutcome Delete(const std::string& logical_id, const std::string& type,
                         const std::string& physical_id);
  // Leaves `physical_id` in the account but no longer owned by a stack.
  ProviderOutcome Retain(const std::string& type, const std::string& physical_id);

  const ResourceSimulator& simulator() const { return simulator_; }
  const FaultPlan& faults() const { return faults_; }
  // Milliseconds each call takes (CFNX_SIM_LATENCY_MS), to make progress visible in tests.
  void set_latency_ms(int ms) { latency_ms_ = ms; }
  void set_custom_handlers(CustomHandlers handlers) { handlers_ = std::move(handlers); }

 private:
  void Delay() const;
  StateStore& store_;
  const ResourceSimulator& simulator_;
  FaultPlan faults_;
  CustomHandlers handlers_;
  int latency_ms_ = 0;
};

}  // namespace cfnx

#endif  // CFNX_ENGINE_BACKEND_LOCAL_LOCAL_PROVIDER_H_
