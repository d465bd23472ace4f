// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The part of `cfnx deploy` both backends share: the template is checked and its transforms
// are expanded exactly as `cfnx plan` does, with the stack's deployed parameter values for the
// parameters not given (WithDeployedParameters), so deploy carries out what plan shows. The
// local backend then executes the processed template itself (deploy_command.cc); the AWS
// backend hands it to CloudFormation (deploy_aws_command.cc).

#ifndef CFNX_ENGINE_CLI_DEPLOY_TEMPLATE_H_
#define CFNX_ENGINE_CLI_DEPLOY_TEMPLATE_H_

#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "cfnx/compiler.h"
#include "cfnx/stack_state.h"
#include "engine/cli/command.h"

namespace cfnx {

struct DeployTemplate {
  std::unique_ptr<Compiler> compiler;  // holds the sources diagnostics point into
  FileId file = 0;
  std::string processed;  // the processed template (transforms applied), JSON text
  OrderedJson json;       // the same, parsed
  size_t resources = 0;
  // The nested stacks' templates (AddNestedTemplates; engine/api/nested_templates.h).
  OrderedJson nested = OrderedJson::object();
};

// Checks `text` (read from `path`) and expands it for `state`. Prints the diagnostics; when
// the template cannot be deployed returns the exit code (kExitDeployFailed for errors in the
// template, kExitCouldNotRun for a transform cfnx cannot expand).
std::variant<DeployTemplate, int> PrepareDeployTemplate(const std::string& path, std::string text,
                                                        const CompileOptions& options,
                                                        const StackState& state,
                                                        const CommonFlags& common);

// Loads the templates of the nested stacks with a local TemplateURL into `prepared.nested`, for
// the local backend, which deploys them as stacks of their own. Prints the diagnostics; returns
// kExitDeployFailed when a child is missing or broken, nullopt when all loaded.
std::optional<int> AddNestedTemplates(DeployTemplate& prepared, const CommonFlags& common);

}  // namespace cfnx

#endif  // CFNX_ENGINE_CLI_DEPLOY_TEMPLATE_H_
