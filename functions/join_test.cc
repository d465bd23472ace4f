// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include <gtest/gtest.h>

#include "functions/eval_test_util.h"

namespace cfnx {
namespace {

using testing::EvalExpr;

// AWS examples from the Fn::Join documentation.
TEST(JoinTest, Simple) {
  EXPECT_EQ(EvalExpr("!Join [\":\", [a, b, c]]").json, "\"a:b:c\"");
}

TEST(JoinTest, WithPseudoParameters) {
  auto r = EvalExpr(
      "!Join [\x27\x27, [\x27"
      "arn:\x27, !Ref AWS::Partition, \x27:s3:::elasticbeanstalk-*-\x27, !Ref AWS::AccountId]]");
  EXPECT_EQ(r.json, "\"arn:aws:s3:::elasticbeanstalk-*-123456789012\"");
}

TEST(JoinTest, UnknownItemKeepsTheJoin) {
  EXPECT_EQ(EvalExpr("!Join [\"-\", [a, !Ref Bucket]]").json,
            "{\"Fn::Join\":[\"-\",[\"a\",{\"Ref\":\"Bucket\"}]]}");
}

TEST(JoinTest, ListFromFunction) {
  EXPECT_EQ(EvalExpr("!Join [\",\", !Split [\"|\", \"a|b\"]]").json, "\"a,b\"");
}

TEST(JoinTest, Errors) {
  EXPECT_EQ(EvalExpr("!Join [\",\"]").codes, "E1022");
  EXPECT_EQ(EvalExpr("!Join [[a], [b]]").codes, "E1022");
  EXPECT_EQ(EvalExpr("!Join [\",\", a]").codes, "E1022");
  EXPECT_EQ(EvalExpr("!Join [\",\", [[a]]]").codes, "E1022");
}

}  // namespace
}  // namespace cfnx
