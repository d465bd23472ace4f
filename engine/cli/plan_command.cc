// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `cfnx plan TEMPLATE --stack NAME [--state PATH] [--format text|json] [-o PLAN]
//            [--detailed-exitcode] [--capabilities C ...] [--on-failure MODE]
//            [--resources-to-import FILE] [--stack-policy-during-update FILE]
//            [--ssm-parameters FILE]`
// Predicts, offline, the change set a deployment would make, its order, rollback plan and the
// failures the diff alone decides. `--state` reads a stack state JSON file
// (cfnx/stack_state.h) or a local backend database; without it the local backend's database
// ($CFNX_STATE or .cfnx/state.db) when there is one, else the stack is new. The result goes to
// stdout (text, or DescribeChangeSet-shaped JSON with the plan's other sections); `-o PLAN` also
// saves the plan as JSON with the state's fingerprint and that of the processed template,
// parameter values and --on-failure (InputsFingerprint), which `cfnx deploy --plan` checks.
// `--resources-to-import FILE` plans an IMPORT change set: FILE is CreateChangeSet's
// ResourcesToImport as the AWS CLI takes it
// ([{"ResourceType", "LogicalResourceId", "ResourceIdentifier": {...}}, ...]). Exit: 1 could not
// run or the template/forecast has errors; with --detailed-exitcode 0 no changes and 2 changes,
// otherwise 0.

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <unistd.h>

#include "cfnx/planner.h"
#include "engine/api/local_backend.h"
#include "engine/api/pipeline.h"
#include "engine/api/planning.h"
#include "engine/ast/json_convert.h"
#include "engine/cli/aws_flags.h"
#include "engine/cli/command.h"
#include "engine/cli/resources_to_import.h"
#include "engine/cli/stack_input_files.h"

