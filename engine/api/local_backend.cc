// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/api/local_backend.h"

#include <cstdlib>
#include <unistd.h>

#include "engine/api/planning.h"
#include "engine/api/schema_registry.h"
#include "resources/simulated_provider.h"

namespace cfnx {

struct LocalBackend::Impl {
  std::unique_ptr<SchemaResourceSimulator> simulator;
};

LocalBackend::~LocalBackend() = default;

ErrorOr<std::unique_ptr<LocalBackend>> LocalBackend::Open(const LocalBackendOptions& options) {
  std::unique_ptr<LocalBackend> backend(new LocalBackend());
  backend->impl_ = std::make_unique<Impl>();
  backend->impl_->simulator =
      std::make_unique<SchemaResourceSimulator>(DefaultResourceTypeRegistry());
  FaultPlan faults;
  for (const std::string& spec : options.faults)
    CFNX_RETURN_IF_ERROR(faults.Add(spec));
  if (!options.fault_file.empty())
    CFNX_RETURN_IF_ERROR(faults.AddFile(options.fault_file));
  std::string path = options.state_path.empty() ? StateStore::DefaultPath() : options.state_path;
  CFNX_ASSIGN_OR_RETURN(backend->store_, StateStore::Open(path));
  backend->provider_ =
      std::make_unique<LocalProvider>(*backend->store_, *backend->impl_->simulator, faults);
  return backend;
}

Executor LocalBackend::MakeExecutor(ExecObserver* observer) {
  return Executor(*store_, *provider_, DefaultSchemaFacts(), observer);
}

ErrorOr<StoreJson> LocalBackend::DescribeJson(const std::string& name) {
  std::optional<StoredStack> stack = store_->GetStack(name);
  if (!stack)
    return Error{"Stack with id " + name + " does not exist"};
  StoreJson j = StoreJson::object();
  j["StackName"] = stack->name;
  j["StackId"] = stack->stack_id;
  j["StackStatus"] = stack->status;
  j["StackStatusReason"] = stack->status_reason;
  j["CreationTime"] = stack->created_at;
  j["LastUpdatedTime"] = stack->updated_at;
  StoreJson params = StoreJson::array();
  for (auto it = stack->parameters.begin(); it != stack->parameters.end(); ++it) {
    std::string value;
    if (it.value().is_array()) {
      for (const StoreJson& item : it.value())
        value +=
            (value.empty() ? "" : ",") + (item.is_string() ? item.get<std::string>() : item.dump());
    } else {
      value = it.value().is_string() ? it.value().get<std::string>() : it.value().dump();
    }
    params.push_back({{"ParameterKey", it.key()}, {"ParameterValue", value}});
  }
  j["Parameters"] = params;
  j["Outputs"] = stack->outputs;
  StoreJson resources = StoreJson::array();
  for (const StoredResource& r : store_->GetResources(name)) {
    StoreJson rj{{"LogicalResourceId", r.logical_id},
                 {"PhysicalResourceId", r.physical_id},
                 {"ResourceType", r.type},
                 {"ResourceStatus", r.status}};
    if (r.role != "current")
      rj["PendingCleanup"] = r.role;
    rj["Properties"] = r.properties;
    rj["Attributes"] = r.attributes;
    resources.push_back(rj);
  }
  j["Resources"] = resources;
  StoreJson events = StoreJson::array();
  for (const StoredEvent& e : store_->GetEvents(name)) {
    events.push_back({{"EventId", e.id},
                      {"Timestamp", e.timestamp},
                      {"LogicalResourceId", e.logical_id},
                      {"PhysicalResourceId", e.physical_id},
                      {"ResourceType", e.type},
                      {"ResourceStatus", e.status},
                      {"ResourceStatusReason", e.reason}});
  }
  j["Events"] = events;
  if (std::optional<LockInfo> lock = store_->GetLock(name))
    j["LockedBy"] = lock->holder;
  return j;
}

std::string LockHolderName(const std::string& command) {
  const char* user = std::getenv("USER");
  char host[256] = {};
  if (gethostname(host, sizeof(host) - 1) != 0)
    host[0] = '\0';
  return command + " (pid " + std::to_string(getpid()) + ", " + (user ? user : "unknown") + "@" +
         host + ")";
}

}  // namespace cfnx
