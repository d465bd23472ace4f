// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The CLI's subcommand plumbing. Each subcommand lives in its own file and exposes one
// `Add<Name>Command(CLI::App&)` that declares its flags and returns a `Command` whose `run`
// is called after parsing when that subcommand was chosen. `CommonFlags` are the options the
// ARCHITECTURE.md command-line contract gives every command.

#ifndef CFNX_ENGINE_CLI_COMMAND_H_
#define CFNX_ENGINE_CLI_COMMAND_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cfnx/compiler.h"
#include "cfnx/diagnostic.h"
#include "cfnx/output.h"
#include "engine/diag/render.h"

namespace cfnx {

// Process exit codes shared by every command.
inline constexpr int kExitCouldNotRun = 1;

struct CommonFlags {
  std::string region = "us-east-1";
  std::string partition;
  std::string account_id = "123456789012";
  std::string stack_name = "cfnx-stack";
  std::vector<std::string> parameters;  // K=V
  std::string parameters_file;
  std::string diagnostics_format = "text";
  std::string s3_root;
  std::string include_map;
  std::vector<std::string> include_roots;
  std::string managed_policies;
  std::string sar_mock;
  std::vector<std::string> macros;  // NAME=COMMAND
};

// Declares the common flags on `app`, storing into `flags`.
void AddCommonFlags(CLI::App* app, CommonFlags* flags);

// Builds CompileOptions from the common flags; an Error for malformed K=V or unreadable files.
ErrorOr<CompileOptions> MakeCompileOptions(const CommonFlags& flags);

// Prints diagnostics to stderr in `--diagnostics-format`, with colour on a TTY.
void PrintDiagnostics(const std::vector<Diagnostic>& diagnostics, const SourceManager& sources,
                      const CommonFlags& flags);

// Whether to colour output written to file descriptor `fd`: `--color always|never` decides;
// with `auto` (the default) only on a terminal, and never when NO_COLOR is set to a non-empty
// value (https://no-color.org) or TERM is "dumb".
bool UseColor(int fd);
// The `--color` mode of this run: "auto", "always" or "never".
std::string& ColorMode();

// Prints "cfnx: error: <message>" to stderr and returns kExitCouldNotRun.
int CouldNotRun(const std::string& message);

struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

Command AddValidateCommand(CLI::App& app);
Command AddTransformCommand(CLI::App& app);
Command AddSchemasCommand(CLI::App& app);
Command AddRenderCommand(CLI::App& app);
Command AddGraphCommand(CLI::App& app);
Command AddPlanCommand(CLI::App& app);
Command AddDeployCommand(CLI::App& app);
Command AddDestroyCommand(CLI::App& app);
Command AddStacksCommand(CLI::App& app);
Command AddDescribeCommand(CLI::App& app);
Command AddRollbackCommand(CLI::App& app);
Command AddUpdateTerminationProtectionCommand(CLI::App& app);
Command AddSignalCommand(CLI::App& app);
Command AddStackSetCommand(CLI::App& app);
Command AddDriftCommand(CLI::App& app);
Command AddSimulateDriftCommand(CLI::App& app);

}  // namespace cfnx

#endif  // CFNX_ENGINE_CLI_COMMAND_H_
