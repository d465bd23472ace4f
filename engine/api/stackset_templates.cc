// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/api/stackset_templates.h"

#include <string>

namespace cfnx {
namespace {

// A StackSet's body may itself declare StackSets; a body nesting itself cannot, but bound the
// depth anyway.
constexpr int kMaxDepth = 3;
thread_local int depth = 0;

TemplatePath Append(TemplatePath base, const TemplatePath& inner) {
  for (const std::string& s : inner.segments())
    base = base.Child(s);
  return base;
}

void CheckBody(const Resource& r, const StringNode& body, const CompileOptions& options,
               DiagnosticSink& diags) {
  TemplatePath at{"Resources", r.logical_id, "Properties", "TemplateBody"};
  SourceManager sources;
  FileId file = sources.AddFile(r.logical_id + ".TemplateBody", body.value());
  DiagnosticCollector inner;
  CompileOptions body_options = options;
  body_options.parameters.clear();  // the instances' parameters are the StackSet's Parameters
  LoadedTemplate loaded = LoadAndBuild(sources, file, body_options, inner, LoadPurpose::kValidate);
  if (loaded.model.root != nullptr && !loaded.transform_failed)
    RunChecks(loaded, body_options, inner);
  inner.SortByLocation();
  for (const Diagnostic& d : inner.diagnostics()) {
    if (d.severity != Severity::kError)
      continue;
    std::string where = d.range.begin.line == 0
                            ? std::string()
                            : " (TemplateBody line " + std::to_string(d.range.begin.line) + ":" +
                                  std::to_string(d.range.begin.column) + ")";
    diags.Report(DiagCode::kE9021, body.range(), Append(at, d.path),
                 "StackSet '" + r.logical_id + "' TemplateBody: " +
                     std::string(GetDiagCodeInfo(d.code).id) + " " + d.message + where);
  }
}

}  // namespace

void CheckStackSetTemplates(const LoadedTemplate& loaded, const CompileOptions& options,
                            DiagnosticSink& diags) {
  if (depth >= kMaxDepth)
    return;
  ++depth;
  for (const Resource& r : loaded.model.resources) {
    if (r.type != "AWS::CloudFormation::StackSet")
      continue;
    const auto* props = dyn_cast<MapNode>(r.properties);
    const auto* body =
        props != nullptr ? dyn_cast<StringNode>(props->Get("TemplateBody")) : nullptr;
    if (body != nullptr)
      CheckBody(r, *body, options, diags);
  }
  --depth;
}

}  // namespace cfnx