namespace cfnx {
Command AddPlanCommand(CLI::App& app) {
  struct Flags {
    CommonFlags common;
    std::string template_path;
    std::string stack;
    std::string backend = DefaultBackend();
    AwsFlags aws;
    std::string state;
    std::string format = "text";
    std::string output;
    std::string on_failure = "ROLLBACK";
    std::vector<std::string> capabilities;
    std::string resources_to_import;
    std::string stack_policy_during_update;
    std::string ssm_parameters;
    bool detailed_exitcode = false;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* sub = app.add_subcommand("plan", "Predict the change set, order and rollback plan");
  AddCommonFlags(sub, &flags->common);
  sub->add_option("--stack", flags->stack, "stack name")->required();
  sub->add_option("--backend", flags->backend,
                  "where the stack state lives: local or aws (also $CFNX_BACKEND)")
      ->check(CLI::IsMember({"local", "aws"}));
  AddAwsFlags(sub, &flags->aws);
  sub->add_option("--s3-bucket", flags->aws.s3_bucket,
                  "aws backend: bucket the template's local artifacts are packaged for");
  sub->add_option("--s3-prefix", flags->aws.s3_prefix, "aws backend: key prefix in --s3-bucket");
  sub->add_option("--state", flags->state,
                  "stack state JSON file (cfnx/stack_state.h) or local backend database");
  sub->add_option("--format", flags->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  sub->add_option("-o,--output", flags->output, "save the plan (JSON) here");
  sub->add_option("--on-failure", flags->on_failure, "ROLLBACK, DELETE or DO_NOTHING")
      ->check(CLI::IsMember({"ROLLBACK", "DELETE", "DO_NOTHING"}));
  sub->add_option("--capabilities", flags->capabilities, "capabilities acknowledged");
  sub->add_option("--resources-to-import", flags->resources_to_import,
                  "plan an IMPORT: a JSON file of ResourcesToImport (as the AWS CLI takes it)");
  AddStackInputFlags(sub, &flags->stack_policy_during_update, &flags->ssm_parameters);
  sub->add_flag("--detailed-exitcode", flags->detailed_exitcode,
                "exit 0 when there are no changes, 2 when there are");
  sub->add_option("template", flags->template_path, "template file")->required();

  auto run = [flags, sub]() -> int {
    flags->common.stack_name = flags->stack;
    ErrorOr<CompileOptions> options = MakeCompileOptions(flags->common);
    if (!options.ok()) {
      return CouldNotRun(options.error().message);
    }
    StackState state;
    state.stack_name = flags->stack;
    std::unique_ptr<AwsBackend> aws;
    if (flags->backend == "aws") {
      if (!flags->state.empty()) {
        return CouldNotRun(
            "--state reads a saved or local state; --backend aws reads the live "
            "stack from CloudFormation");
      }
      ErrorOr<AwsStackForPlan> live = ReadAwsStackForPlan(
          sub, flags->aws, ExplicitRegion(sub, flags->common.region), flags->stack, *options);
      if (!live.ok()) {
        return CouldNotRun(live.error().message);
      }
      state = std::move(live->state);
      aws = std::move(live->backend);
    }
    // --state names a stack state JSON file or a local backend database; without it the
    // local backend's database ($CFNX_STATE or .cfnx/state.db) is read when it exists.
    std::string state_path = flags->backend == "aws" ? "" : flags->state;
    if (state_path.empty() && flags->backend == "local") {
      state_path = StateStore::DefaultPath();
      if (!std::filesystem::exists(state_path)) {
        state_path.clear();  // nothing deployed here yet: the stack is new
      }
    } else if (!state_path.empty() && !std::filesystem::exists(state_path) &&
               sub->count("--backend") > 0) {
      state_path.clear();  // --backend local --state NEW.db: nothing deployed there yet
    }
    // A local database is opened once: for the stack's state and for its nested stacks'.
    std::unique_ptr<LocalBackend> local;
    if (!state_path.empty() && IsSqliteFile(state_path)) {
      LocalBackendOptions backend_options;
      backend_options.state_path = state_path;
      ErrorOr<std::unique_ptr<LocalBackend>> opened = LocalBackend::Open(backend_options);
      if (!opened.ok()) {
        return CouldNotRun(opened.error().message);
      }
      local = std::move(*opened);
    }
    if (!state_path.empty()) {
      ErrorOr<StackState> read =
          local ? local->DescribeStack(flags->stack) : ReadStackState(state_path, flags->stack);
      if (!read.ok()) {
        return CouldNotRun(read.error().message);
      }
      state = std::move(*read);
    }
    PlanOptions plan_options;
    plan_options.capabilities = flags->capabilities;
    if (!flags->stack_policy_during_update.empty()) {
      std::optional<OrderedJson> policy = ReadStackPolicyFile(
          "--stack-policy-during-update", flags->stack_policy_during_update, flags->common);
      if (!policy) {
        return kExitCouldNotRun;
      }
      plan_options.stack_policy_during_update = std::move(*policy);
    }
    if (!flags->ssm_parameters.empty()) {
      ErrorOr<std::map<std::string, std::string>> ssm =
          ReadSsmParametersFile(flags->ssm_parameters);
      if (!ssm.ok()) {
        return CouldNotRun(ssm.error().message);
      }
      plan_options.ssm_parameters = std::move(*ssm);
    }
    if (local) {
      plan_options.nested_state = [&local](const std::string& name) {
        ErrorOr<StackState> child = local->DescribeStack(name);
        return child.ok() ? std::move(*child) : StackState{};
      };
    }
    Parse(flags->on_failure, &plan_options.on_failure);
    if (!flags->resources_to_import.empty()) {
      ErrorOr<std::map<std::string, std::map<std::string, std::string>>> imports =
          ReadResourcesToImport(flags->resources_to_import);
      if (!imports.ok()) {
        return CouldNotRun(imports.error().message);
      }
      plan_options.resources_to_import = std::move(*imports);
    }
    std::optional<std::string> packaged_text;
    if (aws) {
      // Local artifacts packaged as `cfnx deploy --backend aws` will (nothing is uploaded), so
      // the plan shows their S3 locations and a plan saved with -o is the one deploy makes.
      ErrorOr<std::string> text = ReadWholeFile(flags->template_path);
      if (!text.ok()) {
        return CouldNotRun(text.error().message);
      }
      ErrorOr<PackagedTemplate> packaged = PackageForAws(
          *aws, flags->template_path, std::move(*text), *options, flags->aws, flags->common);
      if (!packaged.ok()) {
        return packaged.error().message.empty() ? kExitCouldNotRun
                                                : CouldNotRun(packaged.error().message);
      }
      options->include_files = packaged->include_files;
      packaged_text = std::move(packaged->text);
    }
    Compiler compiler(*options);
    ErrorOr<FileId> file =
        packaged_text
            ? ErrorOr<FileId>(compiler.AddSource(flags->template_path, std::move(*packaged_text)))
            : compiler.AddFile(flags->template_path);
    if (!file.ok()) {
      return CouldNotRun(file.error().message);
    }
    if (aws) {
      // SSM parameter types resolve through SSM, as CloudFormation resolves them, unless
      // --ssm-parameters gave the values.
      Status resolved = ResolveSsmParameters(
          compiler.sources(), *file, compiler.options(), state,
          [&aws](const std::vector<std::string>& names) { return aws->GetSsmParameters(names); },
          plan_options);
      if (!resolved.ok()) {
        return CouldNotRun(resolved.error().message);
      }
    }
    PlanOutput out = PlanStack(compiler, *file, state, plan_options);
    PrintDiagnostics(out.result.diagnostics, compiler.sources(), flags->common);
    const std::optional<Plan>& plan = out.plan;
    if (!plan) {
      return kExitCouldNotRun;
    }
    std::string json = ToJsonText(PlanToJson(*plan));
    if (flags->format == "json") {
      std::cout << json;
    } else {
      std::cout << RenderPlanText(*plan, UseColor(STDOUT_FILENO));
    }
    if (!flags->output.empty()) {
      std::ofstream out(flags->output, std::ios::binary);
      out << json;
      if (!out) {
        return CouldNotRun("cannot write '" + flags->output + "'");
      }
    }
    for (const Diagnostic& d : plan->forecast) {
      if (d.severity == Severity::kError) {
        return kExitCouldNotRun;
      }
    }
    if (flags->detailed_exitcode) {
      return plan->has_changes() ? 2 : 0;
    }
    return 0;
  };
  return Command{sub, run};
}

}  // namespace cfnx
