// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `cfnx rollback --stack NAME [--state PATH] [--lock-timeout S] [--fail ...]`
// Finishes an operation a killed cfnx left behind (from its journal), continues a failed
// rollback (UPDATE_ROLLBACK_FAILED, ROLLBACK_FAILED), or rolls back a stack that
// --on-failure DO_NOTHING left in CREATE_FAILED / UPDATE_FAILED. Exit: 0 the stack is
// consistent again, 1 could not run or nothing to do, 2 the rollback failed again.

#include <iostream>

#include "engine/cli/backend_flags.h"

namespace cfnx {

Command AddRollbackCommand(CLI::App& app) {
  struct Flags {
    BackendFlags backend;
    std::string stack;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* sub =
      app.add_subcommand("rollback", "Finish or continue rolling back a stack's last operation");
  AddBackendFlags(sub, &flags->backend, /*mutating=*/true);
  sub->add_option("--stack", flags->stack, "stack name")->required();
  auto run = [flags]() -> int {
    if (flags->backend.backend == "aws")
      return CouldNotRun(
          "cfnx rollback does not support --backend aws yet; use `aws cloudformation "
          "continue-update-rollback` or `aws cloudformation rollback-stack`");
    ErrorOr<LockedStack> locked = OpenAndLock(flags->backend, flags->stack, "cfnx rollback");
    if (!locked.ok())
      return CouldNotRun(locked.error().message);
    LocalBackend& backend = *locked->backend;
    EventPrinter printer;
    Executor executor = backend.MakeExecutor(&printer);
    ErrorOr<ExecResult> result = executor.Rollback(flags->stack);
    if (!result.ok())
      return CouldNotRun(result.error().message);
    PrintOutcome(backend, flags->stack, *result);
    bool consistent = result->status.find("FAILED") == std::string::npos;
    return consistent ? 0 : kExitDeployFailed;
  };
  return Command{sub, run};
}

}  // namespace cfnx
