// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `cfnx destroy --stack NAME [--yes] [--state PATH] [--lock-timeout S] [--fail ...]`
// Deletes the stack's resources in reverse dependency order (DeletionPolicy Retain keeps
// them) and the stack. Refused, before asking, while another stack imports one of its exports:
// the forecast `cfnx plan` tests for a deletion (ForecastStackDeletion, E9008 per export, printed
// as "cfnx: error: E9008 /Outputs/KEY: ..."). Nested stacks are deleted with their parent (a
// nested stack alone is refused). Exit: 0 deleted, 1 could not run (or refused),
// 2 the deletion failed (DELETE_FAILED). `--backend aws`: destroy_aws_command.cc.

#include <iostream>

#include "engine/cli/backend_flags.h"
#include "engine/cli/destroy_checks.h"

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
  sub->add_option("--role-arn", flags->backend.aws.role_arn,
                  "aws backend: IAM role CloudFormation assumes to delete the stack");
  sub->add_flag("-y,--yes", flags->yes,
                "do not ask for confirmation (required when stdin is not a terminal)");
  sub->add_option("--parallel", flags->parallel, "resources deleted at once (default 4)")
      ->check(CLI::Range(1, 64));
  auto run = [flags, sub]() -> int {
    if (flags->backend.backend == "aws")
      return RunAwsDestroy(sub, flags->backend.aws, flags->stack, flags->yes);
    ErrorOr<LockedStack> locked = OpenAndLock(flags->backend, flags->stack, "cfnx destroy");
    if (!locked.ok())
      return CouldNotRun(locked.error().message);
    LocalBackend& backend = *locked->backend;
    const std::string& holder = locked->holder;
    std::optional<StoredStack> stack = backend.store().GetStack(flags->stack);
    if (!stack || stack->status == "DELETE_COMPLETE")
      return CouldNotRun("Stack with id " + flags->stack + " does not exist");
    // A nested stack is deleted with its parent; deleting it alone would leave the parent's
    // resource pointing at nothing.
    if (std::optional<StoredStack> parent = ParentStackOf(backend.store(), flags->stack))
      return CouldNotRun("stack '" + flags->stack + "' is a nested stack of '" + parent->name +
                         "'; destroy '" + parent->name +
                         "' (or remove the nested stack from its template and deploy it)");
    EventPrinter printer;
    Executor executor = backend.MakeExecutor(&printer);
    // The forecast is read from the stack as it is after recovery, and refuses before asking.
    ErrorOr<StackState> state = RecoverAndDescribe(backend, executor, flags->stack);
    if (!state.ok())
      return CouldNotRun(state.error().message);
    if (std::optional<int> stop = CheckDestroy(*state, flags->stack, flags->yes))
      return *stop;
    ErrorOr<ExecResult> result = executor.Destroy(flags->stack, holder, flags->parallel);
    if (!result.ok())
      return CouldNotRun(result.error().message);
    PrintOutcome(backend, flags->stack, *result);
    return result->succeeded ? 0 : kExitDeployFailed;
  };
  return Command{sub, run};
}

}  // namespace cfnx
