// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `cfnx deploy TEMPLATE --stack NAME --backend aws [--profile P] [--region R]
//              [--endpoint-url URL] [--capabilities C ...] [--s3-bucket B [--s3-prefix P]]
//              [--role-arn ARN] [--tags K=V ...] [--notification-arns ARN ...]
//              [--on-failure MODE] [--plan PLAN | --require-plan-match]
//              [--resources-to-import FILE] [--yes] [--debug]`
// The deploy command's AWS half: reads the live stack, checks and expands the template exactly
// as `cfnx plan --backend aws` does (transforms are expanded by cfnx, and the processed template
// is what CloudFormation receives), shows the plan, then has CloudFormation carry it out through
// a change set (engine/backend/aws/change_set_runner.h) and prints the differences between the
// change set and the plan, the stack events, the outputs and a summary. With --plan (made by
// `cfnx plan --backend aws -o`) or --require-plan-match a difference refuses to execute and
// deletes the change set. Parameters not given keep their deployed values (UsePreviousValue).
// Exit: 0 deployed or no changes, 1 could not run or refused, 2 the template has errors or the
// deployment failed (rolled back).

#include <iostream>
#include <memory>
#include <set>
#include <unistd.h>

#include "engine/api/pipeline.h"
#include "engine/api/planning.h"
#include "engine/cli/backend_flags.h"
#include "engine/cli/deploy_template.h"
#include "engine/cli/resources_to_import.h"
#include "engine/plan/planner.h"

