// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Running one command over many templates at once (`validate`, `transform`): a Compiler per
// template, the work on N threads, then every run's sources and findings merged in command-line
// order so the output is byte for byte what one thread prints.
//
//   std::vector<TemplateRun> runs = RunTemplates(paths, options, jobs, [](TemplateRun& r) {
//     r.diagnostics = r.compiler->Validate(*r.file).diagnostics;
//   });
//   bool unreadable = ReportReadErrors(runs);
//   MergeRuns(runs, sources, all, checked);

#ifndef CFNX_ENGINE_CLI_TEMPLATE_RUNS_H_
#define CFNX_ENGINE_CLI_TEMPLATE_RUNS_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cfnx/compiler.h"

namespace cfnx {

struct TemplateRun {
  std::unique_ptr<Compiler> compiler;
  std::optional<FileId> file;           // unset when the file could not be read
  std::vector<Diagnostic> diagnostics;  // what `work` found
  std::string read_error;
  std::string output;  // what `work` produced besides findings (transform: the JSON)
};

// One run per path, each with its own Compiler over `options`; "-" is standard input (read once
// however often it is named). `work` runs on `jobs` threads for every run whose file was read.
std::vector<TemplateRun> RunTemplates(const std::vector<std::string>& paths,
                                      const CompileOptions& options, int jobs,
                                      const std::function<void(TemplateRun&)>& work);

// Prints "cfnx: error: ..." for every file that could not be read; true when there was one.
bool ReportReadErrors(const std::vector<TemplateRun>& runs);

// Moves every run's sources into `sources` and its findings into `all` (file ids renumbered),
// in run order, and each checked template's new id into `checked`. Frees the runs' compilers.
void MergeRuns(std::vector<TemplateRun>& runs, SourceManager& sources, std::vector<Diagnostic>& all,
               std::vector<FileId>& checked);

}  // namespace cfnx

#endif  // CFNX_ENGINE_CLI_TEMPLATE_RUNS_H_
