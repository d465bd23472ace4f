// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `cfnx stackset plan TEMPLATE --accounts A,B --regions R1,R2 [--stack-set-name NAME]
//                    [--parameter-overrides K=V ...] [--capabilities C ...] [--format text|json]`
// Plans each stack instance a StackSet would create (CreateStackInstances: every account in
// every region). An instance is the template planned as a new stack in its own account and
// region, so AWS::AccountId and AWS::Region, the conditions and mappings keyed by them, and
// the resource types the region offers differ from one instance to the next. Each instance is
// planned with what `cfnx plan` uses (validation first, then the change set and its
// forecast); an instance with errors is one that would fail (its StackInstance status
// INOPERABLE, its operation FAILED). The instance's stack is named as CloudFormation names it,
// StackSet-NAME-<id>, with the id derived from account and region so output is reproducible.
// Text output: one block per instance, then a summary; JSON: {"StackSetName", "Summary",
// "Instances": [{"Account", "Region", "StackName", "Status" (SUCCEEDED or FAILED),
// "StatusReason", "Diagnostics", "Plan"}]}. Exit: 0 every instance would succeed, 2 one or more
// would fail, 1 could not run.

#include <algorithm>
#include <cctype>
#include <iostream>
#include <sstream>
#include <unistd.h>

#include "cfnx/planner.h"
#include "engine/api/schema_registry.h"
#include "engine/ast/json_convert.h"
#include "engine/base/sha1.h"
#include "engine/cli/command.h"
#include "resources/registry.h"

