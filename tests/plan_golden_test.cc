// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Golden tests over tests/golden/plan/: each `<case>.yaml` is planned against
// `<case>.state.json` (a deployed stack; absent = a new stack) with `<case>.options.json`
// ({"Parameters": {...}, "Capabilities": [...], "OnFailure": "ROLLBACK", "ResourcesToImport":
// {"Logical": {"IdentifierKey": "value"}}}, optional). The plan's
// JSON (`cfnx plan --format json`) is compared with `<case>.expected.json` and its text with
// `<case>.expected.txt`. With {"Destroy": true} the case is `cfnx destroy`'s forecast for the
// state instead (its diagnostics in `<case>.expected.txt`; the template is not read).
// When no plan can be made (an `error_*` case only), `<case>.expected.txt` holds the
// diagnostics instead. `<case>.prev.yaml` is the template the state was made from
// (scripts/make_plan_state.py), not a case. Cases named `error_*` must forecast an error.
// CFNX_UPDATE_GOLDENS=1 rewrites the expectations.

#include <gtest/gtest.h>

#include "engine/api/planning.h"
#include "engine/ast/json_convert.h"
#include "engine/diag/render.h"
#include "tests/testing/golden.h"

namespace cfnx {
namespace {

class PlanGoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(PlanGoldenTest, MatchesExpected) {
  const std::string& rel = GetParam();
  std::string stem = "tests/golden/" + rel.substr(0, rel.rfind('.'));
  std::string text = testing::ReadFileOrEmpty(testing::SourcePath("tests/golden/" + rel));
  StackState state;
  state.stack_name = "app";
  std::string state_text = testing::ReadFileOrEmpty(testing::SourcePath(stem + ".state.json"));
  if (!state_text.empty()) {
    ErrorOr<StackState> read = StackStateFromJsonText(state_text);
    ASSERT_TRUE(read.ok()) << read.error().message;
    state = std::move(*read);
  }
  CompileOptions options;
  options.stack_name = "app";
  PlanOptions plan_options;
  std::string options_text = testing::ReadFileOrEmpty(testing::SourcePath(stem + ".options.json"));
  if (!options_text.empty()) {
    OrderedJson o = OrderedJson::parse(options_text);
    OrderedJson params = o.value("Parameters", OrderedJson::object());
    for (auto it = params.begin(); it != params.end(); ++it) {
      options.parameters[it.key()] = it.value().get<std::string>();
    }
    plan_options.capabilities = o.value("Capabilities", std::vector<std::string>{});
    OrderedJson imports = o.value("ResourcesToImport", OrderedJson::object());
    for (auto it = imports.begin(); it != imports.end(); ++it) {
      for (auto id = it.value().begin(); id != it.value().end(); ++id) {
        plan_options.resources_to_import[it.key()][id.key()] = id.value().get<std::string>();
      }
    }
    ASSERT_TRUE(Parse(o.value("OnFailure", std::string("ROLLBACK")), &plan_options.on_failure));
    if (o.value("Destroy", false)) {
      // `cfnx destroy`'s forecast for the state; the template only names the case.
      std::string text;
      for (const Diagnostic& d : ForecastStackDeletion(state)) {
        EXPECT_EQ(d.severity, Severity::kError);
        text += std::string(GetDiagCodeInfo(d.code).id) + " " + d.path.ToString() + ": " +
                d.message + "\n";
      }
      EXPECT_FALSE(text.empty()) << "a Destroy case must forecast an error";
      EXPECT_TRUE(testing::CompareGolden(stem + ".expected.txt", text));
      return;
    }
  }
  Compiler compiler(options);
  FileId file = compiler.AddSource(rel, text);
  DiagnosticCollector diags;
  std::optional<Plan> plan =
      PlanTemplate(compiler.mutable_sources(), file, options, state, plan_options, diags);
  bool error_case = rel.find("/error_") != std::string::npos;
  if (!plan.has_value()) {
    // No plan can be made (a parameter without a value, ...): an error case whose expected
    // text is the diagnostics `cfnx plan` prints.
    ASSERT_TRUE(error_case) << RenderDiagnostics(diags.diagnostics(), compiler.sources(),
                                                 DiagnosticFormat::kText);
    EXPECT_GT(diags.error_count(), 0);
    EXPECT_TRUE(testing::CompareGolden(
        stem + ".expected.txt",
        RenderDiagnostics(diags.diagnostics(), compiler.sources(), DiagnosticFormat::kText)));
    return;
  }
  EXPECT_TRUE(testing::CompareGolden(stem + ".expected.json", ToJsonText(PlanToJson(*plan))));
  EXPECT_TRUE(testing::CompareGolden(stem + ".expected.txt", RenderPlanText(*plan, false)));
  bool forecast_error = false;
  for (const Diagnostic& d : plan->forecast) {
    forecast_error |= d.severity == Severity::kError;
  }
  EXPECT_EQ(forecast_error, error_case)
      << (error_case ? "error_ cases must forecast an error" : "other cases must not");
  // The saved plan reads back to the same JSON (what `cfnx deploy --plan` relies on).
  ErrorOr<Plan> back = PlanFromJson(PlanToJson(*plan));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(PlanToJson(*back), PlanToJson(*plan));
}

std::vector<std::string> Cases() {
  std::vector<std::string> out;
  for (const std::string& c : testing::ListGoldenCases("plan", {".yaml"})) {
    if (c.find(".prev.yaml") == std::string::npos) {
      out.push_back(c);
    }
  }
  return out;
}

INSTANTIATE_TEST_SUITE_P(Golden, PlanGoldenTest, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return testing::GoldenCaseName(info.param);
                         });

}  // namespace
}  // namespace cfnx
