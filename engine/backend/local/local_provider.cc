// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/backend/local/local_provider.h"

#include <chrono>
#include <fstream>
#include <thread>

#include "engine/backend/local/crash_point.h"
#include "engine/backend/local/custom_handler.h"
#include "engine/model/custom_resource.h"

namespace cfnx {
namespace {

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos)
    return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::string HandlerFailure(const std::string& message, const std::string& code,
                           const std::string& token) {
  std::string reason = "Resource handler returned message: \"" + message + "\" (";
  if (!token.empty())
    reason += "RequestToken: " + token + ", ";
  return reason + "HandlerErrorCode: " + code + ")";
}

ProviderOutcome Injected(const std::string& logical_id, const std::string& op,
                         const std::string& token) {
  return ProviderOutcome{
      false, "", nullptr,
      HandlerFailure("Simulated " + op + " failure injected by --fail " + logical_id + ":" + op,
                     "GeneralServiceException", token)};
}

// What a handler's Data becomes: the attributes, with NoEcho remembered so that what cfnx
// prints from them is masked.
StoreJson HandlerAttributes(const CustomResponse& response) {
  StoreJson attributes = response.data;
  if (response.no_echo)
    attributes["cfnx:NoEcho"] = true;
  return attributes;
}

std::string HandlerReason(const CustomResponse& response, const std::string& logical_id) {
  return "Received response status [FAILED] from custom resource. Message returned: " +
         response.reason + " (handler of " + logical_id + ")";
}

}  // namespace

Status CustomHandlers::Add(const std::string& spec) {
  size_t eq = spec.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size())
    return Error{"--handler '" + spec + "': expected TYPE_OR_LOGICALID=COMMAND"};
  commands[Trim(spec.substr(0, eq))] = spec.substr(eq + 1);
  return {};
}

const std::string* CustomHandlers::Find(const std::string& logical_id,
                                        const std::string& type) const {
  auto it = commands.find(logical_id);
  if (it == commands.end())
    it = commands.find(type);
  return it == commands.end() ? nullptr : &it->second;
}

Status FaultPlan::Add(const std::string& spec) {
  std::string s = Trim(spec);
  std::string logical = s;
  std::string op;
  size_t colon = s.find(':');
  if (colon != std::string::npos) {
    logical = s.substr(0, colon);
    op = s.substr(colon + 1);
  }
  if (logical.empty())
    return Error{"--fail '" + spec + "': expected LOGICALID[:create|update|delete]"};
  if (!op.empty() && op != "create" && op != "update" && op != "delete")
    return Error{"--fail '" + spec + "': the operation must be create, update or delete, not '" +
                 op + "'"};
  std::set<std::string>& ops = faults_[logical];
  if (op.empty()) {
    ops = {"create", "update", "delete"};
  } else {
    ops.insert(op);
  }
  return {};
}

Status FaultPlan::AddFile(const std::string& path) {
  std::ifstream in(path);
  if (!in)
    return Error{"cannot read the fault file '" + path + "'"};
  std::string line;
  while (std::getline(in, line)) {
    line = Trim(line);
    if (line.empty() || line[0] == '#')
      continue;
    CFNX_RETURN_IF_ERROR(Add(line));
  }
  return {};
}

bool FaultPlan::ShouldFail(const std::string& logical_id, const std::string& operation) const {
  auto it = faults_.find(logical_id);
  return it != faults_.end() && it->second.count(operation) > 0;
}

LocalProvider::LocalProvider(StateStore& store, const ResourceSimulator& simulator,
                             FaultPlan faults)
    : store_(store), simulator_(simulator), faults_(std::move(faults)) {
  if (const char* env = std::getenv("CFNX_SIM_LATENCY_MS"))
    latency_ms_ = std::atoi(env);
}

void LocalProvider::Delay() const {
  if (latency_ms_ > 0)
    std::this_thread::sleep_for(std::chrono::milliseconds(latency_ms_));
}

