// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `cfnx deploy TEMPLATE --stack NAME [--backend local|aws] [--state PATH] [--yes]
//              [--on-failure ROLLBACK|DELETE|DO_NOTHING] [--parallel N] [--lock-timeout S]
//              [--fail LOGICALID[:create|update|delete]] [--fail-file F]
//              [--enable-termination-protection] [--stack-policy FILE]
//              [--stack-policy-during-update FILE] [--ssm-parameters FILE]
//              [--handler TYPE_OR_LOGICALID=COMMAND ...]`
// Validates the template, plans it against the stored stack (or reads `--plan`, made by
// `cfnx plan -o` against the same state), shows the plan, then executes exactly that plan on the
// local backend, printing one line per stack event and ending with the outputs and a summary.
// Finishes (rolls back) an operation a killed cfnx left behind before starting. Exit: 0 deployed
// (or no changes), 1 could not run, 2 the template has errors or the deployment failed and was
// rolled back. A saved plan is refused (exit 1, nothing deployed) when the stack changed since it
// was made, or when the processed template, the parameter values, the stack, region, account,
// partition or --on-failure are not the ones it was made from (Plan::inputs_fingerprint).
// Parameters not given keep the stack's deployed values, also where the transforms
// expand the template (WithDeployedParameters), so deploy executes what `cfnx plan` shows.
// `--backend aws` (or CFNX_BACKEND=aws) deploys through CloudFormation: deploy_aws_command.cc.

#include <iostream>
#include <unistd.h>

#include "engine/api/nested_templates.h"
#include "engine/api/pipeline.h"
#include "engine/api/planning.h"
#include "engine/cli/backend_flags.h"
#include "engine/cli/deploy_template.h"
#include "engine/cli/stack_input_files.h"
#include "engine/plan/planner.h"

