// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Files that `plan` and `deploy` take besides the template: a stack policy (`--stack-policy`,
// `--stack-policy-during-update`) and Systems Manager parameter values (`--ssm-parameters`).

#ifndef CFNX_ENGINE_CLI_STACK_INPUT_FILES_H_
#define CFNX_ENGINE_CLI_STACK_INPUT_FILES_H_

#include <map>
#include <optional>
#include <string>

#include "cfnx/stack_state.h"
#include "engine/cli/command.h"

namespace cfnx {

// Declares --stack-policy-during-update and --ssm-parameters, which plan and deploy both take.
void AddStackInputFlags(CLI::App* app, std::string* stack_policy_during_update,
                        std::string* ssm_parameters);

// Reads and checks a stack policy (JSON, or YAML); its problems are printed as diagnostics
// with file:line:col (E9017). nullopt after printing them (or an I/O error).
std::optional<OrderedJson> ReadStackPolicyFile(const std::string& flag, const std::string& path,
                                               const CommonFlags& common);

// Reads `--ssm-parameters FILE`: a JSON or YAML object of parameter name -> value, or the
// answer of `aws ssm get-parameters` / `get-parameters-by-path` ({"Parameters": [{"Name",
// "Value"}, ...]}). StringList values are comma-joined text, as SSM holds them.
ErrorOr<std::map<std::string, std::string>> ReadSsmParametersFile(const std::string& path);

}  // namespace cfnx

#endif  // CFNX_ENGINE_CLI_STACK_INPUT_FILES_H_
