// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `cfnx transform TEMPLATE [-o OUT]`
// `cfnx transform TEMPLATE|DIR|- ... --output-dir DIR [-j N]`
// Prints the processed template (transforms applied, nothing else evaluated) as JSON on stdout
// or into OUT. With --output-dir, every template named (directories expand as for `validate`)
// is processed on N threads and written to DIR under its name with the extension .json
// (`stacks/app.yaml` -> DIR/app.json; a file found under a directory argument keeps its path
// below it). Diagnostics go to stderr, in command-line order; the exit code is their bitmask
// (with 2 for every template that could not be processed), or 1 when cfnx could not run.

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include "engine/cli/command.h"
#include "engine/cli/template_files.h"
#include "engine/cli/template_runs.h"

namespace cfnx {
namespace {

namespace fs = std::filesystem;

// DIR/<name with .json>, refusing two inputs that would write the same file.
ErrorOr<std::vector<fs::path>> OutputPaths(const std::vector<TemplateArg>& args,
                                           const std::string& dir) {
  std::vector<fs::path> out;
  std::map<std::string, std::string> seen;  // output -> input
  for (const TemplateArg& a : args) {
    fs::path name = a.relative == "-" ? fs::path("stdin.json") : fs::path(a.relative);
    name.replace_extension(".json");
    fs::path path = fs::path(dir) / name;
    auto [it, fresh] = seen.emplace(path.generic_string(), a.path);
    if (!fresh) {
      return Error{"'" + it->second + "' and '" + a.path + "' would both be written to '" +
                   it->first + "'; transform them in separate runs"};
    }
    out.push_back(std::move(path));
  }
  return out;
}

Status WriteFile(const fs::path& path, const std::string& text) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out)
    return Error{"cannot write '" + path.generic_string() + "'"};
  return {};
}

}  // namespace

Command AddTransformCommand(CLI::App& app) {
  struct Flags {
    CommonFlags common;
    std::vector<std::string> templates;
    std::string output;
    std::string output_dir;
    int jobs = 0;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* sub = app.add_subcommand("transform", "Apply the template's transforms, print JSON");
  AddCommonFlags(sub, &flags->common);
  sub->add_option("-o,--output", flags->output, "write the processed template here");
  sub->add_option("--output-dir", flags->output_dir,
                  "write one processed template per input here (NAME.json)");
  sub->add_option("-j,--jobs", flags->jobs,
                  "templates processed at once with --output-dir (default: hardware threads)")
      ->check(CLI::PositiveNumber);
  sub->add_option("templates", flags->templates,
                  "template file; with --output-dir any number of files, directories or -")
      ->required();

  auto run = [flags]() -> int {
    ErrorOr<CompileOptions> options = MakeCompileOptions(flags->common);
    if (!options.ok())
      return CouldNotRun(options.error().message);
    bool to_dir = !flags->output_dir.empty();
    if (to_dir && !flags->output.empty())
      return CouldNotRun("give either --output or --output-dir, not both");
    if (!to_dir && flags->templates.size() > 1)
      return CouldNotRun("several templates: give --output-dir DIR to write one file for each");
    ErrorOr<std::vector<TemplateArg>> args = ExpandTemplateArgsWithNames(flags->templates);
    if (!args.ok())
      return CouldNotRun(args.error().message);
    if (!to_dir && args->size() != 1)
      return CouldNotRun("'" + flags->templates[0] +
                         "' names several templates: give --output-dir DIR");
    std::vector<fs::path> outputs;
    if (to_dir) {
      ErrorOr<std::vector<fs::path>> paths = OutputPaths(*args, flags->output_dir);
      if (!paths.ok())
        return CouldNotRun(paths.error().message);
      outputs = std::move(*paths);
    }

    std::vector<std::string> paths;
    for (const TemplateArg& a : *args)
      paths.push_back(a.path);
    int jobs = flags->jobs > 0 ? flags->jobs : DefaultJobs();
    std::vector<TemplateRun> runs = RunTemplates(paths, *options, jobs, [](TemplateRun& r) {
      Compiler::TransformOutput out = r.compiler->TransformTemplate(*r.file);
      r.diagnostics = std::move(out.result.diagnostics);
      r.output = std::move(out.json);
    });
    bool unreadable = ReportReadErrors(runs);

    int code = 0;
    for (size_t i = 0; i < runs.size(); ++i) {
      const TemplateRun& r = runs[i];
      if (!r.file)
        continue;
      if (r.output.empty()) {
        code |= 2;  // not processed: nothing written
        continue;
      }
      if (to_dir) {
        if (Status s = WriteFile(outputs[i], r.output); !s.ok())
          return CouldNotRun(s.error().message);
      } else if (!flags->output.empty()) {
        if (Status s = WriteFile(flags->output, r.output); !s.ok())
          return CouldNotRun(s.error().message);
      } else {
        std::cout << r.output;
      }
    }
    SourceManager sources;
    std::vector<Diagnostic> all;
    std::vector<FileId> checked;
    MergeRuns(runs, sources, all, checked);
    PrintDiagnostics(all, sources, flags->common);
    if (unreadable)
      return kExitCouldNotRun;
    return code | ExitCodeFor(all);
  };
  return Command{sub, run};
}

}  // namespace cfnx
