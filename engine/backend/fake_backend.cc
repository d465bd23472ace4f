// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/backend/fake_backend.h"

#include <algorithm>
#include <cstdio>

namespace cfnx {

// Releases the stack's entry in `locks_` when destroyed. The backend must outlive its locks.
class FakeBackend::Lock : public StackLock {
 public:
  Lock(FakeBackend* backend, std::string stack) : backend_(backend), stack_(std::move(stack)) {}
  ~Lock() override { backend_->locks_.erase(stack_); }

 private:
  FakeBackend* backend_;
  std::string stack_;
};

void FakeBackend::Fail(std::string logical_id, ResourceOperation op, std::string reason) {
  failures_.emplace(std::make_pair(std::move(logical_id), op), std::move(reason));
}

void FakeBackend::AddStack(StackState state) {
  for (const StackExport& e : state.exports) {
    for (const std::string& s : e.importing_stacks) {
      importers_[e.name].push_back(s);
    }
  }
  state.exports.clear();
  std::string name = state.stack_name;
  stacks_[name] = std::move(state);
}

Status FakeBackend::CheckAvailable() const {
  if (unavailable_) {
    return Error{"the fake backend is unavailable"};
  }
  return {};
}

ErrorOr<std::vector<StackExport>> FakeBackend::ListExports() {
  CFNX_RETURN_IF_ERROR(CheckAvailable());
  std::vector<StackExport> exports;
  for (const auto& [name, stack] : stacks_) {
    for (const StackOutput& o : stack.outputs) {
      if (o.export_name.empty()) {
        continue;
      }
      StackExport e{stack.stack_id, o.export_name, o.value, {}};
      auto it = importers_.find(o.export_name);
      if (it != importers_.end()) {
        e.importing_stacks = it->second;
        std::sort(e.importing_stacks.begin(), e.importing_stacks.end());
      }
      exports.push_back(std::move(e));
    }
  }
  std::sort(exports.begin(), exports.end(),
            [](const StackExport& a, const StackExport& b) { return a.name < b.name; });
  return exports;
}

ErrorOr<StackState> FakeBackend::DescribeStack(std::string_view stack_name) {
  CFNX_RETURN_IF_ERROR(CheckAvailable());
  StackState state;
  auto it = stacks_.find(stack_name);
  if (it != stacks_.end()) {
    state = it->second;
  } else {
    state.stack_name = std::string(stack_name);
  }
  CFNX_ASSIGN_OR_RETURN(state.exports, ListExports());
  return state;
}

ErrorOr<std::vector<std::string>> FakeBackend::ListStacks() {
  CFNX_RETURN_IF_ERROR(CheckAvailable());
  std::vector<std::string> names;
  for (const auto& [name, stack] : stacks_) {
    if (stack.exists()) {
      names.push_back(name);
    }
  }
  return names;
}

ErrorOr<std::vector<StackEvent>> FakeBackend::DescribeStackEvents(std::string_view stack_name) {
  CFNX_RETURN_IF_ERROR(CheckAvailable());
  std::vector<StackEvent> out;
  for (const StackEvent& e : events_) {
    if (e.stack_name == stack_name) {
      out.push_back(e);
    }
  }
  return out;
}

ErrorOr<std::unique_ptr<StackLock>> FakeBackend::LockStack(std::string_view stack_name,
                                                           std::string_view holder,
                                                           double /*timeout_seconds*/) {
  CFNX_RETURN_IF_ERROR(CheckAvailable());
  auto it = locks_.find(stack_name);
  if (it != locks_.end()) {
    // Single-threaded fake: waiting could never succeed, so time out at once.
    return Error{"stack '" + std::string(stack_name) + "' is locked by " + it->second};
  }
  locks_.emplace(std::string(stack_name), std::string(holder));
  return std::unique_ptr<StackLock>(std::make_unique<Lock>(this, std::string(stack_name)));
}

std::string FakeBackend::TakeFailure(const std::string& logical_id, ResourceOperation op) {
  auto it = failures_.find(std::make_pair(logical_id, op));
  if (it == failures_.end()) {
    return "";
  }
  std::string reason = it->second.empty() ? "Injected failure" : it->second;
  failures_.erase(it);
  return reason;
}

ErrorOr<ResourceOutcome> FakeBackend::Apply(ResourceOperation op, const ResourceRequest& request) {
  CFNX_RETURN_IF_ERROR(CheckAvailable());
  calls_.push_back(std::string(ResourceOperationName(op)) + " " + request.logical_id +
                   (request.physical_id.empty() ? "" : " " + request.physical_id));
  ResourceOutcome out;
  std::string reason = TakeFailure(request.logical_id, op);
  if (!reason.empty()) {
    out.status_reason = reason;
    return out;
  }
  out.succeeded = true;
  if (op == ResourceOperation::kDelete) {
    return out;
  }
  out.physical_id = request.physical_id;
  if (op == ResourceOperation::kCreate) {
    out.physical_id =
        request.stack_name + "-" + request.logical_id + "-" + std::to_string(next_id_++);
  }
  out.attributes =
      attribute_maker_
          ? attribute_maker_(request, out.physical_id)
          : OrderedJson{{"Arn", "arn:cfnx:fake:" + request.type + ":" + out.physical_id}};
  return out;
}

ErrorOr<ResourceOutcome> FakeBackend::CreateResource(const ResourceRequest& request) {
  return Apply(ResourceOperation::kCreate, request);
}
ErrorOr<ResourceOutcome> FakeBackend::UpdateResource(const ResourceRequest& request) {
  return Apply(ResourceOperation::kUpdate, request);
}
ErrorOr<ResourceOutcome> FakeBackend::DeleteResource(const ResourceRequest& request) {
  return Apply(ResourceOperation::kDelete, request);
}

Status FakeBackend::PutStack(const StackState& state) {
  CFNX_RETURN_IF_ERROR(CheckAvailable());
  StackState copy = state;
  copy.exports.clear();
  stacks_[state.stack_name] = std::move(copy);
  return {};
}

Status FakeBackend::PutResource(std::string_view stack_name, const StackResource& resource) {
  CFNX_RETURN_IF_ERROR(CheckAvailable());
  auto it = stacks_.find(stack_name);
  if (it == stacks_.end()) {
    return Error{"no stack named '" + std::string(stack_name) + "'"};
  }
  for (StackResource& r : it->second.resources) {
    if (r.logical_id == resource.logical_id) {
      r = resource;
      return {};
    }
  }
  it->second.resources.push_back(resource);
  return {};
}

Status FakeBackend::RemoveResource(std::string_view stack_name, std::string_view logical_id) {
  CFNX_RETURN_IF_ERROR(CheckAvailable());
  auto it = stacks_.find(stack_name);
  if (it == stacks_.end()) {
    return Error{"no stack named '" + std::string(stack_name) + "'"};
  }
  auto& rs = it->second.resources;
  rs.erase(std::remove_if(rs.begin(), rs.end(),
                          [&](const StackResource& r) { return r.logical_id == logical_id; }),
           rs.end());
  return {};
}

Status FakeBackend::DeleteStack(std::string_view stack_name) {
  CFNX_RETURN_IF_ERROR(CheckAvailable());
  auto it = stacks_.find(stack_name);
  if (it != stacks_.end()) {
    stacks_.erase(it);
  }
  return {};
}

Status FakeBackend::RecordEvent(const StackEvent& event) {
  CFNX_RETURN_IF_ERROR(CheckAvailable());
  StackEvent e = event;
  int n = static_cast<int>(events_.size()) + 1;
  if (e.event_id.empty()) {
    e.event_id = "event-" + std::to_string(n);
  }
  if (e.timestamp.empty()) {
    char buf[32];
    std::snprintf(buf, sizeof(buf), "2026-01-01T00:%02d:%02d.000Z", (n / 60) % 60, n % 60);
    e.timestamp = buf;
  }
  events_.push_back(std::move(e));
  return {};
}

}  // namespace cfnx
