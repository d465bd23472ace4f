// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `cfnx transform TEMPLATE [--managed-policies F] [--sar-mock F] [-o OUT]`
// Prints the processed template (transforms applied, nothing else evaluated) as JSON on stdout
// or into OUT. Diagnostics go to stderr; the exit code is the diagnostics' bitmask (2 when the
// template could not be processed), or 1 when cfnx could not run.

#include <fstream>
#include <iostream>

#include "engine/cli/command.h"

namespace cfnx {

Command AddTransformCommand(CLI::App& app) {
  struct Flags {
    CommonFlags common;
    std::string template_path;
    std::string output;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* sub = app.add_subcommand("transform", "Apply the template's transforms, print JSON");
  AddCommonFlags(sub, &flags->common);
  sub->add_option("-o,--output", flags->output, "write the processed template here");
  sub->add_option("template", flags->template_path, "template file")->required();

  auto run = [flags]() -> int {
    ErrorOr<CompileOptions> options = MakeCompileOptions(flags->common);
    if (!options.ok())
      return CouldNotRun(options.error().message);
    Compiler compiler(*options);
    ErrorOr<FileId> file = compiler.AddFile(flags->template_path);
    if (!file.ok())
      return CouldNotRun(file.error().message);
    Compiler::TransformOutput out = compiler.TransformTemplate(*file);
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
