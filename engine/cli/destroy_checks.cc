// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/cli/destroy_checks.h"

#include <iostream>

#include "engine/cli/backend_flags.h"
#include "engine/plan/planner.h"

namespace cfnx {

std::optional<int> CheckDestroy(const StackState& state, const std::string& stack, bool yes) {
  if (state.termination_protection)
    return CouldNotRun(TerminationProtectionRefusal(stack));
  bool refused = false;
  for (const Diagnostic& d : ForecastStackDeletion(state)) {
    if (d.severity == Severity::kError) {
      CouldNotRun(ForecastLine(d));
      refused = true;
    }
  }
  if (refused)
    return kExitCouldNotRun;
  ErrorOr<bool> go =
      Confirm("Destroy stack '" + stack + "' and its resources?", yes, "destroy the stack");
  if (!go.ok())
    return CouldNotRun(go.error().message);
  if (!*go) {
    std::cout << "Cancelled.\n";
    return 0;
  }
  return std::nullopt;
}

}  // namespace cfnx
