// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include <gtest/gtest.h>

#include "functions/eval_test_util.h"

namespace cfnx {
namespace {

using testing::EvalExpr;

// AWS example from the Fn::ToJsonString documentation.
TEST(ToJsonStringTest, Example) {
  EvalOptions options;
  options.language_extensions = true;
  EXPECT_EQ(EvalExpr("{\"Fn::ToJsonString\": {key1: value1, key2: value2}}", "", options).json,
            "\"{\\\"key1\\\":\\\"value1\\\",\\\"key2\\\":\\\"value2\\\"}\"");
  EXPECT_EQ(EvalExpr("{\"Fn::ToJsonString\": [a, !Ref AWS::Region]}", "", options).json,
            "\"[\\\"a\\\",\\\"us-east-1\\\"]\"");
}

TEST(ToJsonStringTest, Errors) {
  EXPECT_EQ(EvalExpr("{\"Fn::ToJsonString\": {a: b}}").codes, "E1031");
  EvalOptions options;
  options.language_extensions = true;
  EXPECT_EQ(EvalExpr("{\"Fn::ToJsonString\": a}", "", options).codes, "E1031");
}

}  // namespace
}  // namespace cfnx
