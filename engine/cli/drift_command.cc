// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `cfnx drift --stack NAME [--state PATH] [--format text|json]`
// Detects drift on the local backend: each resource's properties as the stack's last deployment
// set them against what the simulated provider holds now, in DescribeStackResourceDrifts' shape
// (engine/backend/local/drift.h). JSON: {"StackName", "StackDriftStatus", "StackResourceDrifts":
// [...]}. Exit: 0 in sync, 2 drifted (a resource MODIFIED or DELETED), 1 could not run.
// `cfnx simulate-drift` (simulate_drift_command.cc) makes a resource drift, for tests.

#include <iostream>
#include <unistd.h>

#include "engine/backend/local/drift.h"
#include "engine/cli/backend_flags.h"

namespace cfnx {
namespace {

constexpr int kExitDrifted = 2;

void PrintDriftText(const std::string& stack, const std::vector<ResourceDrift>& drifts) {
  std::cout << "Stack " << stack << ": " << (Drifted(drifts) ? "DRIFTED" : "IN_SYNC") << "\n";
  for (const ResourceDrift& d : drifts) {
    std::cout << "  " << d.logical_id << " (" << d.type << "): " << d.status << "\n";
    for (const PropertyDifference& p : d.differences) {
      std::cout << "    " << p.difference_type << " " << p.path;
      if (p.difference_type != "ADD")
        std::cout << " expected: " << p.expected_value;
      if (p.difference_type != "REMOVE")
        std::cout << (p.difference_type == "ADD" ? " actual: " : ", actual: ") << p.actual_value;
      std::cout << "\n";
    }
  }
}

}  // namespace

Command AddDriftCommand(CLI::App& app) {
  struct Flags {
    BackendFlags backend;
    std::string stack;
    std::string format = "text";
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* sub = app.add_subcommand(
      "drift",
      "Detect drift: deployed properties against the local provider's resources (exit 0 in "
      "sync, 2 drifted, 1 could not run)");
  AddBackendFlags(sub, &flags->backend, /*mutating=*/false);
  sub->add_option("--stack,--stack-name", flags->stack, "stack name")->required();
  sub->add_option("--format", flags->format, "text or json (DescribeStackResourceDrifts)")
      ->check(CLI::IsMember({"text", "json"}));
  auto run = [flags]() -> int {
    if (flags->backend.backend == "aws")
      return CouldNotRun(
          "drift works on the local backend; for a stack in AWS use `aws cloudformation "
          "detect-stack-drift`");
    ErrorOr<std::unique_ptr<LocalBackend>> backend = OpenBackend(flags->backend);
    if (!backend.ok())
      return CouldNotRun(backend.error().message);
    StateStore& store = (*backend)->store();
    ErrorOr<std::vector<ResourceDrift>> drifts = DetectStackDrift(store, flags->stack);
    if (!drifts.ok())
      return CouldNotRun(drifts.error().message);
    if (flags->format == "json") {
      std::optional<StoredStack> stack = store.GetStack(flags->stack);
      std::cout << DriftJson(*stack, *drifts, StateStore::Now()).dump(2) << "\n";
    } else {
      PrintDriftText(flags->stack, *drifts);
    }
    return Drifted(*drifts) ? kExitDrifted : 0;
  };
  return Command{sub, run};
}

}  // namespace cfnx
