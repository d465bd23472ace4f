// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `cfnx simulate-drift --stack NAME --resource LOGICALID (--set PATH=VALUE ... | --unset PATH
//                      ... | --delete) [--state PATH] [--lock-timeout S]`
// Changes the local provider's copy of a resource behind its stack's back, so `cfnx drift` has
// something to find (tests, demos): PATH is a JSON pointer into the resource's properties
// ("/Tags/0/Value"; the leading "/" may be left out), VALUE is JSON when it parses as JSON,
// else a string; `--delete` removes the resource from the provider. One transaction, under the
// stack's lock. Exit: 0 done, 1 could not run (no such stack, resource or property).

#include <iostream>

#include "engine/backend/local/drift.h"
#include "engine/cli/backend_flags.h"

namespace cfnx {
namespace {

// "/Tags/0" or "Tags/0" -> "/Tags/0".
std::string Pointer(const std::string& path) {
  return path.empty() || path[0] == '/' ? path : "/" + path;
}

}  // namespace

Command AddSimulateDriftCommand(CLI::App& app) {
  struct Flags {
    BackendFlags backend;
    std::string stack;
    std::string resource;
    std::vector<std::string> set;
    std::vector<std::string> unset;
    bool remove = false;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* sub = app.add_subcommand(
      "simulate-drift", "Change a local resource behind its stack's back (for drift tests)");
  AddBackendFlags(sub, &flags->backend, /*mutating=*/false);
  sub->add_option("--lock-timeout", flags->backend.lock_timeout,
                  "seconds to wait for another operation on the stack (default 0: fail at once)");
  sub->add_option("--stack,--stack-name", flags->stack, "stack name")->required();
  sub->add_option("--resource", flags->resource, "logical id of the resource")->required();
  CLI::Option* set = sub->add_option(
      "--set", flags->set, "PATH=VALUE: set a property (JSON pointer; VALUE JSON or a string)");
  CLI::Option* unset = sub->add_option("--unset", flags->unset, "PATH: remove a property");
  CLI::Option* remove =
      sub->add_flag("--delete", flags->remove, "delete the resource from the provider");
  remove->excludes(set)->excludes(unset);
  auto run = [flags]() -> int {
    if (flags->backend.backend == "aws")
      return CouldNotRun("simulate-drift changes the local backend's simulated resources only");
    if (!flags->remove && flags->set.empty() && flags->unset.empty())
      return CouldNotRun("say what drifts: --set PATH=VALUE, --unset PATH or --delete");
    DriftEdit edit;
    edit.remove = flags->remove;
    for (const std::string& kv : flags->set) {
      size_t eq = kv.find('=');
      if (eq == std::string::npos || eq == 0)
        return CouldNotRun("--set expects PATH=VALUE, got '" + kv + "'");
      std::string text = kv.substr(eq + 1);
      StoreJson value = StoreJson::parse(text, nullptr, /*allow_exceptions=*/false);
      if (value.is_discarded())
        value = text;
      edit.set.emplace_back(Pointer(kv.substr(0, eq)), std::move(value));
    }
    for (const std::string& path : flags->unset)
      edit.unset.push_back(Pointer(path));
    ErrorOr<LockedStack> locked = OpenAndLock(flags->backend, flags->stack, "cfnx simulate-drift");
    if (!locked.ok())
      return CouldNotRun(locked.error().message);
    Status done = SimulateDrift(locked->backend->store(), flags->stack, flags->resource, edit);
    if (!done.ok())
      return CouldNotRun(done.error().message);
    std::cout << "Resource " << flags->resource << " of stack '" << flags->stack << "' "
              << (flags->remove ? "deleted from" : "changed in") << " the local provider\n";
    return 0;
  };
  return Command{sub, run};
}

}  // namespace cfnx
