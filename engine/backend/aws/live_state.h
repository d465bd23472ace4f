// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// A live CloudFormation stack as cfnx's `StackState` (cfnx/stack_state.h), so the planner runs
// on it unchanged: DescribeStacks (status, parameters, outputs, capabilities), GetTemplate
// with TemplateStage=Processed (the template as deployed, transforms applied; YAML is read as
// cfnx reads templates), ListStackResources (physical ids, statuses), ListExports and, for this
// stack's exports, ListImports. Deployed properties and GetAtt attributes are not readable
// from CloudFormation: resources carry none, and the planner resolves the deployed side from
// the processed template and the parameters. NoEcho parameters come back as "****": they are
// listed in `masked_parameters` (deploy passes UsePreviousValue for them when not given).

#ifndef CFNX_ENGINE_BACKEND_AWS_LIVE_STATE_H_
#define CFNX_ENGINE_BACKEND_AWS_LIVE_STATE_H_

#include <string>
#include <vector>

#include "cfnx/stack_state.h"
#include "engine/backend/aws/cloudformation.h"

namespace cfnx {

struct LiveStack {
  StackState state;    // exists() false when the stack does not exist
  AwsStack described;  // DescribeStacks' answer (tags, times, termination protection)
  std::vector<std::string> masked_parameters;  // NoEcho: value "****"
};

ErrorOr<LiveStack> ReadLiveStack(CloudFormationClient& cfn, const std::string& stack);

// A template body (JSON or YAML, as GetTemplate returns it) as JSON.
ErrorOr<OrderedJson> TemplateBodyToJson(const std::string& body, const std::string& name);

}  // namespace cfnx

#endif  // CFNX_ENGINE_BACKEND_AWS_LIVE_STATE_H_
