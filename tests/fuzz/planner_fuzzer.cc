// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `cfnx plan`: a template planned against a stored stack state (a template pair: the state's
// TemplateBody was deployed, the input's template is desired).
//
// Input: the template, then (after fuzz::kPartSeparator) the stack state's JSON
// (cfnx/stack_state.h); without one, or when it does not read, the stack is new. A plan reads
// back from its JSON as the same plan (what `cfnx deploy --plan` relies on), and renders as
// text.

#include "cfnx/compiler.h"
#include "engine/api/planning.h"
#include "engine/ast/json_convert.h"
#include "tests/fuzz/fuzz_target.h"
#include "tests/fuzz/tree_mutator.h"

CFNX_FUZZ_TARGET(planner) {
  std::string_view text = cfnx::fuzz::AsText(data, size);
  std::vector<std::string_view> parts = cfnx::fuzz::SplitParts(text);
  cfnx::StackState state;
  state.stack_name = "app";
  if (parts.size() > 1) {
    cfnx::ErrorOr<cfnx::StackState> read = cfnx::StackStateFromJsonText(parts[1]);
    if (read.ok()) {
      state = std::move(*read);
      // What is read is what is written.
      cfnx::OrderedJson json = cfnx::StackStateToJson(state);
      cfnx::ErrorOr<cfnx::StackState> again = cfnx::StackStateFromJson(json);
      cfnx::fuzz::Check(again.ok(), "a written state does not read back", text);
      cfnx::fuzz::Check(cfnx::StackStateFingerprint(*again) == cfnx::StackStateFingerprint(state),
                        "a state read back has another fingerprint", text);
    }
  }
  cfnx::CompileOptions options;
  options.stack_name = state.stack_name.empty() ? "app" : state.stack_name;
  cfnx::PlanOptions plan_options;
  plan_options.capabilities = {"CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"};
  cfnx::Compiler compiler(options);
  cfnx::FileId file = compiler.AddSource("template.yaml", std::string(parts[0]));
  cfnx::DiagnosticCollector diags;
  std::optional<cfnx::Plan> plan =
      cfnx::PlanTemplate(compiler.mutable_sources(), file, options, state, plan_options, diags);
  if (!plan.has_value())
    return 0;
  cfnx::OrderedJson json = cfnx::PlanToJson(*plan);
  cfnx::ErrorOr<cfnx::Plan> back = cfnx::PlanFromJson(json);
  if (!back.ok()) {
    cfnx::fuzz::Fail("a plan does not read back from its JSON: " + back.error().message, text);
  }
  std::string first = cfnx::ToJsonText(json);
  std::string second = cfnx::ToJsonText(cfnx::PlanToJson(*back));
  if (first != second) {
    cfnx::fuzz::Fail("a plan read back differs:\n" + first + "\n" + second, text);
  }
  cfnx::RenderPlanText(*plan, /*color=*/false);
  cfnx::RenderPlanText(*plan, /*color=*/true);
  return 0;
}

CFNX_FUZZ_TREE_MUTATOR()
