// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Golden tests over tests/golden/plan/: each `<case>.yaml` is planned against
// `<case>.state.json` (a deployed stack; absent = a new stack) with `<case>.options.json`
// ({"Parameters": {...}, "Capabilities": [...], "OnFailure": "ROLLBACK", "ResourcesToImport":
// {"Logical": {"IdentifierKey": "value"}}, "StackPolicyDuringUpdate": {...}, "SsmParameters":
// {"/name": "value"}}, optional). The plan's
// JSON (`cfnx plan --format json`) is compared with `<case>.expected.json` and its text with
// `<case>.expected.txt`. With {"Destroy": true} the case is `cfnx destroy`'s forecast for the
// state instead (its diagnostics in `<case>.expected.txt`; the template is not read).
// When no plan can be made (an `error_*` case only), `<case>.expected.txt` holds the
// diagnostics instead. `<case>.prev.yaml` is the template the state was made from
// (scripts/make_plan_state.py), not a case. Cases named `error_*` must forecast an error.
// CFNX_UPDATE_GOLDENS=1 rewrites the expectations.

#include <map>
#include <set>

#include <gtest/gtest.h>

#include "engine/api/planning.h"
#include "engine/ast/json_convert.h"
#include "engine/diag/render.h"
#include "engine/plan/stack_policy.h"
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
    if (o.contains("StackPolicyDuringUpdate")) {
      // Checked as `--stack-policy-during-update` checks its file; a malformed policy is an
      // error case whose expected text is the diagnostics.
      Document policy_doc;
      policy_doc.set_root(FromJson(o["StackPolicyDuringUpdate"], policy_doc));
      DiagnosticCollector policy_diags;
      std::optional<OrderedJson> policy = CheckStackPolicy(policy_doc.root(), policy_diags);
      if (!policy) {
        ASSERT_NE(rel.find("/error_"), std::string::npos) << "a malformed policy is an error_ case";
        SourceManager none;
        EXPECT_TRUE(testing::CompareGolden(
            stem + ".expected.txt",
            RenderDiagnostics(policy_diags.diagnostics(), none, DiagnosticFormat::kText)));
        return;
      }
      plan_options.stack_policy_during_update = std::move(*policy);
    }
    if (o.contains("SsmParameters")) {
      plan_options.ssm_parameters = o["SsmParameters"].get<std::map<std::string, std::string>>();
    }
    if (o.value("Destroy", false)) {
      // `cfnx destroy`'s forecast for the state; the template only names the case.
      std::string text;
      for (const Diagnostic& d : ForecastStackDeletion(state)) {
        EXPECT_EQ(d.severity, Severity::kError);
        text += ForecastLine(d) + "\n";
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

// `cfnx deploy --plan` recomputes the plan's InputsFingerprint from the template as `cfnx
// transform` processes it and the effective parameter values: PlanTemplate must record exactly
// that, and each input must change it.
TEST(PlanInputsFingerprint, IsDeployInputsFingerprintOfTheProcessedTemplate) {
  CompileOptions options;
  options.stack_name = "app";
  options.region = "eu-west-1";
  options.account_id = "123456789012";
  options.parameters = {{"Label", "first"}};
  Compiler compiler(options);
  FileId file = compiler.AddSource("t.yaml",
                                   "Parameters:\n  Label:\n    Type: String\n"
                                   "Resources:\n  Setting:\n    Type: AWS::SSM::Parameter\n"
                                   "    Properties:\n      Type: String\n"
                                   "      Value: !Ref Label\n");
  StackState state;
  state.stack_name = "app";
  PlanOptions plan_options;
  plan_options.on_failure = OnStackFailure::kDelete;
  DiagnosticCollector diags;
  std::optional<Plan> plan =
      PlanTemplate(compiler.mutable_sources(), file, options, state, plan_options, diags);
  ASSERT_TRUE(plan.has_value());
  DeployInputs inputs;
  inputs.processed_template = compiler.TransformTemplate(file).json;
  inputs.parameters = options.parameters;
  inputs.stack_name = "app";
  inputs.region = "eu-west-1";
  inputs.account_id = "123456789012";
  inputs.partition = "aws";
  inputs.on_failure = "DELETE";
  ASSERT_FALSE(inputs.processed_template.empty());
  EXPECT_EQ(plan->inputs_fingerprint, DeployInputsFingerprint(inputs));
  EXPECT_EQ(plan->inputs_fingerprint.size(), 16u);
  std::vector<DeployInputs> changed(7, inputs);
  changed[0].processed_template += " ";
  changed[1].parameters["Label"] = "second";
  changed[2].stack_name = "other";
  changed[3].region = "us-east-1";
  changed[4].account_id = "210987654321";
  changed[5].partition = "aws-cn";
  changed[6].on_failure = "ROLLBACK";
  for (size_t i = 0; i < changed.size(); ++i) {
    EXPECT_NE(DeployInputsFingerprint(changed[i]), plan->inputs_fingerprint) << "input " << i;
  }
}

// The corpus covers every value of the change set's enumerations, of the rollback plan's
// OnFailure, and every plan diagnostic (E90xx/W90xx), as issue 5's acceptance asks: a value
// that no case shows fails here, naming it.
TEST(PlanGoldenCoverage, EveryValueAndEveryForecastAppears) {
  std::map<std::string, std::set<std::string>> seen;
  std::string texts;
  for (const std::string& rel : testing::ListGoldenCases("plan", {".expected.json"})) {
    OrderedJson j =
        OrderedJson::parse(testing::ReadFileOrEmpty(testing::SourcePath("tests/golden/" + rel)));
    for (const OrderedJson& c : j["ChangeSet"]["Changes"]) {
      const OrderedJson& rc = c["ResourceChange"];
      for (const char* key : {"Action", "Replacement", "PolicyAction"}) {
        if (rc.contains(key)) {
          seen[key].insert(rc[key].get<std::string>());
        }
      }
      for (const OrderedJson& scope : rc.value("Scope", OrderedJson::array())) {
        seen["Scope"].insert(scope.get<std::string>());
      }
      for (const OrderedJson& d : rc.value("Details", OrderedJson::array())) {
        seen["Evaluation"].insert(d["Evaluation"].get<std::string>());
        seen["ChangeSource"].insert(d["ChangeSource"].get<std::string>());
        for (const char* key : {"Attribute", "RequiresRecreation", "AttributeChangeType"}) {
          if (d["Target"].contains(key)) {
            seen[key].insert(d["Target"][key].get<std::string>());
          }
        }
      }
    }
    seen["OnFailure"].insert(j["RollbackPlan"]["OnFailure"].get<std::string>());
    for (const OrderedJson& f : j.value("Forecast", OrderedJson::array())) {
      seen["Code"].insert(f["Code"].get<std::string>());
    }
  }
  // Cases where no plan can be made, and destroy forecasts, print their codes as text.
  for (const std::string& rel : testing::ListGoldenCases("plan", {".expected.txt"})) {
    texts += testing::ReadFileOrEmpty(testing::SourcePath("tests/golden/" + rel));
  }
  auto expect_all = [&seen](const char* field, const auto& values) {
    for (auto v : values) {
      EXPECT_TRUE(seen[field].count(std::string(Name(v))))
          << field << " " << Name(v) << " appears in no tests/golden/plan case";
    }
  };
  using CA = ChangeAction;
  using RA = ResourceAttribute;
  using CS = ChangeSource;
  using PA = PolicyAction;
  expect_all("Action", std::vector{CA::kAdd, CA::kModify, CA::kRemove, CA::kImport, CA::kDynamic});
  expect_all("Replacement",
             std::vector{Replacement::kTrue, Replacement::kFalse, Replacement::kConditional});
  // Scope lists where a change is; the Target's Attribute names the same set.
  std::vector<RA> attributes{RA::kProperties,   RA::kMetadata,       RA::kCreationPolicy,
                             RA::kUpdatePolicy, RA::kDeletionPolicy, RA::kUpdateReplacePolicy,
                             RA::kTags};
  expect_all("Scope", attributes);
  expect_all("Attribute", attributes);
  expect_all("RequiresRecreation",
             std::vector{RequiresRecreation::kNever, RequiresRecreation::kConditionally,
                         RequiresRecreation::kAlways});
  expect_all("Evaluation", std::vector{EvaluationType::kStatic, EvaluationType::kDynamic});
  expect_all("ChangeSource",
             std::vector{CS::kResourceReference, CS::kParameterReference, CS::kResourceAttribute,
                         CS::kDirectModification, CS::kAutomatic});
  expect_all("PolicyAction",
             std::vector{PA::kDelete, PA::kRetain, PA::kSnapshot, PA::kReplaceAndDelete,
                         PA::kReplaceAndRetain, PA::kReplaceAndSnapshot});
  expect_all("AttributeChangeType",
             std::vector{AttributeChangeType::kAdd, AttributeChangeType::kRemove,
                         AttributeChangeType::kModify});
  expect_all("OnFailure", std::vector{OnStackFailure::kRollback, OnStackFailure::kDelete,
                                      OnStackFailure::kDoNothing});
  // Deploy diagnostics that are not plan forecasts, with the test that covers them.
  const std::map<std::string, std::string> not_forecasts = {
      {"E9013",
       "local artifacts packaged for a deploy to AWS: engine/backend/aws/artifacts_test.cc"},
      {"E9018", "nested stack templates: tests/golden/nested_stacks/error_plan_*.expected.txt"},
      {"E9019",
       "a macro fails while the template is processed, before any plan: "
       "tests/golden/transforms/macros/error_*.expected.diag, tests/cli/macros_test.sh"},
      {"E9020",
       "a macro's answer is refused while the template is processed: "
       "tests/golden/transforms/macros/error_macro_bad_json.expected.diag"},
      {"E9021",
       "a StackSet's TemplateBody is validated before any plan: "
       "tests/golden/validate/error_stackset_template_body.expected.diag"},
  };
  for (const DiagCodeInfo& info : AllDiagCodes()) {
    std::string id(info.id);
    if (id.size() == 5 && id.compare(1, 2, "90") == 0 && not_forecasts.count(id) == 0) {
      EXPECT_TRUE(seen["Code"].count(id) || texts.find(id) != std::string::npos)
          << "plan diagnostic " << id << " is forecast by no tests/golden/plan case";
    }
  }
}

// Nested stacks: tests/golden/nested_stacks/plan_*.yaml and error_plan_*.yaml, planned as new
// stacks from their path in the source tree (the working directory), since their local
// TemplateURLs are read relative to it. `<case>.options.json` may give {"S3Root": DIR};
// `<case>.state.json` is the deployed parent (absent: a new stack) and
// `<case>.nested_state.json` the deployed nested stacks ({"STACK NAME": state}). A plan is
// compared as above; an error_ case that cannot be planned compares its diagnostics.
class NestedPlanGoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(NestedPlanGoldenTest, MatchesExpected) {
  const std::string path = "tests/golden/" + GetParam();
  std::string stem = path.substr(0, path.rfind('.'));
  CompileOptions options;
  options.stack_name = "app";
  std::string options_text = testing::ReadFileOrEmpty(testing::SourcePath(stem + ".options.json"));
  if (!options_text.empty()) {
    options.s3_root = OrderedJson::parse(options_text).value("S3Root", std::string());
  }
  StackState state;
  state.stack_name = "app";
  std::string state_text = testing::ReadFileOrEmpty(testing::SourcePath(stem + ".state.json"));
  if (!state_text.empty()) {
    ErrorOr<StackState> read = StackStateFromJsonText(state_text);
    ASSERT_TRUE(read.ok()) << read.error().message;
    state = std::move(*read);
  }
  std::map<std::string, StackState> nested_states;
  std::string nested_text =
      testing::ReadFileOrEmpty(testing::SourcePath(stem + ".nested_state.json"));
  if (!nested_text.empty()) {
    OrderedJson all = OrderedJson::parse(nested_text);
    for (auto it = all.begin(); it != all.end(); ++it) {
      ErrorOr<StackState> read = StackStateFromJsonText(it.value().dump());
      ASSERT_TRUE(read.ok()) << it.key() << ": " << read.error().message;
      nested_states[it.key()] = std::move(*read);
    }
  }
  PlanOptions plan_options;
  plan_options.nested_state = [&nested_states](const std::string& name) {
    auto it = nested_states.find(name);
    return it == nested_states.end() ? StackState{} : it->second;
  };
  Compiler compiler(options);
  ErrorOr<FileId> file = compiler.AddFile(path);
  ASSERT_TRUE(file.ok()) << path;
  DiagnosticCollector diags;
  std::optional<Plan> plan =
      PlanTemplate(compiler.mutable_sources(), *file, options, state, plan_options, diags);
  std::string rendered =
      RenderDiagnostics(diags.diagnostics(), compiler.sources(), DiagnosticFormat::kText);
  bool error_case = GetParam().find("/error_") != std::string::npos;
  if (error_case && !plan.has_value()) {
    EXPECT_GT(diags.error_count(), 0);
    EXPECT_TRUE(testing::CompareGolden(stem + ".expected.txt", rendered));
    return;
  }
  ASSERT_TRUE(plan.has_value()) << rendered;
  EXPECT_EQ(diags.error_count(), 0) << rendered;
  EXPECT_TRUE(testing::CompareGolden(stem + ".expected.json", ToJsonText(PlanToJson(*plan))));
  EXPECT_TRUE(testing::CompareGolden(stem + ".expected.txt", RenderPlanText(*plan, false)));
  // An error_ case that plans must forecast an error (a child's, copied into the parent's).
  bool forecast_error = false;
  for (const Diagnostic& d : plan->forecast) {
    forecast_error |= d.severity == Severity::kError;
  }
  EXPECT_EQ(forecast_error, error_case);
  ErrorOr<Plan> back = PlanFromJson(PlanToJson(*plan));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(PlanToJson(*back), PlanToJson(*plan));
}

std::vector<std::string> NestedCases() {
  std::vector<std::string> out;
  for (const std::string& c : testing::ListGoldenCases("nested_stacks", {".yaml"})) {
    std::string name = c.substr(c.rfind('/') + 1);
    if (name.rfind("plan_", 0) == 0 || name.rfind("error_plan_", 0) == 0) {
      out.push_back(c);
    }
  }
  return out;
}

INSTANTIATE_TEST_SUITE_P(Golden, NestedPlanGoldenTest, ::testing::ValuesIn(NestedCases()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return testing::GoldenCaseName(info.param);
                         });

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
