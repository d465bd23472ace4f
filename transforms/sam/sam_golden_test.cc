// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Golden cases for the SAM transform (tests/golden/transforms/sam/): each template's processed
// JSON, or its diagnostics, as `cfnx transform` prints them, plus unit checks of the pieces
// that must match the reference bit for bit (logical-id hashing, Python-style messages).

#include <gtest/gtest.h>

#include "cfnx/compiler.h"
#include "engine/diag/render.h"
#include "tests/testing/golden.h"
#include "transforms/sam/sam.h"

namespace cfnx {
namespace {

class SamGoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(SamGoldenTest, MatchesExpected) {
  const std::string& rel = GetParam();
  std::string text = testing::ReadFileOrEmpty(testing::SourcePath("tests/golden/" + rel));
  CompileOptions options;
  options.region = "ap-southeast-1";
  options.parameters["param1"] = "value1";
  // Offline answers of the Serverless Application Repository for AWS::Serverless::Application.
  options.sar_mock = testing::SourcePath("tests/golden/transforms/sam/sar_answers.sarmock");
  Compiler compiler(options);
  FileId file = compiler.AddSource(rel, text);
  Compiler::TransformOutput out = compiler.TransformTemplate(file);
  std::string actual = out.json;
  actual += RenderDiagnostics(out.result.diagnostics, compiler.sources(), DiagnosticFormat::kText);
  std::string stem = rel.substr(0, rel.rfind('.'));
  EXPECT_TRUE(testing::CompareGolden("tests/golden/" + stem + ".expected.txt", actual));
  bool error_case = rel.find("/error_") != std::string::npos;
  EXPECT_EQ(out.json.empty(), error_case);
}

INSTANTIATE_TEST_SUITE_P(Golden, SamGoldenTest,
                         ::testing::ValuesIn(testing::ListGoldenCases("transforms/sam",
                                                                      {".yaml", ".json"})),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return testing::GoldenCaseName(info.param);
                         });

TEST(SamHashTest, MatchesPythonJsonDumps) {
  // json.dumps({"b": [1, 2.5, "é"], "a": None}, separators=(",", ":"), sort_keys=True)
  sam::Json value = sam::Json::parse(R"({"b": [1, 2.5, "\u00e9\ud83d\ude00"], "a": null})");
  EXPECT_EQ(sam::PyJsonDumps(value), R"({"a":null,"b":[1,2.5,"\u00e9\ud83d\ude00"]})");
  // hashlib.sha1(b'{"S3Bucket":"sam-demo-bucket","S3Key":"hello.zip"}').hexdigest()[:10]
  sam::Json code = sam::Json::parse(R"({"S3Key": "hello.zip", "S3Bucket": "sam-demo-bucket"})");
  EXPECT_EQ(sam::GenerateLogicalId("MinimalFunctionVersion", &code),
            "MinimalFunctionVersion640128d35d");
  sam::Json empty = sam::Json::object();
  EXPECT_EQ(sam::GenerateLogicalId("Prefix", &empty), "Prefix");
}

TEST(SamMessageTest, PythonReprOfValues) {
  EXPECT_EQ(sam::PyStr(sam::Json::parse(R"(["a", 1, true, null])")), "['a', 1, True, None]");
  EXPECT_EQ(sam::PyStr(sam::Json("plain")), "plain");
  EXPECT_EQ(sam::PyRepr(sam::Json("it's")), "\"it's\"");
}

}  // namespace
}  // namespace cfnx
