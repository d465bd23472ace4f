// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The graph and plan stages wired to the rest of cfnx: load a template through the pipeline
// (transforms applied), build its dependency graph, or plan it against a stack state with the
// process's resource registry as the source of replacement facts. Shared by `cfnx graph`,
// `cfnx plan`, the golden tests and the deploy command. Internal to cfnx: the public entry
// points are cfnx/graph.h and cfnx/planner.h, implemented here over these.

#ifndef CFNX_ENGINE_API_PLANNING_H_
#define CFNX_ENGINE_API_PLANNING_H_

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cfnx/compiler.h"
#include "cfnx/error_or.h"
#include "cfnx/graph.h"
#include "cfnx/plan.h"
#include "cfnx/planner.h"
#include "cfnx/stack_state.h"
#include "engine/plan/planner.h"

namespace cfnx {

// Whether `path` is an SQLite database (its 16-byte header): a local backend's state rather
// than a stack state JSON file.
bool IsSqliteFile(const std::string& path);

// SchemaFacts over the process's resource type registry (engine/api/schema_registry.h).
const SchemaFacts& DefaultSchemaFacts();

// Loads `file` and renders its dependency graph in `format` ("dot", "json", "mermaid").
// nullopt when the template could not be loaded; problems (cycles) go to `diags`.
std::optional<std::string> GraphTemplate(SourceManager& sources, FileId file,
                                         const CompileOptions& options, std::string_view format,
                                         DiagnosticSink& diags);

// The options to load `file` with for a deployment over `state`: the parameter values `options`
// gives and, for each parameter the template declares that was not given, its value in the
// deployed stack, as `aws cloudformation deploy` does (the Default applies to the rest).
// CloudFormation expands the transforms with these values (AWS::LanguageExtensions'
// Fn::FindInMap keyed by a parameter, Fn::ForEach over a list parameter, SAM), so `cfnx plan`
// and `cfnx deploy` both load the template with them: deploy executes what plan predicted.
CompileOptions WithDeployedParameters(const SourceManager& sources, FileId file,
                                      const CompileOptions& options, const StackState& state);

// The SSM parameter names the template's SSM parameter types (AWS::SSM::Parameter::Value<...>)
// hold for a deployment over `state`: given values, else deployed ones, else Defaults; each once,
// in declaration order. The AWS backend resolves them through SSM for the plan.
std::vector<std::string> SsmParameterNames(const SourceManager& sources, FileId file,
                                           const CompileOptions& options, const StackState& state);

// Sets `plan_options.ssm_parameters` to what `fetch` (the AWS backend's SSM GetParameters)
// answers for SsmParameterNames, unless the template has none or the values were given
// (--ssm-parameters). An Error when `fetch` fails.
using SsmFetcher = std::function<ErrorOr<std::map<std::string, std::string>>(
    const std::vector<std::string>& names)>;
Status ResolveSsmParameters(const SourceManager& sources, FileId file,
                            const CompileOptions& options, const StackState& state,
                            const SsmFetcher& fetch, PlanOptions& plan_options);

// What `cfnx deploy` executes a plan with, besides the stack state: a saved plan records their
// fingerprint (Plan::inputs_fingerprint) and `cfnx deploy --plan` refuses it when they changed
// since, as the executor takes resource properties from the template it is given.
struct DeployInputs {
  std::string processed_template;  // ToJsonText(ProcessedTemplateJson(...)), as `cfnx transform`
  std::map<std::string, std::string> parameters;  // given, else deployed (WithDeployedParameters)
  std::string stack_name;
  std::string region;
  std::string account_id;
  std::string partition;   // effective: "aws", "aws-cn", ...
  std::string on_failure;  // ROLLBACK, DELETE or DO_NOTHING
};

// A stable 16-hex-digit fingerprint of `inputs` (FNV-1a, as StackStateFingerprint): over the JSON
// text of everything but the template, a newline, then the processed template's text.
std::string DeployInputsFingerprint(const DeployInputs& inputs);

// Loads `file` and plans it against `state`. `plan_options` stack/region/account/parameters are
// taken from `options`. nullopt when the template could not be loaded or has errors that make
// a plan meaningless (parse errors, failed transforms, parameters without values). The plan's
// inputs_fingerprint covers the processed template, those parameters and plan_options.on_failure.
std::optional<Plan> PlanTemplate(SourceManager& sources, FileId file, const CompileOptions& options,
                                 const StackState& state, PlanOptions plan_options,
                                 DiagnosticSink& diags);

// Reads a stack state JSON file (cfnx/stack_state.h).
ErrorOr<StackState> ReadStackStateFile(const std::string& path);

}  // namespace cfnx

#endif  // CFNX_ENGINE_API_PLANNING_H_
