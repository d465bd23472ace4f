// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The templates of a template's nested stacks, loaded for planning and deploying them as
// stacks of their own. An AWS::CloudFormation::Stack resource whose TemplateURL is a local path
// (relative to the template naming it) or an s3:// URL (read from --s3-root DIR as
// DIR/bucket/key, as AWS::Include locations are) has its template read, expanded (transforms)
// and checked exactly as `cfnx validate` checks a template, recursively. Files are read only
// inside the directories FileRoots allows (the root template's directory tree, --include-root,
// --s3-root): a `..` or symlink escape is E5002. Other TemplateURLs (https://, or computed with
// intrinsic functions) are left alone: such a nested stack stays one simulated resource.
//
// Every problem is a diagnostic: a missing or unreadable file, an s3:// URL without --s3-root,
// a template that nests itself or nests more than kMaxNestedDepth levels, or a child with
// errors (E9018 at the TemplateURL; the child's own diagnostics point into the child's file).
//
//   OrderedJson nested = LoadNestedTemplates(sources, loaded, options, diags);
//   // {"Child": {"TemplateURL": "child.yaml", "File": "/abs/child.yaml",
//   //            "Template": {...processed...}, "Nested": {...same shape...}}}
//
// Internal to cfnx (engine/api).

#ifndef CFNX_ENGINE_API_NESTED_TEMPLATES_H_
#define CFNX_ENGINE_API_NESTED_TEMPLATES_H_

#include <string>

#include "cfnx/compiler.h"
#include "engine/api/pipeline.h"

namespace cfnx {

// CloudFormation allows nested stacks inside nested stacks; cfnx follows a chain this deep at
// most (the depth `cfnx deploy --backend aws` packages too).
inline constexpr int kMaxNestedDepth = 8;

// The nested templates of `loaded` (a template loaded by LoadAndBuild from `sources`), in the
// shape above; children are added to `sources` so their diagnostics render with their lines.
OrderedJson LoadNestedTemplates(SourceManager& sources, const LoadedTemplate& loaded,
                                const CompileOptions& options, DiagnosticSink& diags);

// `processed` (a processed template's JSON text) followed by the nested templates, the text
// DeployInputs::processed_template fingerprints: a changed child template changes it too.
std::string WithNestedTemplates(std::string processed, const OrderedJson& nested);

}  // namespace cfnx

#endif  // CFNX_ENGINE_API_NESTED_TEMPLATES_H_