namespace cfnx {

Command AddDeployCommand(CLI::App& app) {
  struct Flags {
    CommonFlags common;
    BackendFlags backend;
    std::string template_path;
    std::string stack;
    std::string plan;
    bool yes = false;
    std::string on_failure = "ROLLBACK";
    int parallel = 4;
    std::vector<std::string> capabilities;
    std::string resources_to_import;
    bool enable_termination_protection = false;
    bool auto_signal = false;
    std::string stack_policy;
    std::string stack_policy_during_update;
    std::string ssm_parameters;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* sub = app.add_subcommand("deploy", "Create or update a stack");
  AddCommonFlags(sub, &flags->common);
  AddBackendFlags(sub, &flags->backend, /*mutating=*/true);
  AddAwsDeployFlags(sub, &flags->backend.aws);
  sub->add_option("template", flags->template_path, "template file")->required();
  sub->add_option("--stack", flags->stack, "stack name")->required();
  sub->add_option("--plan", flags->plan, "execute a plan saved by `cfnx plan -o`");
  sub->add_option("--capabilities", flags->capabilities,
                  "capabilities acknowledged (CAPABILITY_IAM, CAPABILITY_NAMED_IAM, "
                  "CAPABILITY_AUTO_EXPAND), as `cfnx plan` takes them");
  sub->add_flag("-y,--yes", flags->yes,
                "do not ask for confirmation (required when stdin is not a terminal)");
  sub->add_option("--on-failure", flags->on_failure, "ROLLBACK (default), DELETE or DO_NOTHING")
      ->check(CLI::IsMember({"ROLLBACK", "DELETE", "DO_NOTHING"}));
  sub->add_option("--parallel", flags->parallel, "resources changed at once (default 4)")
      ->check(CLI::Range(1, 64));
  sub->add_option("--resources-to-import", flags->resources_to_import,
                  "aws backend: an IMPORT change set of these existing resources (JSON file, as "
                  "the AWS CLI takes it)");

  sub->add_flag("--enable-termination-protection", flags->enable_termination_protection,
                "protect the stack from `cfnx destroy` (see update-termination-protection)");
  sub->add_flag("--auto-signal", flags->auto_signal,
                "local backend: a resource waiting for signals (CreationPolicy, WaitCondition) "
                "gets the SUCCESS signals it expects at once, instead of waiting for `cfnx "
                "signal`");
  sub->add_option("--stack-policy", flags->stack_policy,
                  "the stack policy (JSON file) the stack keeps from this deployment on");
  AddStackInputFlags(sub, &flags->stack_policy_during_update, &flags->ssm_parameters);

  auto run = [flags, sub]() -> int {
    if (flags->backend.backend == "aws") {
      for (const char* flag : {"--enable-termination-protection", "--stack-policy",
                               "--stack-policy-during-update", "--ssm-parameters", "--handler"}) {
        if (sub->count(flag) > 0)
          return CouldNotRun(std::string(flag) +
                             " is not supported with --backend aws yet (it works on the local "
                             "backend); set it with the AWS CLI");
      }
      AwsFlags aws = flags->backend.aws;
      aws.capabilities = flags->capabilities;
      return RunAwsDeploy({sub, flags->common, aws, flags->template_path, flags->stack, flags->plan,
                           flags->on_failure, flags->yes, flags->resources_to_import});
    }
    if (!flags->resources_to_import.empty())
      return CouldNotRun(
          "--resources-to-import makes CloudFormation import existing resources: it needs "
          "--backend aws (`cfnx plan --resources-to-import` plans an import against any state)");
    CommonFlags common = flags->common;
    common.stack_name = flags->stack;
    ErrorOr<CompileOptions> options = MakeCompileOptions(common);
    if (!options.ok())
      return CouldNotRun(options.error().message);
    ErrorOr<std::string> text = ReadWholeFile(flags->template_path);
    if (!text.ok())
      return CouldNotRun(text.error().message);
    // The files besides the template are read (and checked) before anything else happens.
    OrderedJson stack_policy, stack_policy_during_update;
    std::optional<std::map<std::string, std::string>> ssm_parameters;
    if (!flags->stack_policy.empty()) {
      std::optional<OrderedJson> policy =
          ReadStackPolicyFile("--stack-policy", flags->stack_policy, common);
      if (!policy)
        return kExitCouldNotRun;
      stack_policy = std::move(*policy);
    }
    if (!flags->stack_policy_during_update.empty()) {
      std::optional<OrderedJson> policy = ReadStackPolicyFile(
          "--stack-policy-during-update", flags->stack_policy_during_update, common);
      if (!policy)
        return kExitCouldNotRun;
      stack_policy_during_update = std::move(*policy);
    }
    if (!flags->ssm_parameters.empty()) {
      ErrorOr<std::map<std::string, std::string>> ssm =
          ReadSsmParametersFile(flags->ssm_parameters);
      if (!ssm.ok())
        return CouldNotRun(ssm.error().message);
      ssm_parameters = std::move(*ssm);
    }

    ErrorOr<LockedStack> locked = OpenAndLock(flags->backend, flags->stack, "cfnx deploy");
    if (!locked.ok())
      return CouldNotRun(locked.error().message);
    LocalBackend& backend = *locked->backend;
    const std::string& holder = locked->holder;
    // CloudFormation updates a nested stack on its own too, but recommends going through the
    // parent, whose next update deploys its own idea of the child again.
    if (std::optional<StoredStack> parent = ParentStackOf(backend.store(), flags->stack))
      std::cerr << "cfnx: warning: stack '" << flags->stack << "' is a nested stack of '"
                << parent->name << "'; CloudFormation recommends updating it through '"
                << parent->name << "', whose next deployment puts back the template it nests\n";
    EventPrinter printer;
    Executor executor = backend.MakeExecutor(&printer);
    // Recovery first: it may change the deployed parameter values.
    ErrorOr<StackState> state = RecoverAndDescribe(backend, executor, flags->stack);
    if (!state.ok())
      return CouldNotRun(state.error().message);

    // Parameters not given keep their deployed value, and the template is checked and its
    // transforms expanded with those values, exactly as `cfnx plan` does (PlanTemplate).
    std::variant<DeployTemplate, int> prepared =
        PrepareDeployTemplate(flags->template_path, std::move(*text), *options, *state, common);
    if (const int* exit_code = std::get_if<int>(&prepared))
      return *exit_code;
    DeployTemplate& processed = std::get<DeployTemplate>(prepared);
    if (std::optional<int> failed = AddNestedTemplates(processed, common))
      return *failed;
    const Compiler& compiler = *processed.compiler;
    std::cout << "Deploying " << flags->template_path << " to stack '" << flags->stack << "' ("
              << processed.resources << " resources; local backend " << backend.store().path()
              << ")\n";
    DeployRequest request;
    request.stack_name = flags->stack;
    request.template_json = processed.json;
    request.parameters = options->parameters;
    request.region = options->region;
    request.account_id = options->account_id;
    request.partition = PartitionFor(options->region, options->partition);
    request.on_failure = flags->on_failure;
    request.parallel = flags->parallel;
    request.holder = holder;
    request.capabilities = flags->capabilities;
    request.enable_termination_protection = flags->enable_termination_protection;
    request.auto_signal = flags->auto_signal;
    request.stack_policy = std::move(stack_policy);
    request.stack_policy_during_update = std::move(stack_policy_during_update);
    request.ssm_parameters = std::move(ssm_parameters);
    request.nested_templates = processed.nested;
    // The plan is what gets executed: a saved one (refused if the stack changed since), or
    // one made now, shown before asking.
    if (!flags->plan.empty()) {
      ErrorOr<std::string> text = ReadWholeFile(flags->plan);
      if (!text.ok())
        return CouldNotRun(text.error().message);
      OrderedJson json = OrderedJson::parse(*text, nullptr, false);
      ErrorOr<Plan> saved =
          json.is_discarded() ? ErrorOr<Plan>(Error{"not JSON"}) : PlanFromJson(json);
      if (!saved.ok())
        return CouldNotRun(flags->plan + ": " + saved.error().message);
      // What was reviewed is what runs: the executor takes the resources' properties from this
      // template, so a plan made from another template or other parameter values is refused.
      if (saved->inputs_fingerprint.empty())
        return CouldNotRun(flags->plan +
                           ": the plan does not record the template and parameters it was made "
                           "from (saved by an older cfnx); run `cfnx plan` again");
      DeployInputs inputs;
      inputs.processed_template = WithNestedTemplates(processed.processed, processed.nested);
      inputs.parameters = compiler.options().parameters;
      inputs.stack_name = flags->stack;
      inputs.region = request.region;
      inputs.account_id = request.account_id;
      inputs.partition = request.partition;
      inputs.on_failure = flags->on_failure;
      std::string now = DeployInputsFingerprint(inputs);
      if (saved->inputs_fingerprint != now)
        return CouldNotRun(flags->plan + ": the template or parameter values (or --region, " +
                           "--on-failure) changed since the plan was made (inputs fingerprint " +
                           saved->inputs_fingerprint + ", now " + now +
                           "); nothing was deployed: run `cfnx plan` again and review it");
      request.plan = std::move(*saved);
    } else {
      ErrorOr<Plan> plan = executor.PlanDeploy(request);
      if (!plan.ok())
        return CouldNotRun(plan.error().message);
      request.plan = std::move(*plan);
    }
    std::cout << RenderPlanText(*request.plan, UseColor(STDOUT_FILENO)) << "\n";
    ErrorOr<bool> go = Confirm("Deploy?", flags->yes, "deploy");
    if (!go.ok())
      return CouldNotRun(go.error().message);
    if (!*go) {
      std::cout << "Cancelled.\n";
      return 0;
    }
    ErrorOr<ExecResult> result = executor.Deploy(request);
    if (!result.ok())
      return CouldNotRun(result.error().message);
    PrintOutcome(backend, flags->stack, *result);
    return result->succeeded ? 0 : kExitDeployFailed;
  };
  return Command{sub, run};
}

}  // namespace cfnx
