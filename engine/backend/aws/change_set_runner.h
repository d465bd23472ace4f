// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The AWS deployer: CloudFormation carries out a deployment through a change set.
//   1. the packaged local artifacts go to --s3-bucket unless already there (artifacts.h), and
//      the template goes inline, or to --s3-bucket when over 51,200 bytes (s3_upload.h);
//   2. CreateChangeSet (CREATE for a new stack, UPDATE otherwise, IMPORT with resources to
//      import), polled with backoff until
//      CREATE_COMPLETE or FAILED ("no changes" is a success with nothing to do);
//   3. DescribeChangeSet is compared with cfnx's plan (change_set_compare.h); with
//      require_plan_match a difference refuses and deletes the change set;
//   4. ExecuteChangeSet, then DescribeStackEvents (new events only, oldest first) until the stack
//      reaches a status that is not *_IN_PROGRESS.
// Destroy is DeleteStack followed the same way. Errors are for what could not run; a
// deployment that failed and rolled back is a result with succeeded = false.

#ifndef CFNX_ENGINE_BACKEND_AWS_CHANGE_SET_RUNNER_H_
#define CFNX_ENGINE_BACKEND_AWS_CHANGE_SET_RUNNER_H_

#include <functional>
#include <string>

#include "engine/backend/aws/aws_backend.h"
#include "engine/backend/aws/cloudformation.h"

namespace cfnx {

// How long to wait before poll number `n` (0-based) of a change set or stack: 0, 1, 2, 4, 5,
// 5, ... seconds. `sleep` nullptr = really sleep.
struct PollSchedule {
  std::function<void(double)> sleep;
  double Delay(int n) const;
};

ErrorOr<AwsDeployResult> RunChangeSet(CloudFormationClient& cfn, const AwsDeployRequest& request,
                                      AwsObserver& observer, const PollSchedule& poll = {});

ErrorOr<AwsDeployResult> RunDeleteStack(CloudFormationClient& cfn, const std::string& stack,
                                        const std::string& role_arn, AwsObserver& observer,
                                        const PollSchedule& poll = {});

// `cfnx rollback --backend aws`: a stack in UPDATE_ROLLBACK_FAILED gets ContinueUpdateRollback,
// one in CREATE_FAILED or UPDATE_FAILED (rollback was disabled) gets RollbackStack; followed until
// the stack settles. succeeded: it ended *_ROLLBACK_COMPLETE. An Error for a stack with nothing to
// roll back (or only deletion can fix, ROLLBACK_FAILED).
ErrorOr<AwsDeployResult> RunRollback(CloudFormationClient& cfn, const std::string& stack,
                                     const std::string& role_arn, AwsObserver& observer,
                                     const PollSchedule& poll = {});

// Whether CloudFormation is still working on a stack in `status`.
bool IsInProgressStatus(const std::string& status);

}  // namespace cfnx

#endif  // CFNX_ENGINE_BACKEND_AWS_CHANGE_SET_RUNNER_H_
