// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include <gtest/gtest.h>

#include "functions/eval_test_util.h"

namespace cfnx {
namespace {

using testing::EvalExpr;

// AWS examples from the Fn::Split documentation.
TEST(SplitTest, Examples) {
  EXPECT_EQ(EvalExpr("!Split [\"|\", \"a|b|c\"]").json, "[\"a\",\"b\",\"c\"]");
  EXPECT_EQ(EvalExpr("!Split [\"|\", \"a||c|\"]").json, "[\"a\",\"\",\"c\",\"\"]");
  EXPECT_EQ(EvalExpr("!Split [\",\", !ImportValue Subnets]").json,
            "{\"Fn::Split\":[\",\",{\"Fn::ImportValue\":\"Subnets\"}]}");
}

TEST(SplitTest, Errors) {
  EXPECT_EQ(EvalExpr("!Split [\"\", a]").codes, "E1018");
  EXPECT_EQ(EvalExpr("!Split [\",\", [a]]").codes, "E1018");
  EXPECT_EQ(EvalExpr("!Split [\",\"]").codes, "E1018");
}

}  // namespace
}  // namespace cfnx
