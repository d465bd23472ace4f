// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The C API (cfnx/c_api.h): options, results as JSON, errors as {"error"}, and a C caller.

#include "cfnx/c_api.h"

#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

extern "C" char* cfnx_test_c_validate(const char* options, const char* text);

namespace {

using Json = nlohmann::json;

// Takes ownership of an API string.
Json Take(char* s) {
  EXPECT_NE(s, nullptr);
  if (s == nullptr)
    return nullptr;
  std::string text = s;
  cfnx_string_free(s);
  return Json::parse(text);
}

class CApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char* error = nullptr;
    compiler_ = cfnx_compiler_new(R"({"region": "eu-west-1"})", &error);
    ASSERT_NE(compiler_, nullptr) << (error != nullptr ? error : "");
  }
  void TearDown() override { cfnx_compiler_free(compiler_); }
  cfnx_compiler* compiler_ = nullptr;
};

TEST_F(CApiTest, ValidateReportsFindingsInCfnLintShape) {
  Json r = Take(cfnx_validate(compiler_, "t.yaml",
                              "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n"
                              "      BucketNam: x\n"));
  EXPECT_EQ(r["exit_code"], 2);
  ASSERT_EQ(r["diagnostics"].size(), 1u) << r.dump();
  const Json& d = r["diagnostics"][0];
  EXPECT_EQ(d["Rule"]["Id"], "E3002");
  EXPECT_EQ(d["Level"], "Error");
  EXPECT_EQ(d["Filename"], "t.yaml");
  EXPECT_EQ(d["Location"]["Start"]["LineNumber"], 5);
}

TEST_F(CApiTest, CleanTemplateExitsZero) {
  Json r = Take(cfnx_validate(compiler_, "t.yaml", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n"));
  EXPECT_EQ(r["exit_code"], 0);
  EXPECT_TRUE(r["diagnostics"].empty());
}

TEST_F(CApiTest, TransformAndRenderReturnTheProcessedTemplate) {
  const char* sam =
      "Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n"
      "    Properties:\n      Handler: i.h\n      Runtime: python3.12\n      CodeUri: s3://b/k.zip\n";
  Json t = Take(cfnx_transform(compiler_, "sam.yaml", sam));
  EXPECT_EQ(t["exit_code"], 0) << t.dump();
  EXPECT_EQ(t["template"]["Resources"]["F"]["Type"], "AWS::Lambda::Function");
  EXPECT_TRUE(t["template"]["Resources"].contains("FRole"));

  Json r = Take(cfnx_render(compiler_, "r.yaml",
                            "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n"
                            "      BucketName: !Sub '${AWS::Region}-x'\n"));
  EXPECT_EQ(r["template"]["Resources"]["B"]["Properties"]["BucketName"], "eu-west-1-x");
}

TEST_F(CApiTest, UnparsableTemplateHasNoProcessedTemplate) {
  Json t = Take(cfnx_transform(compiler_, "bad.yaml", "Resources: [\n"));
  EXPECT_EQ(t["exit_code"], 2);
  EXPECT_TRUE(t["template"].is_null());
  EXPECT_FALSE(t["diagnostics"].empty());
}

TEST_F(CApiTest, UnreadableFileIsAnErrorNotACrash) {
  Json r = Take(cfnx_validate_file(compiler_, "/nonexistent/t.yaml"));
  EXPECT_EQ(r["exit_code"], 1);
  EXPECT_NE(r["error"].get<std::string>().find("/nonexistent/t.yaml"), std::string::npos);
}

TEST(CApi, NullArgumentsAreErrors) {
  Json r = Take(cfnx_validate(nullptr, "t.yaml", "Resources: {}"));
  EXPECT_EQ(r["exit_code"], 1);
  EXPECT_TRUE(r.contains("error"));
  cfnx_string_free(nullptr);
  cfnx_compiler_free(nullptr);
}

TEST(CApi, BadOptionsAreRefusedWithAMessage) {
  for (const char* options : {"[1]", "{\"regoin\": \"x\"}", "{\"region\": 3}",
                              "{\"parameters\": {\"A\": 1}}", "{\"include_roots\": \"/\"}", "{"}) {
    char* error = nullptr;
    EXPECT_EQ(cfnx_compiler_new(options, &error), nullptr) << options;
    ASSERT_NE(error, nullptr) << options;
    EXPECT_GT(std::string(error).size(), 0u);
    cfnx_string_free(error);
  }
  EXPECT_EQ(cfnx_compiler_new("{\"regoin\": \"x\"}", nullptr), nullptr);
}

TEST(CApi, ParametersReachTheTemplate) {
  char* error = nullptr;
  cfnx_compiler* c = cfnx_compiler_new(R"({"parameters": {"Env": "prod"}})", &error);
  ASSERT_NE(c, nullptr);
  Json r = Take(cfnx_render(c, "p.yaml",
                            "Parameters:\n  Env:\n    Type: String\nResources:\n  B:\n"
                            "    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Ref Env\n"));
  EXPECT_EQ(r["template"]["Resources"]["B"]["Properties"]["BucketName"], "prod");
  cfnx_compiler_free(c);
}

TEST(CApi, UsableFromC) {
  Json r = Take(cfnx_test_c_validate(nullptr, "Resources:\n  B:\n    Type: AWS::S3::Bucket\n"));
  EXPECT_EQ(r["exit_code"], 0);
  char* error = cfnx_test_c_validate("{\"x\": 1}", "Resources: {}");
  ASSERT_NE(error, nullptr);
  EXPECT_EQ(std::string(error), "unknown option \"x\"");
  cfnx_string_free(error);
  EXPECT_STREQ(cfnx_version(), "0.1.0");
}

}  // namespace
