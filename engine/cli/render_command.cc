// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `cfnx render TEMPLATE [--exports F] [--parameters K=V ...]`
// Prints the processed template with parameters and conditions applied and every function that
// can be evaluated replaced by its value, as JSON on stdout (or into -o OUT). What is known
// only after deployment stays a function expression. NoEcho values print as "****".
// Diagnostics go to stderr; the exit code is their bitmask, or 1 when cfnx could not run.

#include <fstream>
#include <iostream>

#include "engine/cli/command.h"

namespace cfnx {

Command AddRenderCommand(CLI::App& app) {
  struct Flags {
    CommonFlags common;
    std::string template_path;
    std::string exports;
    std::string output;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* sub = app.add_subcommand(
      "render", "Print the template with parameters, conditions and functions resolved (JSON)");
  AddCommonFlags(sub, &flags->common);
  sub->add_option("--exports", flags->exports,
                  "exports snapshot for Fn::ImportValue (list-exports JSON or {name: value})");
  sub->add_option("-o,--output", flags->output, "write the rendered template here");
  sub->add_option("template", flags->template_path, "template file")->required();

  auto run = [flags]() -> int {
    ErrorOr<CompileOptions> options = MakeCompileOptions(flags->common);
    if (!options.ok())
      return CouldNotRun(options.error().message);
    if (!flags->exports.empty()) {
      ErrorOr<std::map<std::string, std::string>> exports = ReadExportsFile(flags->exports);
      if (!exports.ok())
        return CouldNotRun(exports.error().message);
      options->exports = std::move(*exports);
    }
    Compiler compiler(*options);
    ErrorOr<FileId> file = compiler.AddFile(flags->template_path);
    if (!file.ok())
      return CouldNotRun(file.error().message);
    Compiler::TransformOutput out = compiler.Render(*file);
    PrintDiagnostics(out.result.diagnostics, compiler.sources(), flags->common);
    if (!out.json.empty()) {
      if (flags->output.empty()) {
        std::cout << out.json;
      } else {
        std::ofstream file_out(flags->output, std::ios::binary);
        file_out << out.json;
        if (!file_out)
          return CouldNotRun("cannot write '" + flags->output + "'");
      }
    }
    int code = out.result.exit_code();
    return out.json.empty() ? (code | 2) : code;
  };
  return Command{sub, run};
}

}  // namespace cfnx
