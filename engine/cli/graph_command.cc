// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `cfnx graph TEMPLATE [--format dot|json|mermaid]`
// Prints the resource dependency graph (after transforms) on stdout; diagnostics (cycles) on
// stderr. Exit: 0, or the diagnostics' bitmask (2 with a cycle), or 1 when cfnx could not run.

#include <iostream>

#include "cfnx/graph.h"
#include "engine/cli/command.h"

namespace cfnx {

Command AddGraphCommand(CLI::App& app) {
  struct Flags {
    CommonFlags common;
    std::string template_path;
    std::string format = "dot";
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* sub = app.add_subcommand("graph", "Print the resource dependency graph");
  AddCommonFlags(sub, &flags->common);
  sub->add_option("--format", flags->format, "dot, json or mermaid")
      ->check(CLI::IsMember({"dot", "json", "mermaid"}));
  sub->add_option("template", flags->template_path, "template file")->required();

  auto run = [flags]() -> int {
    ErrorOr<CompileOptions> options = MakeCompileOptions(flags->common);
    if (!options.ok()) {
      return CouldNotRun(options.error().message);
    }
    Compiler compiler(*options);
    ErrorOr<FileId> file = compiler.AddFile(flags->template_path);
    if (!file.ok()) {
      return CouldNotRun(file.error().message);
    }
    GraphOutput out = RenderDependencyGraph(compiler, *file, flags->format);
    PrintDiagnostics(out.result.diagnostics, compiler.sources(), flags->common);
    std::cout << out.text;
    int code = out.result.exit_code();
    return out.text.empty() ? (code | 2) : code;
  };
  return Command{sub, run};
}

}  // namespace cfnx
