// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/cli/backend_flags.h"

#include <iomanip>
#include <iostream>
#include <map>
#include <unistd.h>

#include "engine/plan/secrets.h"

namespace cfnx {

void AddBackendFlags(CLI::App* app, BackendFlags* flags, bool mutating) {
  app->add_option("--backend", flags->backend,
                  "where stacks live: local (default) or aws (also $CFNX_BACKEND)")
      ->check(CLI::IsMember({"local", "aws"}));
  app->add_option("--state", flags->state,
                  "local backend database (default $CFNX_STATE or .cfnx/state.db)");
  AddAwsFlags(app, &flags->aws);
  if (!mutating)
    return;
  app->add_option("--lock-timeout", flags->lock_timeout,
                  "seconds to wait for another operation on the stack (default 0: fail at once)");
  app->add_option("--fail", flags->faults,
                  "local backend fault injection: LOGICALID[:create|update|delete]; a nested "
                  "stack's resource as CHILD/LOGICALID");
  app->add_option("--fail-file", flags->fault_file, "fault injection specs, one per line");
  app->add_option("--handler", flags->handlers,
                  "local backend: serve a custom resource type or logical id with a local command "
                  "(TYPE_OR_LOGICALID=COMMAND; the request JSON on stdin, the response on stdout)");
}

ErrorOr<std::unique_ptr<LocalBackend>> OpenBackend(const BackendFlags& flags) {
  if (flags.backend != "local")
    return Error{"--backend " + flags.backend + " does not keep a local state database"};
  LocalBackendOptions options;
  options.state_path = flags.state;
  options.faults = flags.faults;
  options.fault_file = flags.fault_file;
  options.handlers = flags.handlers;
  return LocalBackend::Open(options);
}

ErrorOr<LockedStack> OpenAndLock(const BackendFlags& flags, const std::string& stack,
                                 const std::string& command) {
  ErrorOr<std::unique_ptr<LocalBackend>> backend = OpenBackend(flags);
  if (!backend.ok())
    return backend.error();
  std::string holder = LockHolderName(command);
  ErrorOr<StoreLock> lock = (*backend)->store().AcquireLock(stack, holder, flags.lock_timeout);
  if (!lock.ok())
    return lock.error();
  return LockedStack{std::move(*backend), std::move(holder), std::move(*lock)};
}

ErrorOr<StackState> RecoverAndDescribe(LocalBackend& backend, Executor& executor,
                                       const std::string& stack) {
  ErrorOr<std::optional<ExecResult>> recovered = executor.Recover(stack);
  if (!recovered.ok())
    return recovered.error();
  return backend.DescribeStack(stack);
}

void EventPrinter::OnEvent(const StoredEvent& e) {
  if (first_stack_.empty())
    first_stack_ = e.stack;
  std::string who = e.stack == first_stack_ || e.logical_id == e.stack
                        ? e.logical_id
                        : e.stack + "/" + e.logical_id;
  std::cout << e.timestamp << "  " << std::left << std::setw(46) << e.status << " " << std::setw(28)
            << e.type << " " << who;
  if (!e.reason.empty())
    std::cout << "  " << e.reason;
  std::cout << std::endl;
}

void PrintOutcome(LocalBackend& backend, const std::string& stack, const ExecResult& result) {
  if (result.no_changes) {
    std::cout << "No changes: stack '" << stack << "' is up to date (" << result.status << ")\n";
    return;
  }
  std::map<std::string, int> counts;
  for (const StoredEvent& e : backend.store().GetEvents(stack, result.operation)) {
    if (e.type != "AWS::CloudFormation::Stack" || e.logical_id != e.stack)
      ++counts[e.status];  // a nested stack's resource counts, the stack's own status not
  }
  if (std::optional<StoredStack> s = backend.store().GetStack(stack)) {
    if (result.succeeded && s->outputs.is_array() && !s->outputs.empty()) {
      std::cout << "\nOutputs:\n";
      // NoEcho values stay masked, as in `cfnx describe`.
      std::set<std::string> no_echo_resources;  // custom resources whose handler said NoEcho
      for (const StoredResource& r : backend.store().GetResources(stack)) {
        if (r.attributes.is_object() && r.attributes.value("cfnx:NoEcho", false) == true)
          no_echo_resources.insert(r.logical_id);
      }
      for (const StoreJson& o : MaskOutputs(s->outputs, s->template_json, no_echo_resources)) {
        std::cout << "  " << o.value("OutputKey", "") << " = " << o.value("OutputValue", "");
        if (o.contains("ExportName"))
          std::cout << "  (export " << o.value("ExportName", "") << ")";
        std::cout << "\n";
      }
    }
  }
  std::cout << "\nStack '" << stack << "': " << result.status;
  std::string sep = " (";
  for (const auto& [status, n] : counts) {
    if (status.find("COMPLETE") != std::string::npos ||
        status.find("FAILED") != std::string::npos || status == "DELETE_SKIPPED") {
      std::cout << sep << n << " " << status;
      sep = ", ";
    }
  }
  std::cout << (sep == ", " ? ")" : "") << "\n";
  if (!result.succeeded && !result.message.empty())
    std::cout << "Failure: " << result.message << "\n";
}

ErrorOr<bool> Confirm(const std::string& question, bool yes, const std::string& action) {
  if (yes)
    return true;
  if (isatty(STDIN_FILENO) == 0) {
    return Error{
        "standard input is not a terminal, so cfnx cannot ask for confirmation; "
        "pass --yes to " +
        action + " without asking"};
  }
  std::cout << question << " [y/N] " << std::flush;
  std::string answer;
  std::getline(std::cin, answer);
  return answer == "y" || answer == "Y" || answer == "yes";
}

std::string PartitionFor(const std::string& region, const std::string& partition) {
  if (!partition.empty())
    return partition;
  if (region.rfind("cn-", 0) == 0)
    return "aws-cn";
  if (region.rfind("us-gov-", 0) == 0)
    return "aws-us-gov";
  return "aws";
}

}  // namespace cfnx
