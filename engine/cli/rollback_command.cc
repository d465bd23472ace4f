// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `cfnx rollback --stack NAME [--backend local|aws] [--state PATH] [--lock-timeout S]
//                [--fail ...] [--role-arn ARN]`
// Finishes an operation a killed cfnx left behind (from its journal), continues a failed
// rollback (UPDATE_ROLLBACK_FAILED, ROLLBACK_FAILED), or rolls back a stack that
// --on-failure DO_NOTHING left in CREATE_FAILED / UPDATE_FAILED. With --backend aws,
// CloudFormation does it (ContinueUpdateRollback for UPDATE_ROLLBACK_FAILED, RollbackStack for
// CREATE_FAILED / UPDATE_FAILED) and cfnx follows the events. Exit: 0 the stack is consistent
// again, 1 could not run or nothing to do, 2 the rollback failed again.

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
  sub->add_option("--role-arn", flags->backend.aws.role_arn,
                  "aws backend: IAM role CloudFormation assumes to roll the stack back");
  auto run = [flags, sub]() -> int {
    if (flags->backend.backend == "aws") {
      const AwsFlags& aws = flags->backend.aws;
      ErrorOr<std::unique_ptr<AwsBackend>> backend = OpenAws(aws, ExplicitRegion(sub, aws.region));
      if (!backend.ok())
        return CouldNotRun(backend.error().message);
      AwsEventPrinter printer;
      ErrorOr<AwsDeployResult> result = (*backend)->Rollback(flags->stack, aws.role_arn, printer);
      if (!result.ok())
        return CouldNotRun(result.error().message);
      return FinishAwsOperation(flags->stack, *result, kExitDeployFailed);
    }
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
