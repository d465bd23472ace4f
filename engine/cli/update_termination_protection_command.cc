// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `cfnx update-termination-protection --stack NAME --enable|--disable [--state PATH]
//                                     [--lock-timeout S]`
// Turns a local stack's termination protection on or off, as the AWS CLI's command of the same
// name does (also spelt --enable-termination-protection / --no-enable-termination-protection).
// While it is on, `cfnx destroy` refuses. Exit: 0 done, 1 could not run (no such stack, a
// stack being deleted).

#include <iostream>

#include "engine/cli/backend_flags.h"

namespace cfnx {

Command AddUpdateTerminationProtectionCommand(CLI::App& app) {
  struct Flags {
    BackendFlags backend;
    std::string stack;
    bool enable = false;
    bool disable = false;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* sub = app.add_subcommand("update-termination-protection",
                                     "Turn a stack's termination protection on or off");
  AddBackendFlags(sub, &flags->backend, /*mutating=*/true);
  sub->add_option("--stack,--stack-name", flags->stack, "stack name")->required();
  CLI::Option* enable = sub->add_flag("--enable,--enable-termination-protection", flags->enable,
                                      "protect the stack: destroy refuses");
  CLI::Option* disable = sub->add_flag("--disable,--no-enable-termination-protection",
                                       flags->disable, "remove the protection");
  enable->excludes(disable);
  auto run = [flags]() -> int {
    if (flags->enable == flags->disable)
      return CouldNotRun("say --enable or --disable");
    if (flags->backend.backend == "aws")
      return CouldNotRun(
          "update-termination-protection works on the local backend; for a stack in AWS use `aws "
          "cloudformation update-termination-protection`");
    ErrorOr<LockedStack> locked =
        OpenAndLock(flags->backend, flags->stack, "cfnx update-termination-protection");
    if (!locked.ok())
      return CouldNotRun(locked.error().message);
    StateStore& store = locked->backend->store();
    std::optional<StoredStack> stack = store.GetStack(flags->stack);
    if (!stack || stack->status == "DELETE_COMPLETE")
      return CouldNotRun("Stack with id " + flags->stack + " does not exist");
    if (stack->status == "DELETE_IN_PROGRESS")
      return CouldNotRun("Stack " + flags->stack + " is being deleted");
    // A nested stack takes its root's setting, as on CloudFormation.
    if (std::optional<StoredStack> parent = ParentStackOf(store, flags->stack))
      return CouldNotRun("termination protection cannot be changed on nested stack '" +
                         flags->stack + "'; change it on its parent '" + parent->name + "'");
    StackSettings settings = store.GetStackSettings(flags->stack);
    settings.termination_protection = flags->enable;
    Status written =
        store.Write([&](StateStore::Tx& tx) { tx.PutStackSettings(flags->stack, settings); });
    if (!written.ok())
      return CouldNotRun(written.error().message);
    std::cout << "Termination protection of stack '" << flags->stack
              << "': " << (flags->enable ? "enabled" : "disabled") << "\n";
    return 0;
  };
  return Command{sub, run};
}

}  // namespace cfnx
