// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `cfnx signal --stack S --resource R [--status SUCCESS|FAILURE] [--unique-id ID] [--data D]
//              [--reason TEXT] [--state PATH]`
// Sends a resource signal to a stack on the local backend, as cfn-signal (or SignalResource, or
// a curl to a wait condition handle's URL) does on AWS: to a resource waiting under its
// CreationPolicy, to a wait condition, or to a wait condition handle. It is meant to run while
// `cfnx deploy` waits, from another process (the deploying one holds the stack's lock; a signal
// does not need it). Exit: 0 sent, 1 could not run (no such stack or resource, a resource that
// is not waiting for signals).

#include <iostream>

#include "engine/cli/backend_flags.h"
#include "engine/exec/signals.h"

namespace cfnx {

Command AddSignalCommand(CLI::App& app) {
  struct Flags {
    BackendFlags backend;
    std::string stack;
    std::string resource;
    std::string status = "SUCCESS";
    std::string unique_id;
    std::string data;
    std::string reason;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* sub = app.add_subcommand(
      "signal", "Send a resource signal (CreationPolicy, wait condition) to a deploying stack");
  AddBackendFlags(sub, &flags->backend, /*mutating=*/false);
  sub->add_option("--stack,--stack-name", flags->stack, "stack name")->required();
  sub->add_option("--resource,--logical-resource-id", flags->resource,
                  "the resource waiting for signals, or a wait condition (handle)")
      ->required();
  sub->add_option("--status", flags->status, "SUCCESS (default) or FAILURE")
      ->check(CLI::IsMember({"SUCCESS", "FAILURE"}, CLI::ignore_case));
  sub->add_option("--unique-id,--id", flags->unique_id,
                  "the signal's UniqueId (cfn-signal sends the instance id); a later signal "
                  "with the same id replaces the earlier one");
  sub->add_option("--data", flags->data, "data a wait condition's Data attribute returns");
  sub->add_option("--reason", flags->reason, "why (shown with a FAILURE signal)");
  auto run = [flags]() -> int {
    if (flags->backend.backend == "aws")
      return CouldNotRun(
          "signal works on the local backend; for a stack in AWS use cfn-signal or `aws "
          "cloudformation signal-resource`");
    ErrorOr<std::unique_ptr<LocalBackend>> backend = OpenBackend(flags->backend);
    if (!backend.ok())
      return CouldNotRun(backend.error().message);
    std::string status = flags->status;
    for (char& c : status)
      c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    ErrorOr<StoredSignal> sent = SendSignal((*backend)->store(), flags->stack, flags->resource,
                                            status, flags->unique_id, flags->data, flags->reason);
    if (!sent.ok())
      return CouldNotRun(sent.error().message);
    std::cout << "Sent " << sent->status << " signal to " << flags->resource << " of stack "
              << flags->stack << " (UniqueId "
              << (sent->unique_id.empty() ? "signal-" + std::to_string(sent->id) : sent->unique_id)
              << ")\n";
    return 0;
  };
  return Command{sub, run};
}

}  // namespace cfnx
