// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Flags and output shared by the commands that work on deployed stacks (deploy, destroy,
// stacks, describe, rollback): which backend and state file, the lock timeout, and the event
// lines printed while an operation runs (like `aws cloudformation describe-stack-events`).

#ifndef CFNX_ENGINE_CLI_BACKEND_FLAGS_H_
#define CFNX_ENGINE_CLI_BACKEND_FLAGS_H_

#include <memory>
#include <string>
#include <vector>

#include "engine/api/local_backend.h"
#include "engine/cli/aws_flags.h"
#include "engine/cli/command.h"

namespace cfnx {

// Exit code of a deployment that ran but failed (rolled back or left failed).
inline constexpr int kExitDeployFailed = 2;

struct BackendFlags {
  std::string backend = DefaultBackend();  // --backend, else $CFNX_BACKEND, else local
  std::string state;                       // --state PATH; "" = $CFNX_STATE or .cfnx/state.db
  double lock_timeout = 0;                 // fail at once when another operation holds the stack
  std::vector<std::string> faults;
  std::string fault_file;
  std::vector<std::string> handlers;  // --handler TYPE_OR_LOGICALID=COMMAND
  AwsFlags aws;                       // --backend aws
};

void AddBackendFlags(CLI::App* app, BackendFlags* flags, bool mutating);
ErrorOr<std::unique_ptr<LocalBackend>> OpenBackend(const BackendFlags& flags);

// What a command that changes `stack` starts from: the backend, and the stack's lock held in
// the name of `command` ("cfnx deploy"). The lock is released before the backend closes.
struct LockedStack {
  std::unique_ptr<LocalBackend> backend;
  std::string holder;  // the lock holder's name, for the executor
  StoreLock lock;
};
ErrorOr<LockedStack> OpenAndLock(const BackendFlags& flags, const std::string& stack,
                                 const std::string& command);

// The stack as an operation starts from it: an operation a killed cfnx left behind is
// finished first (it may change the stack's parameters, resources and exports), then the
// stack is read.
ErrorOr<StackState> RecoverAndDescribe(LocalBackend& backend, Executor& executor,
                                       const std::string& stack);

// Prints one line per event on stdout, as it happens.
class EventPrinter : public ExecObserver {
 public:
  void OnEvent(const StoredEvent& event) override;

 private:
  // The stack of the first event: a nested stack's events name their stack before the
  // logical id ("app-Child-0A1B2C3D4E5F6/Topic").
  std::string first_stack_;
};

// Prints the stack's outputs and a one-line summary of operation `op`.
void PrintOutcome(LocalBackend& backend, const std::string& stack, const ExecResult& result);

// Asks "question [y/N]" on a TTY and returns the answer; true without asking when `yes`. When
// stdin is not a TTY (a pipeline, `</dev/null`) nobody can answer, so it is an Error asking for
// --yes, as `terraform apply` without -auto-approve refuses: changes are never made silently.
ErrorOr<bool> Confirm(const std::string& question, bool yes, const std::string& action);

std::string PartitionFor(const std::string& region, const std::string& partition);

}  // namespace cfnx

#endif  // CFNX_ENGINE_CLI_BACKEND_FLAGS_H_
