// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Golden tests over tests/golden/validate/: each `<case>.yaml|json` is validated through the
// public Compiler and the text rendering (exactly what `cfnx validate` prints) is compared
// with `<case>.expected.diag`. Cases named `error_*` must produce at least one error, others
// none. CFNX_UPDATE_GOLDENS=1 rewrites the expectations.

#include "tests/testing/golden.h"

#include <gtest/gtest.h>

#include "cfnx/compiler.h"
#include "engine/diag/render.h"

namespace cfnx {
namespace {

class ValidateGoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ValidateGoldenTest, MatchesExpected) {
  const std::string& rel = GetParam();
  std::string text = testing::ReadFileOrEmpty(testing::SourcePath("tests/golden/" + rel));
  CompileOptions options;
  Compiler compiler(options);
  FileId file = compiler.AddSource(rel, text);
  CompileResult result = compiler.Validate(file);
  std::string actual =
      RenderDiagnostics(result.diagnostics, compiler.sources(), DiagnosticFormat::kText);
  std::string stem = rel.substr(0, rel.rfind('.'));
  EXPECT_TRUE(testing::CompareGolden("tests/golden/" + stem + ".expected.diag", actual));
  bool error_case = rel.find("/error_") != std::string::npos;
  EXPECT_EQ(result.has_errors(), error_case)
      << (error_case ? "error_ cases must report an error" : "non-error cases must be clean");
}

INSTANTIATE_TEST_SUITE_P(Golden, ValidateGoldenTest,
                         ::testing::ValuesIn(testing::ListGoldenCases("validate",
                                                                      {".yaml", ".json"})),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return testing::GoldenCaseName(info.param);
                         });

// Every registered code has an id matching its severity letter, a description and a URL.
TEST(DiagnosticRegistryTest, CodesAreWellFormed) {
  for (const DiagCodeInfo& info : AllDiagCodes()) {
    ASSERT_EQ(info.id.size(), 5u) << info.id;
    char letter = info.severity == Severity::kError     ? 'E'
                  : info.severity == Severity::kWarning ? 'W'
                                                        : 'I';
    EXPECT_EQ(info.id[0], letter) << info.id;
    EXPECT_FALSE(info.short_description.empty()) << info.id;
    EXPECT_FALSE(info.description.empty()) << info.id;
    EXPECT_EQ(info.url.substr(0, 8), "https://") << info.id;
  }
}

}  // namespace
}  // namespace cfnx