ProviderOutcome LocalProvider::Create(const SimRequest& request) {
  if (std::optional<CloudResource> done = store_.GetCloudByToken(request.token))
    return ProviderOutcome{true, done->physical_id, done->attributes, ""};
  Delay();
  const std::string& address =
      request.fault_address.empty() ? request.logical_id : request.fault_address;
  if (faults_.ShouldFail(address, "create"))
    return Injected(address, "create", request.token);
  std::string reason;
  if (!simulator_.Supports(request.type, &reason))
    return ProviderOutcome{false, "", nullptr, reason};
  SimResult result;
  const std::string* handler = IsCustomResourceType(request.type)
                                   ? handlers_.Find(request.logical_id, request.type)
                                   : nullptr;
  if (handler != nullptr) {
    CustomRequest call{
        "Create", request.stack_id,   request.token, request.type, request.logical_id,
        "",       request.properties, nullptr};
    CustomResponse response = RunCustomHandler(*handler, call, handlers_.timeout_seconds);
    if (!response.ok)
      return ProviderOutcome{false, "", nullptr, HandlerReason(response, request.logical_id)};
    result.physical_id = response.physical_id;
    result.attributes = HandlerAttributes(response);
  } else {
    result = simulator_.Create(request);
  }
  if (std::optional<CloudResource> existing = store_.GetCloud(request.type, result.physical_id)) {
    return ProviderOutcome{
        false, "", nullptr,
        HandlerFailure(result.physical_id + " already exists", "AlreadyExists", request.token)};
  }
  CloudResource row{request.type,       result.physical_id, request.token, request.token,
                    request.properties, result.attributes,  false};
  Status status = store_.Write([&](StateStore::Tx& tx) { tx.PutCloud(row); });
  if (!status.ok())
    return ProviderOutcome{false, "", nullptr, status.error().message};
  CrashPoint();
  return ProviderOutcome{true, result.physical_id, result.attributes, ""};
}

ProviderOutcome LocalProvider::Update(const SimRequest& request, const std::string& physical_id) {
  std::optional<CloudResource> row = store_.GetCloud(request.type, physical_id);
  if (!row) {
    return ProviderOutcome{false, "", nullptr,
                           HandlerFailure(physical_id + " not found", "NotFound", request.token)};
  }
  if (row->last_token == request.token)
    return ProviderOutcome{true, physical_id, row->attributes, ""};
  Delay();
  const std::string& address =
      request.fault_address.empty() ? request.logical_id : request.fault_address;
  if (faults_.ShouldFail(address, "update"))
    return Injected(address, "update", request.token);
  const std::string* handler = IsCustomResourceType(request.type)
                                   ? handlers_.Find(request.logical_id, request.type)
                                   : nullptr;
  if (handler != nullptr) {
    CustomRequest call{"Update",           request.stack_id, request.token,      request.type,
                       request.logical_id, physical_id,      request.properties, row->properties};
    CustomResponse response = RunCustomHandler(*handler, call, handlers_.timeout_seconds);
    if (!response.ok)
      return ProviderOutcome{false, "", nullptr, HandlerReason(response, request.logical_id)};
    if (response.physical_id != physical_id)
      return ProviderOutcome{
          false, "", nullptr,
          "the handler of " + request.logical_id + " answered an Update with another " +
              "PhysicalResourceId ('" + response.physical_id + "' for '" + physical_id +
              "'); CloudFormation would replace the resource, which the local backend does " +
              "not simulate for custom resources: return the same id, or change a property " +
              "under a new logical id"};
    row->attributes = HandlerAttributes(response);
  } else {
    row->attributes = simulator_.Update(request, physical_id, row->attributes);
  }
  row->properties = request.properties;
  row->last_token = request.token;
  Status status = store_.Write([&](StateStore::Tx& tx) { tx.PutCloud(*row); });
  if (!status.ok())
    return ProviderOutcome{false, "", nullptr, status.error().message};
  CrashPoint();
  return ProviderOutcome{true, physical_id, row->attributes, ""};
}

ProviderOutcome LocalProvider::Delete(const std::string& logical_id, const std::string& type,
                                      const std::string& physical_id) {
  std::optional<CloudResource> row = store_.GetCloud(type, physical_id);
  if (!row || row->retained)
    return ProviderOutcome{true, physical_id, nullptr, ""};
  Delay();
  if (faults_.ShouldFail(logical_id, "delete"))
    return Injected(logical_id, "delete", "");
  if (const std::string* handler =
          IsCustomResourceType(type) ? handlers_.Find(logical_id, type) : nullptr) {
    CustomRequest call{
        "Delete",        "",     row->last_token + "-delete", type, logical_id, physical_id,
        row->properties, nullptr};
    CustomResponse response = RunCustomHandler(*handler, call, handlers_.timeout_seconds);
    if (!response.ok)
      return ProviderOutcome{false, "", nullptr, HandlerReason(response, logical_id)};
  }
  Status status = store_.Write([&](StateStore::Tx& tx) { tx.DeleteCloud(type, physical_id); });
  if (!status.ok())
    return ProviderOutcome{false, "", nullptr, status.error().message};
  CrashPoint();
  return ProviderOutcome{true, physical_id, nullptr, ""};
}

ProviderOutcome LocalProvider::Retain(const std::string& type, const std::string& physical_id) {
  std::optional<CloudResource> row = store_.GetCloud(type, physical_id);
  if (!row || row->retained)
    return ProviderOutcome{true, physical_id, nullptr, ""};
  row->retained = true;
  Status status = store_.Write([&](StateStore::Tx& tx) { tx.PutCloud(*row); });
  if (!status.ok())
    return ProviderOutcome{false, "", nullptr, status.error().message};
  CrashPoint();
  return ProviderOutcome{true, physical_id, nullptr, ""};
}

}  // namespace cfnx
