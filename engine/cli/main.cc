// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The `cfnx` command: parses the command line and runs the chosen subcommand.

#include <iostream>

#include "engine/cli/command.h"

int main(int argc, char** argv) {
  CLI::App app{"cfnx: compile, check, plan and deploy AWS CloudFormation and SAM templates"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "cfnx 0.1.0");
  std::vector<cfnx::Command> commands = {
      cfnx::AddValidateCommand(app),
      cfnx::AddTransformCommand(app),
      cfnx::AddSchemasCommand(app),
      cfnx::AddRenderCommand(app),
      cfnx::AddGraphCommand(app),
      cfnx::AddPlanCommand(app),
      // clang-format off
      cfnx::AddDeployCommand(app),
      cfnx::AddDestroyCommand(app),
      cfnx::AddStacksCommand(app),
      cfnx::AddDescribeCommand(app),
      cfnx::AddRollbackCommand(app),
      // clang-format on
  };
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);  // prints help or the error
    return code == 0 ? 0 : cfnx::kExitCouldNotRun;
  }
  for (const cfnx::Command& command : commands) {
    if (command.app->parsed()) {
      return command.run();
    }
  }
  return cfnx::kExitCouldNotRun;
}