namespace cfnx {
namespace {

constexpr int kExitInstanceFails = 2;

struct InstanceResult {
  std::string account;
  std::string region;
  std::string stack_name;
  bool failed = false;
  std::string reason;  // the first error
  std::vector<Diagnostic> diagnostics;
  std::optional<Plan> plan;
};

std::string InstanceStackName(const std::string& set_name, const std::string& account,
                              const std::string& region) {
  std::string h = Sha1Hex(set_name + "/" + account + "/" + region);
  return "StackSet-" + set_name + "-" + h.substr(0, 8) + "-" + h.substr(8, 4) + "-" +
         h.substr(12, 4) + "-" + h.substr(16, 4) + "-" + h.substr(20, 12);
}

bool IsAccountId(const std::string& a) {
  return a.size() == 12 && std::all_of(a.begin(), a.end(), [](char c) {
           return std::isdigit(static_cast<unsigned char>(c));
         });
}

InstanceResult PlanInstance(const std::string& template_path, CompileOptions options,
                            const PlanOptions& plan_options, const std::string& set_name,
                            const std::string& account, const std::string& region,
                            std::string& rendered_text, OrderedJson& diagnostics_json) {
  InstanceResult r;
  r.account = account;
  r.region = region;
  r.stack_name = InstanceStackName(set_name, account, region);
  options.account_id = account;
  options.region = region;
  options.partition.clear();
  options.stack_name = r.stack_name;
  Compiler compiler(options);
  ErrorOr<FileId> file = compiler.AddFile(template_path);
  if (!file.ok()) {
    r.failed = true;
    r.reason = file.error().message;
    return r;
  }
  StackState state;
  state.stack_name = r.stack_name;
  PlanOutput out = PlanStack(compiler, *file, state, plan_options);
  r.diagnostics = out.result.diagnostics;
  if (out.plan) {
    for (const Diagnostic& d : out.plan->forecast)
      r.diagnostics.push_back(d);
  }
  for (const Diagnostic& d : r.diagnostics) {
    if (d.severity == Severity::kError && !r.failed) {
      r.failed = true;
      r.reason = std::string(GetDiagCodeInfo(d.code).id) + " " + d.message;
    }
  }
  if (!out.plan && !r.failed) {
    r.failed = true;
    r.reason = "the template cannot be planned for this instance";
  }
  r.plan = std::move(out.plan);
  rendered_text = RenderDiagnostics(r.diagnostics, compiler.sources(), DiagnosticFormat::kText);
  OrderedJson parsed = OrderedJson::parse(
      RenderDiagnostics(r.diagnostics, compiler.sources(), DiagnosticFormat::kJson), nullptr,
      /*allow_exceptions=*/false);
  diagnostics_json = parsed.is_discarded() ? OrderedJson::array() : parsed;
  return r;
}

std::string Indent(const std::string& text) {
  std::istringstream in(text);
  std::string out, line;
  while (std::getline(in, line))
    out += (line.empty() ? "" : "    ") + line + "\n";
  return out;
}

}  // namespace

Command AddStackSetCommand(CLI::App& app) {
  struct Flags {
    CommonFlags common;
    std::string template_path;
    std::string name = "cfnx-stackset";
    std::vector<std::string> accounts;
    std::vector<std::string> regions;
    std::vector<std::string> overrides;
    std::vector<std::string> capabilities;
    std::string format = "text";
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* stackset = app.add_subcommand("stackset", "Plan the stack instances of a StackSet");
  stackset->require_subcommand(1);
  CLI::App* plan = stackset->add_subcommand(
      "plan",
      "Plan every stack instance (account x region); exit 0 all would succeed, 2 some would "
      "fail, 1 could not run");
  AddCommonFlags(plan, &flags->common);
  plan->add_option("--accounts", flags->accounts, "target accounts, A,B,... (12 digits each)")
      ->delimiter(',')
      ->required();
  plan->add_option("--regions", flags->regions, "target regions, R1,R2,...")
      ->delimiter(',')
      ->required();
  plan->add_option("--stack-set-name", flags->name, "the StackSet's name (default cfnx-stackset)");
  plan->add_option("--parameter-overrides", flags->overrides,
                   "parameter values of the instances, K=V ... (as --parameters)");
  plan->add_option("--capabilities", flags->capabilities, "capabilities acknowledged");
  plan->add_option("--format", flags->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  plan->add_option("template", flags->template_path, "template file")->required();

  auto run = [flags, plan]() -> int {
    if (!plan->parsed())
      return CouldNotRun("stackset: expected a subcommand (plan)");
    CommonFlags common = flags->common;
    common.parameters.insert(common.parameters.end(), flags->overrides.begin(),
                             flags->overrides.end());
    ErrorOr<CompileOptions> options = MakeCompileOptions(common);
    if (!options.ok())
      return CouldNotRun(options.error().message);
    for (const std::string& a : flags->accounts) {
      if (!IsAccountId(a))
        return CouldNotRun("--accounts: '" + a + "' is not a 12-digit AWS account id");
    }
    const std::vector<std::string>& known = DefaultResourceTypeRegistry().regions();
    for (const std::string& r : flags->regions) {
      if (std::find(known.begin(), known.end(), r) == known.end())
        return CouldNotRun("--regions: '" + r + "' is not a region cfnx knows");
    }
    PlanOptions plan_options;
    plan_options.capabilities = flags->capabilities;
    std::vector<InstanceResult> results;
    OrderedJson instances = OrderedJson::array();
    std::string text;
    size_t failed = 0;
    bool color = flags->format == "text" && UseColor(STDOUT_FILENO);
    for (const std::string& account : flags->accounts) {
      for (const std::string& region : flags->regions) {
        std::string rendered;
        OrderedJson diagnostics;
        InstanceResult r = PlanInstance(flags->template_path, *options, plan_options, flags->name,
                                        account, region, rendered, diagnostics);
        failed += r.failed ? 1 : 0;
        OrderedJson j = OrderedJson::object();
        j["Account"] = account;
        j["Region"] = region;
        j["StackName"] = r.stack_name;
        j["Status"] = r.failed ? "FAILED" : "SUCCEEDED";
        if (r.failed)
          j["StatusReason"] = r.reason;
        j["Diagnostics"] = diagnostics;
        if (r.plan)
          j["Plan"] = PlanToJson(*r.plan);
        instances.push_back(std::move(j));
        text += "Stack instance " + account + " " + region + " (" + r.stack_name +
                "): " + (r.failed ? "would FAIL: " + r.reason : "would succeed") + "\n";
        text += Indent(rendered);
        if (r.plan && !r.failed)
          text += Indent(RenderPlanText(*r.plan, color));
        text += "\n";
      }
    }
    size_t total = flags->accounts.size() * flags->regions.size();
    if (flags->format == "json") {
      OrderedJson out = OrderedJson::object();
      out["StackSetName"] = flags->name;
      out["Summary"] = {{"Instances", total}, {"Succeeded", total - failed}, {"Failed", failed}};
      out["Instances"] = std::move(instances);
      std::cout << ToJsonText(out);
    } else {
      std::cout << text << "StackSet " << flags->name << ": " << total << " stack instance"
                << (total == 1 ? "" : "s") << ", " << (total - failed) << " would succeed, "
                << failed << " would fail\n";
    }
    return failed > 0 ? kExitInstanceFails : 0;
  };
  return Command{stackset, run};
}

}  // namespace cfnx
