// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/api/pipeline.h"

#include "engine/parse/loader.h"
#include "engine/validate/validate.h"

namespace cfnx {
namespace {

// Transforms cfnx expands offline. Others (custom macros, and transforms whose support has not
// landed) are reported once and the checks that need the expanded template are skipped.
bool CanExpand(std::string_view /*name*/) {
  return false;
}

void ReportUnexpanded(const Template& t, DiagnosticSink& diags, bool* unexpanded) {
  for (const std::string& name : t.transforms) {
    if (CanExpand(name))
      continue;
    *unexpanded = true;
    diags.Report(DiagCode::kI5000, t.transform->range(), TemplatePath{"Transform"},
                 "cfnx cannot expand transform '" + name +
                     "' offline yet; checks that need the expanded template (references, "
                     "resource properties) were skipped.");
  }
}

}  // namespace

LoadedTemplate LoadAndBuild(SourceManager& sources, FileId file, const CompileOptions& /*options*/,
                            DiagnosticSink& diags) {
  LoadedTemplate loaded;
  loaded.file = file;
  loaded.bytes = sources.contents(file).size();
  loaded.document = LoadTemplate(sources, file, diags);
  if (loaded.document.root() == nullptr) {
    return loaded;
  }
  loaded.model = BuildModel(loaded.document, diags);
  ReportUnexpanded(loaded.model, diags, &loaded.unexpanded_transform);
  return loaded;
}

void RunChecks(const LoadedTemplate& loaded, const CompileOptions& /*options*/,
               DiagnosticSink& diags) {
  const Template& t = loaded.model;
  StructureOptions structure;
  structure.template_bytes = loaded.bytes;
  CheckStructure(t, structure, diags);
  if (!loaded.unexpanded_transform) {
    CheckReferences(t, diags);
  }
}

}  // namespace cfnx
