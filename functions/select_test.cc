// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include <gtest/gtest.h>

#include "functions/eval_test_util.h"

namespace cfnx {
namespace {

using testing::EvalExpr;

// AWS examples from the Fn::Select documentation.
TEST(SelectTest, Examples) {
  EXPECT_EQ(EvalExpr("!Select [\"1\", [apples, grapes, oranges, mangoes]]").json, "\"grapes\"");
  EXPECT_EQ(EvalExpr("!Select [0, !GetAZs \"\"]").json, "\"us-east-1a\"");
  EXPECT_EQ(
      EvalExpr("!Select [2, !Split [\",\", !ImportValue AccountSubnetIDs]]").json,
      "{\"Fn::Select\":[2,{\"Fn::Split\":[\",\",{\"Fn::ImportValue\":\"AccountSubnetIDs\"}]}]}");
  EXPECT_EQ(EvalExpr("!Select [0, !Cidr [\"10.0.0.0/16\", 2, 8]]").json, "\"10.0.0.0/24\"");
}

TEST(SelectTest, IndexFromParameter) {
  EXPECT_EQ(
      EvalExpr("!Select [!Ref I, [a, b]]", "Parameters:\n  I: {Type: Number, Default: 1}\n").json,
      "\"b\"");
}

TEST(SelectTest, OutOfRange) {
  auto r = EvalExpr("!Select [4, [a, b]]");
  EXPECT_EQ(r.codes, "E1017");
  EXPECT_NE(r.messages.find("out of range"), std::string::npos);
}

TEST(SelectTest, Errors) {
  EXPECT_EQ(EvalExpr("!Select [-1, [a]]").codes, "E1017");
  EXPECT_EQ(EvalExpr("!Select [x, [a]]").codes, "E1017");
  EXPECT_EQ(EvalExpr("!Select [0, a]").codes, "E1017");
  EXPECT_EQ(EvalExpr("!Select [0]").codes, "E1017");
}

}  // namespace
}  // namespace cfnx
