// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `FakeBackend`: an in-memory `DeployBackend` for tests of the planner and the executor, with
// scripted failures (ninja's FakeCommandRunner). Nothing is simulated beyond bookkeeping:
// physical ids are "<stack>-<LogicalId>-<n>" with a per-backend counter, attributes are
// {"Arn": "arn:cfnx:fake:<type>:<physical id>"} unless `set_attribute_maker` says otherwise,
// and event timestamps come from a counter, so runs are deterministic.
//
//   FakeBackend backend;
//   backend.Fail("Queue", ResourceOperation::kCreate, "Queue limit exceeded");
//   ... run the executor; then inspect backend.calls() and backend.DescribeStack("app").
//
// Every provider call is appended to `calls()` as "create Queue", "update Bucket",
// "delete Bucket-old-physical-id"-style lines ("<op> <logical id> <physical id>") whatever its
// outcome, so tests can pin the exact sequence.

#ifndef CFNX_ENGINE_BACKEND_FAKE_BACKEND_H_
#define CFNX_ENGINE_BACKEND_FAKE_BACKEND_H_

#include <functional>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "cfnx/backend.h"

namespace cfnx {

class FakeBackend : public DeployBackend {
 public:
  using AttributeMaker =
      std::function<OrderedJson(const ResourceRequest& request, const std::string& physical_id)>;

  FakeBackend() = default;

  // Scripts the next `op` on `logical_id` (in any stack) to fail with `reason`. A failure fires
  // once per call to Fail; call it twice to fail twice.
  void Fail(std::string logical_id, ResourceOperation op, std::string reason);
  // Makes every backend call return an Error from now on (the backend "is down").
  void set_unavailable(bool unavailable) { unavailable_ = unavailable; }
  void set_attribute_maker(AttributeMaker maker) { attribute_maker_ = std::move(maker); }
  // Seeds a stack (as PutStack, with `exports` taken as given for imports bookkeeping).
  void AddStack(StackState state);

  const std::vector<std::string>& calls() const { return calls_; }
  const std::vector<StackEvent>& events() const { return events_; }

  std::string_view name() const override { return "fake"; }
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
  class Lock;
  Status CheckAvailable() const;
  // Consumes a scripted failure for (logical id, op); its reason, or "" when none.
  std::string TakeFailure(const std::string& logical_id, ResourceOperation op);
  ErrorOr<ResourceOutcome> Apply(ResourceOperation op, const ResourceRequest& request);

  std::map<std::string, StackState, std::less<>> stacks_;
  // Import bookkeeping seeded through AddStack: export name -> importing stacks.
  std::map<std::string, std::vector<std::string>> importers_;
  std::vector<StackEvent> events_;
  std::vector<std::string> calls_;
  std::multimap<std::pair<std::string, ResourceOperation>, std::string> failures_;
  std::map<std::string, std::string, std::less<>> locks_;  // stack -> holder
  AttributeMaker attribute_maker_;
  int next_id_ = 1;
  bool unavailable_ = false;
};

}  // namespace cfnx

#endif  // CFNX_ENGINE_BACKEND_FAKE_BACKEND_H_
