// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Golden tests over tests/golden/validate/: each `<case>.yaml|json` is validated through the
// public Compiler and the text rendering (exactly what `cfnx validate` prints) is compared
// with `<case>.expected.diag`. Cases named `error_*` must produce at least one error, others
// none. CFNX_UPDATE_GOLDENS=1 rewrites the expectations.

#include "tests/testing/golden.h"

#include <filesystem>
#include <map>
#include <set>

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
  options.checks.include_checks = {"I"};  // expectations show informational findings too
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

// Nested stacks with a local TemplateURL are read from disk relative to the parent template, so
// these cases are validated from their real path (the source tree is the working directory).
TEST(NestedStackGoldenTest, LocalTemplateParameters) {
  const std::string rel = "tests/golden/nested_stacks/error_parameters.yaml";
  CompileOptions options;
  options.checks.include_checks = {"I"};  // expectations show informational findings too
  Compiler compiler(options);
  ErrorOr<FileId> file = compiler.AddFile(rel);
  ASSERT_TRUE(file.ok()) << rel;
  CompileResult result = compiler.Validate(*file);
  std::string actual =
      RenderDiagnostics(result.diagnostics, compiler.sources(), DiagnosticFormat::kText);
  EXPECT_TRUE(
      testing::CompareGolden("tests/golden/nested_stacks/error_parameters.expected.diag", actual));
  EXPECT_TRUE(result.has_errors());
}

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

// Every registered code is shown by at least one golden expectation (any `*.expected*` file
// under tests/golden/), so each diagnostic's wording and position are pinned by a test. The
// few codes whose input cannot sensibly be a committed file are listed with the test that
// covers them instead.
TEST(DiagnosticRegistryTest, EveryCodeHasAGoldenTest) {
  const std::map<std::string, std::string> covered_elsewhere = {
      {"E1002", "needs a template over 1 MB: engine/validate/structure_test.cc"},
      {"E9013",
       "local artifacts are directory trees packaged for a deploy to AWS: "
       "engine/backend/aws/artifacts_test.cc"},
      {"E1162",
       "AWS's schemas use the KMS key id format only inside anyOf today, where it shows as the "
       "reason of an E3017: tests/golden/resources/error_formats_arns_and_ids.yaml"},
      {"E3652",
       "cfn-lint 1.51's data has no Elasticsearch instance types for any region, so it reports "
       "nothing, and cfnx, generating from that data, neither (scripts/gen_extension_schemas.py); "
       "the mechanism is the regional one of E3628 (tests/golden/resources/"
       "error_extension_instance_types.yaml)"},
      {"I3031",
       "no schema pattern of the registry is beyond both RE2 and PCRE2 today (lookarounds now "
       "run): resources/property_checker_test.cc (EcmaRegexTest), "
       "resources/pcre2_regex_test.cc"},
  };
  std::set<std::string> seen;
  std::filesystem::path root = testing::SourcePath("tests/golden");
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() ||
        entry.path().filename().string().find(".expected") == std::string::npos)
      continue;
    std::string text = testing::ReadFileOrEmpty(entry.path().string());
    for (const DiagCodeInfo& info : AllDiagCodes()) {
      if (text.find(info.id) != std::string::npos)
        seen.insert(std::string(info.id));
    }
  }
  std::string missing;
  for (const DiagCodeInfo& info : AllDiagCodes()) {
    std::string id(info.id);
    if (seen.count(id) == 0 && covered_elsewhere.count(id) == 0)
      missing += " " + id;
  }
  EXPECT_EQ(missing, "") << "codes without a golden test under tests/golden/";
}

}  // namespace
}  // namespace cfnx
