// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/cli/deploy_template.h"

#include <iostream>

#include "engine/api/nested_templates.h"
#include "engine/api/pipeline.h"
#include "engine/api/planning.h"
#include "engine/cli/backend_flags.h"

namespace cfnx {

std::variant<DeployTemplate, int> PrepareDeployTemplate(const std::string& path, std::string text,
                                                        const CompileOptions& options,
                                                        const StackState& state,
                                                        const CommonFlags& common) {
  DeployTemplate out;
  SourceManager as_written;
  FileId written = as_written.AddFile(path, text);
  out.compiler =
      std::make_unique<Compiler>(WithDeployedParameters(as_written, written, options, state));
  Compiler& compiler = *out.compiler;
  out.file = compiler.AddSource(path, std::move(text));
  CompileResult checked = compiler.Validate(out.file);
  PrintDiagnostics(checked.diagnostics, compiler.sources(), common);
  if (checked.has_errors()) {
    std::cerr << "cfnx: the template has errors; nothing was deployed\n";
    return kExitDeployFailed;
  }
  Compiler::TransformOutput processed = compiler.TransformTemplate(out.file);
  if (processed.json.empty()) {
    PrintDiagnostics(processed.result.diagnostics, compiler.sources(), common);
    return kExitDeployFailed;
  }
  out.json = OrderedJson::parse(processed.json, nullptr, false);
  if (out.json.is_discarded())
    return CouldNotRun("internal: the processed template is not JSON");
  if (out.json.contains("Transform"))
    return CouldNotRun(
        "the template declares a transform cfnx cannot expand offline; cfnx deploys the "
        "templates whose transforms it expands itself");
  out.processed = std::move(processed.json);
  out.resources = out.json.contains("Resources") ? out.json["Resources"].size() : 0;
  return out;
}

std::optional<int> AddNestedTemplates(DeployTemplate& prepared, const CommonFlags& common) {
  Compiler& compiler = *prepared.compiler;
  DiagnosticCollector diags;
  LoadedTemplate loaded =
      LoadAndBuild(compiler.mutable_sources(), prepared.file, compiler.options(), diags);
  DiagnosticCollector nested_diags;
  prepared.nested =
      LoadNestedTemplates(compiler.mutable_sources(), loaded, compiler.options(), nested_diags);
  PrintDiagnostics(nested_diags.diagnostics(), compiler.sources(), common);
  if (nested_diags.error_count() > 0) {
    std::cerr << "cfnx: a nested stack's template has errors; nothing was deployed\n";
    return kExitDeployFailed;
  }
  return std::nullopt;
}

}  // namespace cfnx
