// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `cfnx destroy --stack NAME [--yes] [--state PATH] [--lock-timeout S] [--fail ...]`
// Deletes the stack's resources in reverse dependency order (DeletionPolicy Retain keeps
// them) and the stack. Refused while another stack imports one of its exports. Exit: 0
// deleted, 1 could not run, 2 the deletion failed (DELETE_FAILED).

#include <iostream>

#include "engine/cli/backend_flags.h"

namespace cfnx {

Command AddDestroyCommand(CLI::App& app) {
  struct Flags {
    BackendFlags backend;
    std::string stack;
    bool yes = false;
    int parallel = 4;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* sub = app.add_subcommand("destroy", "Delete a stack and its resources");
  AddBackendFlags(sub, &flags->backend, /*mutating=*/true);
  sub->add_option("--stack", flags->stack, "stack name")->required();
  sub->add_flag("-y,--yes", flags->yes, "do not ask for confirmation on a TTY");
  sub->add_option("--parallel", flags->parallel, "resources deleted at once (default 4)")
      ->check(CLI::Range(1, 64));
  auto run = [flags]() -> int {
    ErrorOr<std::unique_ptr<LocalBackend>> backend = OpenBackend(flags->backend);
    if (!backend.ok())
      return CouldNotRun(backend.error().message);
    std::string holder = LockHolderName("cfnx destroy");
    ErrorOr<StoreLock> lock =
        (*backend)->store().AcquireLock(flags->stack, holder, flags->backend.lock_timeout);
    if (!lock.ok())
      return CouldNotRun(lock.error().message);
    std::optional<StoredStack> stack = (*backend)->store().GetStack(flags->stack);
    if (!stack || stack->status == "DELETE_COMPLETE")
      return CouldNotRun("Stack with id " + flags->stack + " does not exist");
    if (!Confirm("Destroy stack '" + flags->stack + "' and its resources?", flags->yes)) {
      std::cout << "Cancelled.\n";
      return 0;
    }
    EventPrinter printer;
    Executor executor = (*backend)->MakeExecutor(&printer);
    ErrorOr<ExecResult> result = executor.Destroy(flags->stack, holder, flags->parallel);
    if (!result.ok())
      return CouldNotRun(result.error().message);
    PrintOutcome(**backend, flags->stack, *result);
    return result->succeeded ? 0 : kExitDeployFailed;
  };
  return Command{sub, run};
}

}  // namespace cfnx