namespace cfnx {

int RunAwsDeploy(const AwsDeployCommand& c) {
  CommonFlags common = c.common;
  common.stack_name = c.stack;
  ErrorOr<CompileOptions> options = MakeCompileOptions(common);
  if (!options.ok())
    return CouldNotRun(options.error().message);
  std::map<std::string, std::string> given = options->parameters;
  ErrorOr<std::string> text = ReadWholeFile(c.template_path);
  if (!text.ok())
    return CouldNotRun(text.error().message);
  ErrorOr<AwsStackForPlan> live =
      ReadAwsStackForPlan(c.app, c.aws, ExplicitRegion(c.app, c.common.region), c.stack, *options);
  if (!live.ok())
    return CouldNotRun(live.error().message);
  const StackState& state = live->state;

  // Local artifacts (CodeUri: ./src, nested templates) packaged as `sam package` does; they
  // are uploaded only once the plan is accepted.
  ErrorOr<PackagedTemplate> packaged =
      PackageForAws(*live->backend, c.template_path, std::move(*text), *options, c.aws, common);
  if (!packaged.ok()) {
    if (!packaged.error().message.empty())
      return CouldNotRun(packaged.error().message);
    return kExitDeployFailed;
  }
  options->include_files = packaged->include_files;  // the plan reads the uploaded snippets

  // Checked and expanded with the deployed parameter values, as `cfnx plan` does.
  std::variant<DeployTemplate, int> prepared =
      PrepareDeployTemplate(c.template_path, std::move(packaged->text), *options, state, common);
  if (const int* exit_code = std::get_if<int>(&prepared))
    return *exit_code;
  DeployTemplate& processed = std::get<DeployTemplate>(prepared);
  Compiler& compiler = *processed.compiler;
  FileId file = processed.file;
  const OrderedJson& template_json = processed.json;

  PlanOptions plan_options;
  plan_options.capabilities = c.aws.capabilities;
  std::vector<ResourceToImport> imports;
  if (!c.resources_to_import.empty()) {
    ErrorOr<std::map<std::string, std::map<std::string, std::string>>> read =
        ReadResourcesToImport(c.resources_to_import);
    if (!read.ok())
      return CouldNotRun(read.error().message);
    for (const auto& [logical_id, identifier] : *read) {
      const OrderedJson* type = nullptr;
      if (template_json.contains("Resources") && template_json["Resources"].is_object() &&
          template_json["Resources"].contains(logical_id) &&
          template_json["Resources"][logical_id].is_object() &&
          template_json["Resources"][logical_id].contains("Type"))
        type = &template_json["Resources"][logical_id]["Type"];
      if (type == nullptr || !type->is_string())
        return CouldNotRun("--resources-to-import " + c.resources_to_import + ": '" + logical_id +
                           "' is not a resource of the template");
      imports.push_back({type->get<std::string>(), logical_id, identifier});
    }
    plan_options.resources_to_import = std::move(*read);
  }
  Parse(c.on_failure, &plan_options.on_failure);
  // SSM parameter types: the plan shows the values CloudFormation will resolve from SSM.
  Status resolved = ResolveSsmParameters(
      compiler.sources(), file, *options, state,
      [&live](const std::vector<std::string>& names) {
        return live->backend->GetSsmParameters(names);
      },
      plan_options);
  if (!resolved.ok())
    return CouldNotRun(resolved.error().message);
  DiagnosticCollector diags;
  std::optional<Plan> plan =
      PlanTemplate(compiler.mutable_sources(), file, *options, state, plan_options, diags);
  diags.SortByLocation();
  PrintDiagnostics(diags.diagnostics(), compiler.sources(), common);
  if (!plan)
    return kExitDeployFailed;
  for (const Diagnostic& d : plan->forecast) {
    if (d.severity == Severity::kError) {
      std::cerr << "cfnx: the plan forecasts a failure; nothing was deployed\n";
      return kExitDeployFailed;
    }
  }
  bool require_match = c.aws.require_plan_match;
  if (!c.plan.empty()) {
    // The saved plan must be the one made now: same template, parameters and live state.
    ErrorOr<std::string> saved_text = ReadWholeFile(c.plan);
    if (!saved_text.ok())
      return CouldNotRun(saved_text.error().message);
    OrderedJson json = OrderedJson::parse(*saved_text, nullptr, false);
    ErrorOr<Plan> saved =
        json.is_discarded() ? ErrorOr<Plan>(Error{"not JSON"}) : PlanFromJson(json);
    if (!saved.ok())
      return CouldNotRun(c.plan + ": " + saved.error().message);
    if (saved->inputs_fingerprint != plan->inputs_fingerprint)
      return CouldNotRun(c.plan + ": the template or parameter values (or --region, " +
                         "--on-failure) changed since the plan was made (inputs fingerprint " +
                         saved->inputs_fingerprint + ", now " + plan->inputs_fingerprint +
                         "); nothing was deployed: run `cfnx plan` again and review it");
    if (saved->state_fingerprint != plan->state_fingerprint)
      return CouldNotRun(c.plan + ": stack '" + c.stack + "' changed since the plan was made " +
                         "(state fingerprint " + saved->state_fingerprint + ", now " +
                         plan->state_fingerprint + "); nothing was deployed");
    require_match = true;
  }
  std::cout << "Deploying " << c.template_path << " to stack '" << c.stack << "' ("
            << processed.resources << " resources; CloudFormation in " << live->backend->region()
            << ")\n";
  std::cout << RenderPlanText(*plan, isatty(STDOUT_FILENO) != 0) << "\n";

  AwsDeployRequest request;
  request.stack_name = c.stack;
  request.template_body = processed.processed;
  request.artifacts = std::move(packaged->artifacts);
  request.resources_to_import = std::move(imports);
  std::set<std::string> declared;
  if (template_json.contains("Parameters") && template_json["Parameters"].is_object()) {
    for (auto it = template_json["Parameters"].begin(); it != template_json["Parameters"].end();
         ++it) {
      declared.insert(it.key());
    }
  }
  for (const auto& [key, value] : given) {
    if (declared.count(key) != 0) {
      request.parameters[key] = value;
    }
  }
  // Not given: the deployed value, as `aws cloudformation deploy` does (CloudFormation would
  // otherwise fall back to the Default).
  for (const StackParameter& p : state.parameters) {
    if (declared.count(p.key) != 0 && given.count(p.key) == 0 && state.exists()) {
      request.use_previous.push_back(p.key);
    }
  }
  request.capabilities = c.aws.capabilities;
  request.role_arn = c.aws.role_arn;
  ErrorOr<std::vector<std::pair<std::string, std::string>>> tags = ParseTags(c.aws.tags);
  if (!tags.ok())
    return CouldNotRun(tags.error().message);
  request.tags = std::move(*tags);
  request.notification_arns = c.aws.notification_arns;
  request.on_failure = c.on_failure;
  request.s3_bucket = c.aws.s3_bucket;
  request.s3_prefix = c.aws.s3_prefix;
  request.plan = &*plan;
  request.require_plan_match = require_match;
  bool yes = c.yes;
  auto refusal = std::make_shared<std::string>();
  request.confirm = [yes, refusal]() {
    ErrorOr<bool> go = Confirm("Execute the change set?", yes, "deploy");
    if (!go.ok()) {
      *refusal = go.error().message;
      return false;
    }
    return *go;
  };

  AwsEventPrinter printer;
  ErrorOr<AwsDeployResult> result = live->backend->Deploy(request, printer);
  if (!result.ok())
    return CouldNotRun(result.error().message);
  if (result->refused) {
    return CouldNotRun(
        "the change set differs from the plan" +
        std::string(c.plan.empty() ? " and --require-plan-match is set" : " saved in " + c.plan) +
        "; it was deleted and nothing was deployed");
  }
  if (result->status == "CANCELLED") {
    if (!refusal->empty())
      return CouldNotRun(*refusal + " (the change set was deleted)");
    if (printer.StopRequested()) {
      std::cout << "Interrupted before executing: the change set was deleted and nothing was "
                   "deployed.\n";
      return kExitInterrupted;
    }
    std::cout << "Cancelled.\n";
    return 0;
  }
  return FinishAwsOperation(c.stack, *result, kExitDeployFailed);
}

}  // namespace cfnx
