// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "functions/eval_test_util.h"

namespace cfnx {
namespace {

using testing::EvalExpr;

TEST(RefTest, Parameter) {
  auto r = EvalExpr("!Ref Env", "Parameters:\n  Env: {Type: String, Default: dev}\n");
  EXPECT_EQ(r.json, "\"dev\"");
  EXPECT_EQ(r.codes, "");
}

TEST(RefTest, PseudoParameters) {
  EvalOptions options;
  options.region = "cn-north-1";
  options.account_id = "111122223333";
  EXPECT_EQ(EvalExpr("!Ref AWS::Partition", "", options).json, "\"aws-cn\"");
  EXPECT_EQ(EvalExpr("!Ref AWS::URLSuffix", "", options).json, "\"amazonaws.com.cn\"");
  EXPECT_EQ(EvalExpr("!Ref AWS::AccountId", "", options).json, "\"111122223333\"");
  EXPECT_EQ(EvalExpr("!Ref AWS::Region", "", options).json, "\"cn-north-1\"");
  EXPECT_EQ(EvalExpr("!Ref AWS::StackName").json, "\"cfnx-stack\"");
  EXPECT_EQ(EvalExpr("!Ref AWS::NotificationARNs").json, "[]");
  // AWS::StackId exists only once the stack is created.
  EXPECT_EQ(EvalExpr("!Ref AWS::StackId").json, "{\"Ref\":\"AWS::StackId\"}");
  options.region = "us-gov-west-1";
  EXPECT_EQ(EvalExpr("!Ref AWS::Partition", "", options).json, "\"aws-us-gov\"");
  options.region = "us-isob-east-1";
  EXPECT_EQ(EvalExpr("!Ref AWS::URLSuffix", "", options).json, "\"sc2s.sgov.gov\"");
}

// AWS example: Ref of a resource gives its physical id, known after deployment.
TEST(RefTest, ResourceIsUnknownUntilDeployed) {
  EXPECT_EQ(EvalExpr("!Ref Bucket").json, "{\"Ref\":\"Bucket\"}");
  EvalOptions options;
  options.resources["Bucket"].physical_id = "my-bucket-1a2b";
  EXPECT_EQ(EvalExpr("!Ref Bucket", "", options).json, "\"my-bucket-1a2b\"");
}

// EvalOptions::find_resource answers for resources absent from EvalOptions::resources (the
// planner looks deployed resources up lazily); Ref, Fn::GetAtt and Fn::Sub all consult it.
TEST(RefTest, ResourceFromLookup) {
  ResourceState deployed;
  deployed.physical_id = "my-bucket-1a2b";
  deployed.attributes["Arn"] = Value::String("arn:aws:s3:::my-bucket-1a2b");
  std::vector<std::string> asked;
  EvalOptions options;
  options.find_resource = [&](std::string_view id) -> const ResourceState* {
    asked.emplace_back(id);
    return id == "Bucket" ? &deployed : nullptr;
  };
  EXPECT_EQ(EvalExpr("!Ref Bucket", "", options).json, "\"my-bucket-1a2b\"");
  EXPECT_EQ(EvalExpr("!GetAtt Bucket.Arn", "", options).json, "\"arn:aws:s3:::my-bucket-1a2b\"");
  EXPECT_EQ(EvalExpr("!Sub \"${Bucket}|${Bucket.Arn}\"", "", options).json,
            "\"my-bucket-1a2b|arn:aws:s3:::my-bucket-1a2b\"");
  EXPECT_EQ(EvalExpr("!GetAtt Bucket.DomainName", "", options).json,
            "{\"Fn::GetAtt\":[\"Bucket\",\"DomainName\"]}");
  EXPECT_EQ(asked.size(), 5u);
  // EvalOptions::resources comes first.
  options.resources["Bucket"].physical_id = "from-resources";
  EXPECT_EQ(EvalExpr("!Ref Bucket", "", options).json, "\"from-resources\"");
  EXPECT_EQ(asked.size(), 5u);
}

TEST(RefTest, UnknownNameSuggests) {
  auto r = EvalExpr("!Ref Bucke");
  EXPECT_EQ(r.codes, "E1020");
  EXPECT_NE(r.messages.find("Did you mean \x27"
                            "Bucket\x27"),
            std::string::npos)
      << r.messages;
}

TEST(RefTest, ListParameterSplitsAndTrims) {
  auto r =
      EvalExpr("!Ref L", "Parameters:\n  L: {Type: CommaDelimitedList, Default: \"a, b ,c\"}\n");
  EXPECT_EQ(r.json, "[\"a\",\"b\",\"c\"]");
}

TEST(RefTest, NoEchoIsMasked) {
  auto r = EvalExpr("!Ref P", "Parameters:\n  P: {Type: String, NoEcho: true, Default: s3cret}\n");
  EXPECT_EQ(r.json, "\"****\"");
}

TEST(RefTest, GivenValueChecked) {
  EvalOptions options;
  options.parameters["P"] = "abc";
  auto r = EvalExpr("!Ref P", "Parameters:\n  P: {Type: Number}\n", options);
  EXPECT_EQ(r.codes, "E2901");
  options.parameters["P"] = "7";
  r = EvalExpr("!Ref P", "Parameters:\n  P: {Type: Number, MaxValue: 5}\n", options);
  EXPECT_EQ(r.codes, "E2901");
  options.parameters["P"] = "ab";
  r = EvalExpr("!Ref P", "Parameters:\n  P: {Type: String, AllowedPattern: \"[a-z]\"}\n", options);
  EXPECT_EQ(r.codes, "E2901") << "AllowedPattern must match the whole value";
}

TEST(RefTest, MissingValueIsAnError) {
  auto r = EvalExpr("!Ref P", "Parameters:\n  P: {Type: String}\n");
  EXPECT_EQ(r.codes, "E2902");
  EXPECT_EQ(r.json, "null");
  EvalOptions options;
  options.require_parameter_values = false;
  r = EvalExpr("!Ref P", "Parameters:\n  P: {Type: String}\n", options);
  EXPECT_EQ(r.codes, "");
  EXPECT_EQ(r.json, "{\"Ref\":\"P\"}");
}

}  // namespace
}  // namespace cfnx
