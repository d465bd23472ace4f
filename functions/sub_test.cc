// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include <gtest/gtest.h>

#include "functions/eval_test_util.h"

namespace cfnx {
namespace {

using testing::EvalExpr;

// AWS examples from the Fn::Sub documentation.
TEST(SubTest, PseudoParametersAndResources) {
  auto r = EvalExpr(
      "!Sub \x27"
      "arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:vpc/${Bucket}\x27");
  EXPECT_EQ(r.json, "{\"Fn::Sub\":\"arn:aws:ec2:us-east-1:123456789012:vpc/${Bucket}\"}");
  EXPECT_EQ(r.codes, "");
}

TEST(SubTest, MapForm) {
  auto r = EvalExpr("!Sub [\x27www.${Domain}\x27, {Domain: !Ref RootDomainName}]",
                    "Parameters:\n  RootDomainName: {Type: String, Default: example.com}\n");
  EXPECT_EQ(r.json, "\"www.example.com\"");
}

TEST(SubTest, MapFormKeepsUnknownVariables) {
  auto r = EvalExpr("!Sub [\x27${A}-${B}\x27, {A: !Ref Bucket, B: x}]");
  EXPECT_EQ(r.json, "{\"Fn::Sub\":[\"${A}-x\",{\"A\":{\"Ref\":\"Bucket\"}}]}");
}

TEST(SubTest, LiteralEscape) {
  EXPECT_EQ(EvalExpr("!Sub \x27${!Literal}-${AWS::Region}\x27").json, "\"${Literal}-us-east-1\"");
  EXPECT_EQ(EvalExpr("!Sub \x27${!Literal}-${Bucket}\x27").json,
            "{\"Fn::Sub\":\"${!Literal}-${Bucket}\"}");
}

TEST(SubTest, GetAttVariable) {
  EXPECT_EQ(EvalExpr("!Sub \x27${Bucket.Arn}/*\x27").json, "{\"Fn::Sub\":\"${Bucket.Arn}/*\"}");
}

TEST(SubTest, SpacesAroundNames) {
  EXPECT_EQ(EvalExpr("!Sub \x27${ AWS::Region }\x27").json, "\"us-east-1\"");
}

TEST(SubTest, Errors) {
  EXPECT_EQ(EvalExpr("!Sub \x27${Nope}\x27").codes, "E1019");
  EXPECT_EQ(EvalExpr("!Sub [a, b, c]").codes, "E1019");
  EXPECT_EQ(EvalExpr("!Sub [a, [b]]").codes, "E1019");
  EXPECT_EQ(
      EvalExpr("!Sub \x27${L}\x27", "Parameters:\n  L: {Type: CommaDelimitedList, Default: a}\n")
          .codes,
      "E1019");
}

}  // namespace
}  // namespace cfnx
