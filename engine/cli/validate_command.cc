// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `cfnx validate [--format text|json|sarif|parseable|junit] TEMPLATE...`
// The findings are the result, so they go to stdout (as cfn-lint does). Exit code: cfn-lint's
// bitmask over all files (2 errors, 4 warnings, 8 informational), or 1 if a file could not
// be read or a flag is wrong.

#include <iostream>
#include <unistd.h>

#include "engine/cli/command.h"

namespace cfnx {

Command AddValidateCommand(CLI::App& app) {
  struct Flags {
    CommonFlags common;
    std::string format = "text";
    std::vector<std::string> templates;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* sub =
      app.add_subcommand("validate", "Check templates for errors (cfn-lint compatible)");
  AddCommonFlags(sub, &flags->common);
  sub->add_option("--format,-f", flags->format, "output format")
      ->check(CLI::IsMember({"text", "json", "sarif", "parseable", "junit"}));
  sub->add_option("templates", flags->templates, "template files (YAML or JSON)")->required();

  auto run = [flags]() -> int {
    ErrorOr<CompileOptions> options = MakeCompileOptions(flags->common);
    if (!options.ok())
      return CouldNotRun(options.error().message);
    Compiler compiler(*options);
    std::vector<Diagnostic> all;
    std::vector<FileId> checked;
    bool unreadable = false;
    for (const std::string& path : flags->templates) {
      ErrorOr<FileId> file = compiler.AddFile(path);
      if (!file.ok()) {
        std::cerr << "cfnx: error: " << file.error().message << "\n";
        unreadable = true;
        continue;
      }
      checked.push_back(*file);
      CompileResult result = compiler.Validate(*file);
      all.insert(all.end(), result.diagnostics.begin(), result.diagnostics.end());
    }
    DiagnosticFormat format = DiagnosticFormat::kText;
    ParseDiagnosticFormat(flags->format, &format);
    RenderOptions render;
    render.color = format == DiagnosticFormat::kText && UseColor(STDOUT_FILENO);
    std::cout << RenderDiagnostics(all, compiler.sources(), format, render, checked);
    if (unreadable)
      return kExitCouldNotRun;
    return ExitCodeFor(all);
  };
  return Command{sub, run};
}

}  // namespace cfnx
