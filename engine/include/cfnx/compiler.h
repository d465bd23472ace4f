// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// File: cfnx/compiler.h
//
// The entry point for embedding cfnx: a `Compiler` holds the options of one run (region,
// partition, account, stack name, parameter values) and the sources it has read, and runs the
// pipeline (load → transforms → model → checks) over a template.
//
//   cfnx::Compiler compiler({.region = "eu-west-1"});
//   cfnx::ErrorOr<cfnx::FileId> file = compiler.AddFile("template.yaml");
//   if (!file.ok()) { std::cerr << file.error().message << "\n"; return 1; }
//   cfnx::CompileResult result = compiler.Validate(*file);
//   for (const cfnx::Diagnostic& d : result.diagnostics) { ... }
//
// Problems in the template are diagnostics in the result, never exceptions; `ErrorOr` is for
// the environment (an unreadable file). A Compiler is not thread-safe; use one per thread.

#ifndef CFNX_ENGINE_INCLUDE_CFNX_COMPILER_H_
#define CFNX_ENGINE_INCLUDE_CFNX_COMPILER_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cfnx/check_options.h"
#include "cfnx/diagnostic.h"
#include "cfnx/error_or.h"
#include "cfnx/source.h"

namespace cfnx {

struct CompileOptions {
  std::string region = "us-east-1";
  std::string partition;  // "" = derived from the region
  std::string account_id = "123456789012";
  std::string stack_name = "cfnx-stack";
  // Parameter values given by the user (`--parameters K=V`, `--parameters-file`).
  std::map<std::string, std::string> parameters;
  // Offline locations for AWS::Include: s3://bucket/key -> <s3_root>/bucket/key.
  std::string s3_root;
  std::string include_map;
  // AWS::Include snippets that `--backend aws` packaging uploads: their s3:// URIs to the local
  // files they were read from, so the plan expands what CloudFormation will.
  std::map<std::string, std::string> include_files;
  // Directories besides the template's own tree from which files the template names may be
  // read (`--include-root`). AWS::Include locations, nested-stack TemplateURLs, SAM artifact
  // URIs and --include-map targets outside the template's directory, these, `s3_root` and the
  // include map's directory are refused, `..` and symlinks included.
  std::vector<std::string> include_roots;
  // SAM: managed policy name -> ARN map, and offline Serverless Application Repository answers.
  std::string managed_policies;
  std::string sar_mock;
  // Template macros run offline (`--macro NAME=COMMAND`): a name in the Transform section or an
  // Fn::Transform Name -> the local command that plays the macro's Lambda function (the macro
  // event on stdin, the response on stdout; see transforms/macros/macro.h).
  std::map<std::string, std::string> macros;
  // Exports of other stacks for Fn::ImportValue (`--exports`); nullopt = known after deploy.
  std::optional<std::map<std::string, std::string>> exports;
  // Which findings `Validate` reports and for which regions (cfn-lint's configuration; see
  // cfnx/check_options.h): `checks` from the command line wins over the template's own
  // `Metadata: cfn-lint: config`, which wins over `checks_from_file` (.cfnlintrc).
  CheckOptions checks;
  CheckOptions checks_from_file;
};

struct CompileResult {
  std::vector<Diagnostic> diagnostics;  // sorted by file, line, column
  bool has_errors() const;
  // cfn-lint's exit bitmask: 2 errors, 4 warnings, 8 informational.
  int exit_code() const { return ExitCodeFor(diagnostics); }
};

class Compiler {
 public:
  explicit Compiler(CompileOptions options = {});
  ~Compiler();
  Compiler(const Compiler&) = delete;
  Compiler& operator=(const Compiler&) = delete;

  // Reads the file at `path` (as the user spelled it) into this compiler's sources.
  ErrorOr<FileId> AddFile(const std::string& path);
  // Adds an in-memory template.
  FileId AddSource(std::string name, std::string text);

  // Runs every check on the template in `file`, once per region of `options().checks` (merged),
  // and reports the findings the check options select.
  CompileResult Validate(FileId file);

  // Applies the template's transforms and returns the processed template as JSON text
  // (nothing else evaluated); `json` is empty when the template could not be processed.
  struct TransformOutput {
    std::string json;
    CompileResult result;
  };
  TransformOutput TransformTemplate(FileId file);

  // `cfnx render`: the processed template with parameters and conditions applied and every
  // function that can be evaluated replaced by its value (the rest stay functions), as JSON
  // text. Parameters come from the options (values, else defaults; a missing one is an
  // error). `json` is empty when the template could not be parsed or its transforms failed.
  TransformOutput Render(FileId file);

  const CompileOptions& options() const;
  const SourceManager& sources() const;
  SourceManager& mutable_sources();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Reads a parameters file in either shape AWS uses: the CLI's
// `[{"ParameterKey": "K", "ParameterValue": "V"}, ...]` or a deployment file's
// `{"Parameters": {"K": "V", ...}}`. Values that are lists are joined with commas.
ErrorOr<std::map<std::string, std::string>> ReadParametersFile(const std::string& path);

// Reads an exports snapshot: `aws cloudformation list-exports` output
// (`{"Exports": [{"Name": ..., "Value": ...}, ...]}`) or a plain `{"Name": "Value", ...}` map.
ErrorOr<std::map<std::string, std::string>> ReadExportsFile(const std::string& path);

}  // namespace cfnx

#endif  // CFNX_ENGINE_INCLUDE_CFNX_COMPILER_H_
