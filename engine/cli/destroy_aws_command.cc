// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `cfnx destroy --stack NAME --backend aws [--profile P] [--region R] [--endpoint-url URL]
//               [--role-arn ARN] [--yes] [--debug]`
// The destroy command's AWS half: refuses, before asking, while another stack imports one of
// the stack's exports (the same deletion forecast as the local backend, E9008), and while
// termination protection is on; then DeleteStack, following the events until the stack is
// gone. Exit: 0 deleted (or there was no such stack), 1 could not run or refused, 2
// DELETE_FAILED.

#include <iostream>

#include "engine/cli/backend_flags.h"
#include "engine/cli/destroy_checks.h"

namespace cfnx {

int RunAwsDestroy(const CLI::App* app, const AwsFlags& aws, const std::string& stack, bool yes) {
  ErrorOr<std::unique_ptr<AwsBackend>> backend = OpenAws(aws, ExplicitRegion(app, aws.region));
  if (!backend.ok())
    return CouldNotRun(backend.error().message);
  ErrorOr<StackState> state = (*backend)->DescribeStack(stack);
  if (!state.ok())
    return CouldNotRun(state.error().message);
  if (!state->exists())
    return CouldNotRun("Stack with id " + stack + " does not exist");
  if (std::optional<int> stop = CheckDestroy(*state, stack, yes))
    return *stop;
  AwsEventPrinter printer;
  ErrorOr<AwsDeployResult> result = (*backend)->Destroy(stack, aws.role_arn, printer);
  if (!result.ok())
    return CouldNotRun(result.error().message);
  return FinishAwsOperation(stack, *result, kExitDeployFailed);
}

}  // namespace cfnx
