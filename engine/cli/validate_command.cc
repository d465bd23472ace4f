// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `cfnx validate [--format text|json|sarif|parseable|junit|code-climate] [-j N] [cfn-lint
// configuration]
//  TEMPLATE|DIR|- ...` (the configuration flags and .cfnlintrc: engine/cli/lint_flags.h).
// The findings are the result, so they go to stdout (as cfn-lint does). Templates are checked
// on N threads (default: the machine's), each with its own Compiler; the findings print in
// command-line order whatever the scheduling, byte for byte what one thread prints. Exit code:
// cfn-lint's bitmask over all files (2 errors, 4 warnings, 8 informational), or 1 if a file
// could not be read or a flag is wrong.

#include <fstream>
#include <iostream>
#include <unistd.h>

#include "engine/cli/command.h"
#include "engine/cli/lint_flags.h"
#include "engine/cli/template_files.h"
#include "engine/cli/template_runs.h"

namespace cfnx {

Command AddValidateCommand(CLI::App& app) {
  struct Flags {
    CommonFlags common;
    std::string format = "text";
    int jobs = 0;
    LintFlags lint;
    std::vector<std::string> templates;
    std::string output_file;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* sub =
      app.add_subcommand("validate", "Check templates for errors (cfn-lint compatible)");
  AddCommonFlags(sub, &flags->common);
  sub->add_option("--format,-f", flags->format, "output format")
      ->check(CLI::IsMember(DiagnosticFormatNames()));
  sub->add_option("--output-file", flags->output_file,
                  "write the findings to this file instead of standard output");
  sub->add_option("-j,--jobs", flags->jobs,
                  "templates checked at once (default: the number of hardware threads)")
      ->check(CLI::PositiveNumber);
  AddLintFlags(sub, &flags->lint);
  sub->add_option("templates", flags->templates,
                  "template files (YAML or JSON), directories (their *.yaml, *.yml, *.json and "
                  "*.template files, recursively) or - for standard input (default: the "
                  "configuration file's templates)");

  auto run = [flags]() -> int {
    ErrorOr<CompileOptions> options = MakeCompileOptions(flags->common);
    if (!options.ok())
      return CouldNotRun(options.error().message);
    ErrorOr<LintSetup> lint = ResolveLintFlags(flags->lint);
    if (!lint.ok())
      return CouldNotRun(lint.error().message);
    options->checks = lint->command_line;
    options->checks_from_file = lint->from_file;
    std::vector<std::string> templates =
        flags->templates.empty() ? lint->file_templates : flags->templates;
    if (templates.empty()) {
      return CouldNotRun(
          "no templates to check: name them (or - for standard input), or list them under "
          "'templates' in .cfnlintrc");
    }
    ErrorOr<std::vector<std::string>> paths = ExpandTemplateArgs(templates);
    if (!paths.ok())
      return CouldNotRun(paths.error().message);
    std::vector<TemplateRun> runs = RunTemplates(
        *paths, *options, flags->jobs > 0 ? flags->jobs : DefaultJobs(),
        [](TemplateRun& r) { r.diagnostics = r.compiler->Validate(*r.file).diagnostics; });
    bool unreadable = ReportReadErrors(runs);
    SourceManager sources;
    std::vector<Diagnostic> all;
    std::vector<FileId> checked;
    MergeRuns(runs, sources, all, checked);
    DiagnosticFormat format = DiagnosticFormat::kText;
    ParseDiagnosticFormat(flags->format, &format);
    RenderOptions render;
    bool to_file = !flags->output_file.empty();
    render.color = format == DiagnosticFormat::kText && !to_file && UseColor(STDOUT_FILENO);
    render.checks = LayerCheckOptions(lint->command_line, {}, lint->from_file);
    std::string findings = RenderDiagnostics(all, sources, format, render, checked);
    if (to_file) {
      std::ofstream out(flags->output_file, std::ios::binary);
      out << findings;
      out.close();
      if (!out)
        return CouldNotRun("cannot write '" + flags->output_file + "'");
    } else {
      std::cout << findings;
    }
    if (unreadable)
      return kExitCouldNotRun;
    return LintExitCode(all, lint->non_zero_exit_code);
  };
  return Command{sub, run};
}

}  // namespace cfnx
