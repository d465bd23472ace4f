// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `cfnx completion bash|zsh` and `cfnx man` (shell_command.cc): generated from the definitions
// of every other subcommand, so main.cc declares all of them when one of these runs.

#ifndef CFNX_ENGINE_CLI_SHELL_COMMAND_H_
#define CFNX_ENGINE_CLI_SHELL_COMMAND_H_

#include "engine/cli/command.h"

namespace cfnx {

Command AddCompletionCommand(CLI::App& app);
Command AddManCommand(CLI::App& app);

}  // namespace cfnx

#endif  // CFNX_ENGINE_CLI_SHELL_COMMAND_H_
