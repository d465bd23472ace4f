// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Golden tests for evaluation: every `<case>.yaml|json` under tests/golden/functions/ and
// tests/golden/render/ is rendered through the public Compiler (exactly `cfnx render`), and the
// JSON and the diagnostics are compared with `<case>.expected.json` and `<case>.expected.diag`.
// A first line `# cfnx: --parameters K=V --region R --account-id A --stack-name N` sets the
// options. Cases named `error_*` must report an error, others none.
// CFNX_UPDATE_GOLDENS=1 rewrites the expectations.

#include "tests/testing/golden.h"

#include <sstream>

#include <gtest/gtest.h>

#include "cfnx/compiler.h"
#include "engine/diag/render.h"

namespace cfnx {
namespace {

CompileOptions OptionsFromHeader(const std::string& text) {
  CompileOptions options;
  if (text.rfind("# cfnx:", 0) != 0)
    return options;
  std::istringstream line(text.substr(7, text.find('\n') - 7));
  std::string flag, value;
  while (line >> flag >> value) {
    if (flag == "--parameters") {
      size_t eq = value.find('=');
      options.parameters[value.substr(0, eq)] = value.substr(eq + 1);
    } else if (flag == "--region") {
      options.region = value;
    } else if (flag == "--partition") {
      options.partition = value;
    } else if (flag == "--account-id") {
      options.account_id = value;
    } else if (flag == "--stack-name") {
      options.stack_name = value;
    } else if (flag == "--export") {
      size_t eq = value.find('=');
      if (!options.exports.has_value())
        options.exports.emplace();
      (*options.exports)[value.substr(0, eq)] = value.substr(eq + 1);
    }
  }
  return options;
}

class RenderGoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(RenderGoldenTest, MatchesExpected) {
  const std::string& rel = GetParam();
  std::string text = testing::ReadFileOrEmpty(testing::SourcePath("tests/golden/" + rel));
  Compiler compiler(OptionsFromHeader(text));
  FileId file = compiler.AddSource(rel, text);
  Compiler::TransformOutput out = compiler.Render(file);
  std::string diag =
      RenderDiagnostics(out.result.diagnostics, compiler.sources(), DiagnosticFormat::kText);
  std::string stem = rel.substr(0, rel.rfind('.'));
  EXPECT_TRUE(testing::CompareGolden("tests/golden/" + stem + ".expected.json", out.json));
  EXPECT_TRUE(testing::CompareGolden("tests/golden/" + stem + ".expected.diag", diag));
  bool error_case = rel.find("/error_") != std::string::npos;
  EXPECT_EQ(out.result.has_errors(), error_case)
      << (error_case ? "error_ cases must report an error" : "non-error cases must be clean");
}

std::vector<std::string> Cases() {
  std::vector<std::string> cases = testing::ListGoldenCases("functions", {".yaml", ".json"});
  std::vector<std::string> render = testing::ListGoldenCases("render", {".yaml", ".json"});
  cases.insert(cases.end(), render.begin(), render.end());
  std::vector<std::string> inputs;
  for (const std::string& c : cases) {
    if (c.find(".expected.") == std::string::npos)
      inputs.push_back(c);
  }
  return inputs;
}

INSTANTIATE_TEST_SUITE_P(Golden, RenderGoldenTest, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return testing::GoldenCaseName(info.param);
                         });

}  // namespace
}  // namespace cfnx
