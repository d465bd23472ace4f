// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/api/local_backend.h"

#include <algorithm>
#include <cstdlib>
#include <set>
#include <unistd.h>

#include "engine/api/planning.h"
#include "engine/api/schema_registry.h"
#include "engine/exec/records.h"
#include "engine/plan/secrets.h"
#include "functions/register.h"
#include "resources/simulated_provider.h"

namespace cfnx {

struct LocalBackend::Impl {
  std::unique_ptr<SchemaResourceSimulator> simulator;
};

LocalBackend::~LocalBackend() = default;

ErrorOr<std::unique_ptr<LocalBackend>> LocalBackend::Open(const LocalBackendOptions& options) {
  std::unique_ptr<LocalBackend> backend(new LocalBackend());
  backend->options_ = options;
  backend->impl_ = std::make_unique<Impl>();
  backend->impl_->simulator =
      std::make_unique<SchemaResourceSimulator>(DefaultResourceTypeRegistry());
  FaultPlan faults;
  for (const std::string& spec : options.faults)
    CFNX_RETURN_IF_ERROR(faults.Add(spec));
  if (!options.fault_file.empty())
    CFNX_RETURN_IF_ERROR(faults.AddFile(options.fault_file));
  CustomHandlers handlers;
  for (const std::string& spec : options.handlers)
    CFNX_RETURN_IF_ERROR(handlers.Add(spec));
  std::string path = options.state_path.empty() ? StateStore::DefaultPath() : options.state_path;
  CFNX_ASSIGN_OR_RETURN(backend->store_, StateStore::Open(path));
  backend->provider_ =
      std::make_unique<LocalProvider>(*backend->store_, *backend->impl_->simulator, faults);
  backend->provider_->set_custom_handlers(std::move(handlers));
  return backend;
}

Executor LocalBackend::MakeExecutor(ExecObserver* observer) {
  return Executor(*store_, *provider_, BuiltinFunctions(), DefaultSchemaFacts(), observer);
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
  // A nested stack names its parent and its root stack, as DescribeStacks does.
  if (std::optional<StoredStack> parent = ParentStackOf(*store_, name)) {
    j["ParentId"] = parent->stack_id;
    StoredStack root = *parent;
    for (int depth = 0; depth < 16; ++depth) {
      std::optional<StoredStack> up = ParentStackOf(*store_, root.name);
      if (!up)
        break;
      root = *up;
    }
    j["RootId"] = root.stack_id;
  }
  // CloudFormation never shows a NoEcho parameter's value, nor (in cfnx) anything made from it.
  std::set<std::string> secret = NoEchoParameterNames(stack->template_json);
  const StoreJson* template_resources = nullptr;
  if (stack->template_json.is_object()) {
    auto r = stack->template_json.find("Resources");
    template_resources = r != stack->template_json.end() && r->is_object() ? &*r : nullptr;
  }
  StoreJson params = StoreJson::array();
  for (auto it = stack->parameters.begin(); it != stack->parameters.end(); ++it) {
    if (secret.count(it.key()) != 0) {
      params.push_back({{"ParameterKey", it.key()}, {"ParameterValue", kMaskedValue}});
      continue;
    }
    std::string value;
    if (it.value().is_array()) {
      for (const StoreJson& item : it.value())
        value +=
            (value.empty() ? "" : ",") + (item.is_string() ? item.get<std::string>() : item.dump());
    } else {
      value = it.value().is_string() ? it.value().get<std::string>() : it.value().dump();
    }
    params.push_back({{"ParameterKey", it.key()}, {"ParameterValue", value}});
    if (stack->resolved_parameters.contains(it.key()))
      params.back()["ResolvedValue"] = ParameterText(stack->resolved_parameters[it.key()]);
  }
  j["Parameters"] = params;
  StackSettings settings = store_->GetStackSettings(name);
  if (settings.termination_protection)
    j["EnableTerminationProtection"] = true;
  if (!settings.stack_policy.is_null())
    j["StackPolicyBody"] = settings.stack_policy;
  std::vector<StoredResource> rows = store_->GetResources(name);
  std::set<std::string> no_echo_resources;  // custom resources whose handler answered NoEcho
  for (const StoredResource& r : rows) {
    if (r.attributes.is_object() && r.attributes.value("cfnx:NoEcho", false) == true)
      no_echo_resources.insert(r.logical_id);
  }
  j["Outputs"] = MaskOutputs(stack->outputs, stack->template_json, no_echo_resources);
  StoreJson resources = StoreJson::array();
  for (const StoredResource& r : rows) {
    StoreJson rj{{"LogicalResourceId", r.logical_id},
                 {"PhysicalResourceId", r.physical_id},
                 {"ResourceType", r.type},
                 {"ResourceStatus", r.status}};
    if (r.role != "current")
      rj["PendingCleanup"] = r.role;
    const StoreJson* decl = nullptr;
    if (template_resources != nullptr) {
      auto d = template_resources->find(r.logical_id);
      if (d != template_resources->end() && d->is_object() && d->contains("Properties"))
        decl = &(*d)["Properties"];
    }
    rj["Properties"] = decl != nullptr ? MaskSecrets(*decl, r.properties, secret, no_echo_resources)
                                       : r.properties;
    rj["Attributes"] = r.attributes;
    // A custom resource whose handler answered NoEcho: its Data is never shown.
    if (r.attributes.is_object() && r.attributes.value("cfnx:NoEcho", false) == true) {
      for (auto a = rj["Attributes"].begin(); a != rj["Attributes"].end(); ++a) {
        if (a.key() != "cfnx:NoEcho")
          a.value() = kMaskedValue;
      }
    }
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

namespace {

class LocalStackLock : public StackLock {
 public:
  explicit LocalStackLock(StoreLock lock) : lock_(std::move(lock)) {}

 private:
  StoreLock lock_;
};

ResourceOutcome Outcome(const ProviderOutcome& p) {
  ResourceOutcome out;
  out.succeeded = p.ok;
  out.status_reason = p.reason;
  out.physical_id = p.physical_id;
  out.attributes = p.attributes.is_object() ? p.attributes : OrderedJson::object();
  return out;
}

}  // namespace

ErrorOr<StackState> LocalBackend::DescribeStack(std::string_view stack_name) {
  return StoredStackState(*store_, std::string(stack_name));
}

ErrorOr<std::vector<std::string>> LocalBackend::ListStacks() {
  std::vector<std::string> names;
  for (const StoredStack& s : store_->ListStacks()) {
    if (s.status != "DELETE_COMPLETE")
      names.push_back(s.name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

ErrorOr<std::vector<StackExport>> LocalBackend::ListExports() {
  return StoredStackState(*store_, "").exports;
}

ErrorOr<std::vector<StackEvent>> LocalBackend::DescribeStackEvents(std::string_view stack_name) {
  std::string name(stack_name);
  std::optional<StoredStack> stack = store_->GetStack(name);
  std::vector<StackEvent> out;
  for (const StoredEvent& e : store_->GetEvents(name)) {
    StackEvent event;
    event.event_id = std::to_string(e.id);
    event.stack_name = e.stack;
    event.stack_id = stack ? stack->stack_id : "";
    event.logical_id = e.logical_id;
    event.physical_id = e.physical_id;
    event.resource_type = e.type;
    event.timestamp = e.timestamp;
    event.status = e.status;
    event.status_reason = e.reason;
    out.push_back(std::move(event));
  }
  return out;
}

ErrorOr<std::unique_ptr<StackLock>> LocalBackend::LockStack(std::string_view stack_name,
                                                            std::string_view holder,
                                                            double timeout_seconds) {
  CFNX_ASSIGN_OR_RETURN(StoreLock lock, store_->AcquireLock(std::string(stack_name),
                                                            std::string(holder), timeout_seconds));
  return std::unique_ptr<StackLock>(new LocalStackLock(std::move(lock)));
}

SimRequest LocalBackend::Request(const ResourceRequest& r) const {
  // One token per resource and request token: creates are idempotent per token.
  return SimRequest{r.stack_name,       r.stack_id,
                    r.logical_id,       r.type,
                    options_.region,    options_.account_id,
                    options_.partition, r.client_request_token + "-" + r.logical_id,
                    r.properties,       ""};
}

ErrorOr<ResourceOutcome> LocalBackend::CreateResource(const ResourceRequest& request) {
  return Outcome(provider_->Create(Request(request)));
}

ErrorOr<ResourceOutcome> LocalBackend::UpdateResource(const ResourceRequest& request) {
  return Outcome(provider_->Update(Request(request), request.physical_id));
}

ErrorOr<ResourceOutcome> LocalBackend::DeleteResource(const ResourceRequest& request) {
  return Outcome(provider_->Delete(request.logical_id, request.type, request.physical_id));
}

Status LocalBackend::PutStack(const StackState& state) {
  std::optional<StoredStack> existing = store_->GetStack(state.stack_name);
  StoredStack s;
  s.name = state.stack_name;
  s.stack_id = state.stack_id;
  s.status = state.status;
  s.status_reason = state.status_reason;
  s.template_json = state.template_body;
  s.parameters = StoreJson::object();
  for (const StackParameter& p : state.parameters)
    s.parameters[p.key] = p.value;
  s.outputs = StoreJson::array();
  std::vector<std::pair<std::string, std::string>> exports;
  for (const StackOutput& o : state.outputs) {
    StoreJson j{{"OutputKey", o.key}, {"OutputValue", o.value}};
    if (!o.description.empty())
      j["Description"] = o.description;
    if (!o.export_name.empty()) {
      j["ExportName"] = o.export_name;
      exports.emplace_back(o.export_name, o.value);
    }
    s.outputs.push_back(std::move(j));
  }
  s.created_at = existing ? existing->created_at : StateStore::Now();
  s.updated_at = StateStore::Now();
  s.generation = existing ? existing->generation : 0;
  return store_->Write([&](StateStore::Tx& tx) {
    tx.PutStack(s);
    tx.SetExports(s.name, exports);
    tx.DeleteAllResources(s.name);
    for (const StackResource& r : state.resources) {
      StoredResource row;
      row.logical_id = r.logical_id;
      row.physical_id = r.physical_id;
      row.type = r.type;
      row.status = r.status;
      row.properties = r.properties;
      row.attributes = r.attributes;
      tx.PutResource(s.name, row);
    }
  });
}

Status LocalBackend::PutResource(std::string_view stack_name, const StackResource& resource) {
  std::string stack(stack_name);
  StoredResource row;
  for (const StoredResource& r : store_->GetResources(stack)) {
    if (r.logical_id == resource.logical_id && r.role == "current")
      row = r;  // keeps its policies and provenance
  }
  std::string old_physical = row.physical_id;
  row.logical_id = resource.logical_id;
  row.physical_id = resource.physical_id;
  row.type = resource.type;
  row.status = resource.status;
  row.role = "current";
  row.properties = resource.properties;
  row.attributes = resource.attributes;
  return store_->Write([&](StateStore::Tx& tx) {
    if (!old_physical.empty() && old_physical != row.physical_id)
      tx.DeleteResource(stack, row.logical_id, old_physical);
    tx.PutResource(stack, row);
  });
}

Status LocalBackend::RemoveResource(std::string_view stack_name, std::string_view logical_id) {
  std::string stack(stack_name);
  std::vector<StoredResource> rows = store_->GetResources(stack);
  return store_->Write([&](StateStore::Tx& tx) {
    for (const StoredResource& r : rows) {
      if (r.logical_id == logical_id)
        tx.DeleteResource(stack, r.logical_id, r.physical_id);
    }
  });
}

Status LocalBackend::DeleteStack(std::string_view stack_name) {
  std::string stack(stack_name);
  return store_->Write([&](StateStore::Tx& tx) {
    tx.DeleteAllResources(stack);
    tx.SetExports(stack, {});
    tx.SetImports(stack, {});
    tx.DeleteStack(stack);
  });
}

Status LocalBackend::RecordEvent(const StackEvent& event) {
  StoredEvent e{0,
                event.stack_name,
                0,
                event.timestamp.empty() ? StateStore::Now() : event.timestamp,
                event.logical_id,
                event.physical_id,
                event.resource_type,
                event.status,
                event.status_reason};
  return store_->Write([&](StateStore::Tx& tx) { tx.AddEvent(e); });
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
