// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/cli/template_runs.h"

#include <iostream>
#include <iterator>
#include <map>

#include "engine/cli/template_files.h"

namespace cfnx {
namespace {

SourceRange Remap(const SourceRange& r, const std::map<FileId, FileId>& ids) {
  SourceRange out = r;
  if (auto it = ids.find(r.begin.file); it != ids.end())
    out.begin.file = it->second;
  if (auto it = ids.find(r.end.file); it != ids.end())
    out.end.file = it->second;
  return out;
}

}  // namespace

std::vector<TemplateRun> RunTemplates(const std::vector<std::string>& paths,
                                      const CompileOptions& options, int jobs,
                                      const std::function<void(TemplateRun&)>& work) {
  std::vector<TemplateRun> runs(paths.size());
  std::string stdin_text;
  bool stdin_read = false;
  for (size_t i = 0; i < paths.size(); ++i) {
    runs[i].compiler = std::make_unique<Compiler>(options);
    if (paths[i] == "-") {
      if (!stdin_read) {
        stdin_text.assign(std::istreambuf_iterator<char>(std::cin), {});
        stdin_read = true;
      }
      runs[i].file = runs[i].compiler->AddSource("-", stdin_text);
    }
  }
  RunInParallel(runs.size(), jobs, [&](size_t i) {
    TemplateRun& r = runs[i];
    if (!r.file) {
      ErrorOr<FileId> file = r.compiler->AddFile(paths[i]);
      if (!file.ok()) {
        r.read_error = file.error().message;
        return;
      }
      r.file = *file;
    }
    work(r);
  });
  return runs;
}

bool ReportReadErrors(const std::vector<TemplateRun>& runs) {
  bool any = false;
  for (const TemplateRun& r : runs) {
    if (!r.read_error.empty()) {
      std::cerr << "cfnx: error: " << r.read_error << "\n";
      any = true;
    }
  }
  return any;
}

void MergeRuns(std::vector<TemplateRun>& runs, SourceManager& sources, std::vector<Diagnostic>& all,
               std::vector<FileId>& checked) {
  for (TemplateRun& run : runs) {
    if (!run.file)
      continue;
    const SourceManager& own = run.compiler->sources();
    std::map<FileId, FileId> ids;
    for (FileId id = 1; id <= own.file_count(); ++id)
      ids[id] = sources.AddFile(own.name(id), std::string(own.contents(id)));
    checked.push_back(ids[*run.file]);
    for (Diagnostic& d : run.diagnostics) {
      d.range = Remap(d.range, ids);
      for (DiagnosticNote& n : d.notes)
        n.range = Remap(n.range, ids);
      all.push_back(std::move(d));
    }
    run.compiler.reset();
  }
}

}  // namespace cfnx
