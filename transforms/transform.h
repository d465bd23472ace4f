// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Template transforms: document → document rewrites that run before the model is built
// (jsonnet's desugaring). A `Transform` is registered under the name a template's Transform
// section uses ("AWS::Serverless-2016-10-31", "AWS::LanguageExtensions", "AWS::Include");
// `ExpandTransforms` applies the ones a template declares, in CloudFormation's order.
//
// Transforms build new nodes in `TransformContext::doc` and set each generated node's origin
// to the user's node it came from, so diagnostics on generated output point at the user's line.
// A transform never throws: it reports to `ctx.diags` and returns nullptr when it fails.

#ifndef CFNX_TRANSFORMS_TRANSFORM_H_
#define CFNX_TRANSFORMS_TRANSFORM_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cfnx/diagnostic.h"
#include "cfnx/source.h"
#include "engine/ast/document.h"
#include "engine/source/file_roots.h"

namespace cfnx {

struct TransformOptions {
  std::string region = "us-east-1";
  std::string partition;  // "" = derived from the region
  std::string account_id = "123456789012";
  std::string stack_name = "cfnx-stack";
  std::map<std::string, std::string> parameters;  // values given by the user
  std::string s3_root;                            // AWS::Include: s3://b/k -> <s3_root>/b/k
  std::string include_map;                        // AWS::Include: JSON {"s3://b/k": "local/path"}
  std::map<std::string, std::string> include_files;  // AWS::Include: s3://b/k -> packaged file
  // Where files the template names (AWS::Include locations, --include-map targets, SAM
  // CodeUri/DefinitionUri/SchemaUri) may be read from: the template's directory tree and the
  // directories the user named. Empty = no file may be read.
  FileRoots file_roots;
  std::string managed_policies;  // SAM: managed policy name -> ARN map (JSON file)
  std::string sar_mock;          // SAM: offline Serverless Application Repository answers
  // SAM, for validation only: local artifact paths (`CodeUri: ./src`) are translated as if
  // `sam package` had uploaded them, as cfn-lint and `sam validate` do. `cfnx transform` keeps
  // this off: its output must not contain invented S3 locations.
  bool placeholder_artifacts = false;
  // Template macros cfnx runs offline: name -> local command (`--macro NAME=COMMAND`), each run
  // for at most `macro_timeout_seconds` (transforms/macros/macro.h).
  std::map<std::string, std::string> macros;
  int macro_timeout_seconds = 60;
};

// A file a transform spliced into the template (an AWS::Include snippet) and where it was
// included from, so later passes can add an "included from here" note to its diagnostics.
struct IncludedFile {
  FileId file = 0;
  SourceRange site;  // the include's Location
};

struct TransformContext {
  SourceManager& sources;  // transforms may read more files (AWS::Include snippets)
  const TransformOptions& options;
  DiagnosticSink& diags;
  Document& doc;  // where new nodes go; lives as long as the processed template
  std::vector<IncludedFile> included = {};  // filled by transforms that read more files
  // Set by a transform that cannot expand this template offline (a feature cfnx does not
  // implement yet, a value only known at deploy time); it returns the root unchanged and
  // ExpandTransforms treats it like an unregistered transform (I5000, checks skipped).
  std::string declined = {};
};

class Transform {
 public:
  virtual ~Transform() = default;
  virtual std::string_view name() const = 0;
  // Rewrites the whole template `root` and returns the processed root, or nullptr after
  // reporting why it could not.
  virtual const Node* Apply(const MapNode& root, TransformContext& ctx) const = 0;
  // True when the template uses this transform without declaring it in the Transform section
  // (AWS::Include through `Fn::Transform`). CloudFormation processes such snippet-level
  // transforms before the Transform section's, so ExpandTransforms applies them first.
  virtual bool AppliesWithoutDeclaration(const MapNode& /*root*/) const { return false; }
};

class TransformRegistry {
 public:
  void Register(std::unique_ptr<Transform> transform);
  const Transform* Find(std::string_view name) const;
  std::vector<std::string_view> Names() const;

 private:
  std::vector<std::unique_ptr<Transform>> transforms_;
};

// Registers every transform cfnx implements (transforms/register.cc).
void RegisterBuiltinTransforms(TransformRegistry& registry);

struct ExpandResult {
  const Node* root = nullptr;  // the processed template (the input root when nothing applied)
  bool failed = false;         // a transform reported an error
  // Transforms the template names that are not registered (custom macros): left unexpanded.
  std::vector<std::string> unexpanded;
};

// Applies the transforms `root`'s Transform section declares, in the order CloudFormation
// runs them, and removes the Transform section from the result once all of them applied.
ExpandResult ExpandTransforms(const Node* root, const TransformRegistry& registry,
                              TransformContext& ctx);

}  // namespace cfnx

#endif  // CFNX_TRANSFORMS_TRANSFORM_H_
