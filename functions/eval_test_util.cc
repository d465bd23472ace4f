// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "functions/eval_test_util.h"

#include "engine/eval/value_json.h"
#include "engine/model/template.h"
#include "engine/parse/loader.h"
#include "functions/register.h"

namespace cfnx::testing {

namespace {

EvalResult Run(const std::string& text, EvalOptions options, bool rules) {
  SourceManager sources;
  FileId file = sources.AddFile("test.yaml", text);
  DiagnosticCollector diags;
  Document doc = LoadTemplate(sources, file, diags);
  Template t = BuildModel(doc, diags);
  EvalResult result;
  Evaluator ev(t, BuiltinFunctions(), std::move(options), diags);
  if (rules)
    ev.CheckRules();
  const Output* out = t.FindOutput("Out");
  if (out != nullptr && out->value != nullptr) {
    Value v = ev.Evaluate(out->value, TemplatePath{"Outputs", "Out", "Value"});
    result.json = ValueToJson(v).dump();
  }
  for (const Diagnostic& d : diags.diagnostics()) {
    std::string id(GetDiagCodeInfo(d.code).id);
    result.codes += (result.codes.empty() ? "" : " ") + id;
    result.messages += id + ": " + d.message + "\n";
  }
  return result;
}

}  // namespace

EvalResult EvalOutput(const std::string& text, EvalOptions options) {
  return Run(text, std::move(options), false);
}

EvalResult CheckRules(const std::string& text, EvalOptions options) {
  return Run(text, std::move(options), true);
}

EvalResult EvalExpr(const std::string& expr, const std::string& sections, EvalOptions options) {
  std::string text = sections;
  if (text.find("Resources:") == std::string::npos)
    text += "\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n";
  text += "\nOutputs:\n  Out:\n    Value: " + expr + "\n";
  return EvalOutput(text, std::move(options));
}

}  // namespace cfnx::testing
