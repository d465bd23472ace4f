// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include <gtest/gtest.h>

#include "functions/eval_test_util.h"

namespace cfnx {
namespace {

using testing::EvalExpr;

// AWS example from the Fn::Base64 documentation.
TEST(Base64Test, Example) {
  EXPECT_EQ(EvalExpr("!Base64 AWS CloudFormation").json, "\"QVdTIENsb3VkRm9ybWF0aW9u\"");
  EXPECT_EQ(EvalExpr("!Base64 a").json, "\"YQ==\"");
  EXPECT_EQ(EvalExpr("!Base64 ab").json, "\"YWI=\"");
  EXPECT_EQ(EvalExpr("!Base64 \x27\x27").json, "\"\"");
}

TEST(Base64Test, UnknownStaysAFunction) {
  EXPECT_EQ(EvalExpr("!Base64 {Ref: Bucket}").json, "{\"Fn::Base64\":{\"Ref\":\"Bucket\"}}");
}

TEST(Base64Test, Errors) {
  EXPECT_EQ(EvalExpr("!Base64 [a]").codes, "E1021");
}

}  // namespace
}  // namespace cfnx
