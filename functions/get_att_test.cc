// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include <gtest/gtest.h>

#include "functions/eval_test_util.h"

namespace cfnx {
namespace {

using testing::EvalExpr;

// AWS example: !GetAtt myELB.DNSName, known after deployment.
TEST(GetAttTest, BothFormsAreUnknownUntilDeployed) {
  EXPECT_EQ(EvalExpr("!GetAtt Bucket.Arn").json, "{\"Fn::GetAtt\":[\"Bucket\",\"Arn\"]}");
  EXPECT_EQ(EvalExpr("{\"Fn::GetAtt\": [Bucket, DomainName]}").json,
            "{\"Fn::GetAtt\":[\"Bucket\",\"DomainName\"]}");
}

TEST(GetAttTest, DeployedStateGivesValue) {
  EvalOptions options;
  options.resources["Bucket"].attributes["Arn"] = Value::String("arn:aws:s3:::b");
  EXPECT_EQ(EvalExpr("!GetAtt Bucket.Arn", "", options).json, "\"arn:aws:s3:::b\"");
}

TEST(GetAttTest, DottedAttribute) {
  EXPECT_EQ(EvalExpr("!GetAtt Bucket.Outputs.Name").json,
            "{\"Fn::GetAtt\":[\"Bucket\",\"Outputs.Name\"]}");
}

TEST(GetAttTest, AttributeFromParameter) {
  auto r = EvalExpr("{\"Fn::GetAtt\": [Bucket, !Ref A]}",
                    "Parameters:\n  A: {Type: String, Default: Arn}\n");
  EXPECT_EQ(r.json, "{\"Fn::GetAtt\":[\"Bucket\",\"Arn\"]}");
}

TEST(GetAttTest, Errors) {
  EXPECT_EQ(EvalExpr("!GetAtt Nope.Arn").codes, "E1010");
  EXPECT_EQ(EvalExpr("{\"Fn::GetAtt\": [Bucket]}").codes, "E1010");
  EXPECT_EQ(EvalExpr("{\"Fn::GetAtt\": Bucket}").codes, "E1010");
}

}  // namespace
}  // namespace cfnx
