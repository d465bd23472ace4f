// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The pipeline stages as plain functions, shared by the public Compiler and the CLI's
// subcommands: `LoadAndBuild` (load → transforms → model) and `RunChecks` (every validation
// pass). Internal to cfnx.

#ifndef CFNX_ENGINE_API_PIPELINE_H_
#define CFNX_ENGINE_API_PIPELINE_H_

#include <string>
#include <vector>

#include "cfnx/compiler.h"
#include "engine/ast/document.h"
#include "engine/ast/json_convert.h"
#include "engine/eval/evaluator.h"
#include "engine/model/template.h"
#include "transforms/transform.h"

namespace cfnx {

// A loaded template: its tree (after transforms: `document.root()` is the processed root) and
// typed model. `model.root` is nullptr when
// the file could not be parsed.
struct LoadedTemplate {
  FileId file = 0;
  size_t bytes = 0;  // size of the template body as read
  Document document;
  Template model;
  // True when a transform the template declares could not be expanded offline; checks that
  // need the expanded template are then skipped.
  bool unexpanded_transform = false;
  // True when one of those is a transform cfnx implements but declined for this template (a SAM
  // resource type it cannot expand yet): the resources are not what CloudFormation would
  // create, so checks that need the expanded template are skipped. Templates whose only
  // unexpanded transforms are macros (not registered) are checked as written, as cfn-lint does.
  bool declined_transform = false;
  // True when a transform reported an error; `model` is then empty.
  bool transform_failed = false;
  // Files spliced in by transforms (AWS::Include snippets) and where they were included from.
  std::vector<IncludedFile> included;
  // The template's name as given (a path, or "-" for stdin): nested stacks' local TemplateURLs
  // are resolved against its directory.
  std::string path;
};

// What a template is loaded for. kValidate lets the SAM transform stand in placeholder S3
// locations for local artifact paths (TransformOptions::placeholder_artifacts), as cfn-lint
// does; the other purposes process the template exactly as written. kTransformOnly stops after
// the transforms (`cfnx transform`: the processed template is the product; the model's
// structure checks belong to validate).
enum class LoadPurpose : uint8_t { kProcess, kValidate, kTransformOnly };

LoadedTemplate LoadAndBuild(SourceManager& sources, FileId file, const CompileOptions& options,
                            DiagnosticSink& diags, LoadPurpose purpose = LoadPurpose::kProcess);

// The processed template as `cfnx transform` prints it (ToJsonText of this): `loaded`'s tree
// after the transforms, without the Transform section unless one could not be expanded.
OrderedJson ProcessedTemplateJson(const LoadedTemplate& loaded);

void RunChecks(const LoadedTemplate& loaded, const CompileOptions& options, DiagnosticSink& diags);

// The evaluator options for a compile: region, account, stack, parameters, exports.
EvalOptions ToEvalOptions(const CompileOptions& options);

// Evaluates a loaded template (parameters, conditions, rules) and renders it (`cfnx render`).
OrderedJson RenderLoaded(const LoadedTemplate& loaded, const CompileOptions& options,
                         DiagnosticSink& diags);

ErrorOr<std::string> ReadWholeFile(const std::string& path);

// The directories files named by the template at `template_path` may be read from: its own
// directory tree, --include-root, --s3-root and the --include-map file's directory.
FileRoots TemplateFileRoots(const std::string& template_path, const CompileOptions& options);

}  // namespace cfnx

#endif  // CFNX_ENGINE_API_PIPELINE_H_
