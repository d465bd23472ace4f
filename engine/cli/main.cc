// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The `cfnx` command: parses the command line and runs the chosen subcommand.

#include <exception>
#include <iostream>
#include <new>
#include <string_view>

#include "engine/base/edit_distance.h"
#include "engine/cli/aws_flags.h"
#include "engine/cli/command.h"
#include "engine/cli/shell_command.h"

namespace {

struct Subcommand {
  std::string_view name;  // as its Add*Command registers it
  cfnx::Command (*add)(CLI::App&);
};

// In the order `cfnx --help` lists them.
constexpr Subcommand kSubcommands[] = {
    {"validate", cfnx::AddValidateCommand},
    {"transform", cfnx::AddTransformCommand},
    {"schemas", cfnx::AddSchemasCommand},
    {"render", cfnx::AddRenderCommand},
    {"graph", cfnx::AddGraphCommand},
    {"plan", cfnx::AddPlanCommand},
    {"deploy", cfnx::AddDeployCommand},
    {"destroy", cfnx::AddDestroyCommand},
    {"stacks", cfnx::AddStacksCommand},
    {"describe", cfnx::AddDescribeCommand},
    {"rollback", cfnx::AddRollbackCommand},
    {"update-termination-protection", cfnx::AddUpdateTerminationProtectionCommand},
    {"signal", cfnx::AddSignalCommand},
    {"stackset", cfnx::AddStackSetCommand},
    {"drift", cfnx::AddDriftCommand},
    {"simulate-drift", cfnx::AddSimulateDriftCommand},
    {"completion", cfnx::AddCompletionCommand},
    {"man", cfnx::AddManCommand},
};

// The subcommand named by argv[1] when no other argument names one; nullptr otherwise.
// Declaring every subcommand's options costs more than validating a small template, so a
// run declares only the one it runs. Top-level help, a misspelt or missing subcommand, and
// command lines where another subcommand's name appears (CLI11 may treat it as that
// subcommand) get the full command line, so what they print is unchanged; so do `completion`
// and `man`, which describe every subcommand.
const Subcommand* OnlySubcommand(int argc, char** argv) {
  if (argc < 2) {
    return nullptr;
  }
  if (std::string_view(argv[1]) == "completion" || std::string_view(argv[1]) == "man") {
    return nullptr;
  }
  const Subcommand* only = nullptr;
  for (const Subcommand& s : kSubcommands) {
    if (s.name == argv[1]) {
      only = &s;
    }
  }
  for (int i = 2; only != nullptr && i < argc; ++i) {
    for (const Subcommand& s : kSubcommands) {
      if (s.name == argv[i]) {
        return nullptr;
      }
    }
  }
  return only;
}

// A first argument that is neither an option nor a subcommand: the user misspelt the command.
// CLI11 would say only "A subcommand is required"; say what was given and what exists.
int UnknownSubcommand(std::string_view given) {
  std::vector<std::string_view> names;
  std::string list;
  for (const Subcommand& s : kSubcommands) {
    names.push_back(s.name);
    list += (list.empty() ? "" : ", ") + std::string(s.name);
  }
  std::cerr << "cfnx: error: unknown command '" << given << "'." << cfnx::DidYouMean(given, names)
            << " Commands: " << list << ". Run `cfnx --help` for more.\n";
  return cfnx::kExitCouldNotRun;
}

}  // namespace

int main(int argc, char** argv) {
  // The fully static cfnx has no AWS backend: `cfnx-aws` beside it does (cmake/CfnxDeps.cmake).
  if (!cfnx::AwsBackendLinked() && cfnx::WantsAwsBackend(argc, argv)) {
    cfnx::ExecAwsExecutable(argv);  // returns only when there is none
  }
  CLI::App app{"cfnx: compile, check, plan and deploy AWS CloudFormation and SAM templates"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "cfnx 0.1.0");
  std::vector<cfnx::Command> commands;
  // `cfnx --version` alone needs no subcommand (it prints before they are checked).
  bool version_only = argc == 2 && std::string_view(argv[1]) == "--version";
  const Subcommand* only = OnlySubcommand(argc, argv);
  if (only == nullptr && argc >= 2 && argv[1][0] != '-' && !version_only) {
    bool known = false;
    for (const Subcommand& s : kSubcommands) {
      known = known || s.name == argv[1];
    }
    if (!known) {
      return UnknownSubcommand(argv[1]);
    }
  }
  for (const Subcommand& s : kSubcommands) {
    if (!version_only && (only == nullptr || only == &s)) {
      commands.push_back(s.add(app));
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);  // prints help or the error
    return code == 0 ? 0 : cfnx::kExitCouldNotRun;
  }
  for (const cfnx::Command& command : commands) {
    if (command.app->parsed()) {
      // The library reports problems in the input as diagnostics and never throws for them; an
      // exception here is a cfnx bug. Say so plainly instead of aborting with a core dump
      // (deploy state stays consistent: every step is journaled and recovered on the next run).
      try {
        return command.run();
      } catch (const std::bad_alloc&) {
        std::cerr << "cfnx: error: out of memory\n";
      } catch (const std::exception& e) {
        std::cerr << "cfnx: internal error: " << e.what()
                  << " (this is a bug in cfnx; please report it with the input)\n";
      }
      return cfnx::kExitCouldNotRun;
    }
  }
  return cfnx::kExitCouldNotRun;
}
