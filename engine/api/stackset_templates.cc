// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/api/stackset_templates.h"

#include <string>
#include <string_view>

namespace cfnx {
namespace {

// A StackSet's body may itself declare StackSets; bound the depth. A body is loaded under the
// name "<parent>:<LogicalId>.TemplateBody", so its depth is in its name (no global state: the
// library runs validations on several threads at once).
constexpr size_t kMaxDepth = 3;
constexpr std::string_view kBodySuffix = ".TemplateBody";

size_t Depth(const std::string& path) {
  size_t n = 0;
  for (size_t at = path.find(kBodySuffix); at != std::string::npos;
       at = path.find(kBodySuffix, at + 1))
    ++n;
  return n;
}

TemplatePath Append(TemplatePath base, const TemplatePath& inner) {
  for (const std::string& s : inner.segments())
    base = base.Child(s);
  return base;
}

void CheckBody(const std::string& parent, const Resource& r, const StringNode& body,
               const CompileOptions& options, DiagnosticSink& diags) {
  TemplatePath at{"Resources", r.logical_id, "Properties", "TemplateBody"};
  SourceManager sources;
  FileId file =
      sources.AddFile(parent + ":" + r.logical_id + std::string(kBodySuffix), body.value());
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
  if (Depth(loaded.path) >= kMaxDepth)
    return;
  for (const Resource& r : loaded.model.resources) {
    if (r.type != "AWS::CloudFormation::StackSet")
      continue;
    const auto* props = dyn_cast<MapNode>(r.properties);
    const auto* body =
        props != nullptr ? dyn_cast<StringNode>(props->Get("TemplateBody")) : nullptr;
    if (body != nullptr)
      CheckBody(loaded.path, r, *body, options, diags);
  }
}

}  // namespace cfnx
