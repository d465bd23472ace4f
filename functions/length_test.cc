// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include <gtest/gtest.h>

#include "functions/eval_test_util.h"

namespace cfnx {
namespace {

using testing::EvalExpr;

TEST(LengthTest, CountsItems) {
  EvalOptions options;
  options.language_extensions = true;
  EXPECT_EQ(EvalExpr("{\"Fn::Length\": [1, 2, 3]}", "", options).json, "3");
  EXPECT_EQ(EvalExpr("{\"Fn::Length\": !Ref L}",
                     "Parameters:\n  L: {Type: CommaDelimitedList, Default: \"a,b\"}\n", options)
                .json,
            "2");
  EXPECT_EQ(EvalExpr("{\"Fn::Length\": [!Ref Bucket]}", "", options).json, "1");
}

TEST(LengthTest, Errors) {
  EXPECT_EQ(EvalExpr("{\"Fn::Length\": [1]}").codes, "E1030");
  EvalOptions options;
  options.language_extensions = true;
  EXPECT_EQ(EvalExpr("{\"Fn::Length\": a}", "", options).codes, "E1030");
}

}  // namespace
}  // namespace cfnx
