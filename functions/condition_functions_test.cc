// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include <gtest/gtest.h>

#include "functions/eval_test_util.h"

namespace cfnx {
namespace {

using testing::EvalExpr;

constexpr const char* kParams =
    "Parameters:\n  Env: {Type: String, Default: prod}\n"
    "Conditions:\n  IsProd: !Equals [!Ref Env, prod]\n  IsDev: !Equals [!Ref Env, dev]\n"
    "  Either: !Or [!Condition IsProd, !Condition IsDev]\n"
    "  Both: !And [!Condition IsProd, !Condition IsDev]\n"
    "  NotProd: !Not [!Condition IsProd]\n";

TEST(ConditionFunctionsTest, IfPicksBranch) {
  EXPECT_EQ(EvalExpr("!If [IsProd, a, b]", kParams).json, "\"a\"");
  EXPECT_EQ(EvalExpr("!If [NotProd, a, b]", kParams).json, "\"b\"");
  EXPECT_EQ(EvalExpr("!If [Either, a, b]", kParams).json, "\"a\"");
  EXPECT_EQ(EvalExpr("!If [Both, a, b]", kParams).json, "\"b\"");
}

TEST(ConditionFunctionsTest, NoValueRemovesListItemsAndProperties) {
  EXPECT_EQ(EvalExpr("[a, !If [NotProd, b, !Ref AWS::NoValue]]", kParams).json, "[\"a\"]");
  EXPECT_EQ(EvalExpr("{A: 1, B: !If [NotProd, b, !Ref AWS::NoValue]}", kParams).json, "{\"A\":1}");
}

TEST(ConditionFunctionsTest, UnknownConditionKeepsBothBranches) {
  EvalOptions options;
  options.require_parameter_values = false;
  auto r = EvalExpr(
      "!If [IsProd, a, !Ref AWS::NoValue]",
      "Parameters:\n  Env: {Type: String}\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\n",
      options);
  EXPECT_EQ(r.json, "{\"Fn::If\":[\"IsProd\",\"a\",{\"Ref\":\"AWS::NoValue\"}]}");
}

TEST(ConditionFunctionsTest, EqualsComparesText) {
  EXPECT_EQ(EvalExpr("!Equals [1, \"1\"]").json, "true");
  EXPECT_EQ(EvalExpr("!Equals [a, b]").json, "false");
  EXPECT_EQ(EvalExpr("!Equals [!Ref AWS::Region, us-east-1]").json, "true");
}

TEST(ConditionFunctionsTest, Errors) {
  EXPECT_EQ(EvalExpr("!If [IsProd, a]", kParams).codes, "E1028");
  EXPECT_EQ(EvalExpr("!If [Nope, a, b]", kParams).codes, "E8002");
  EXPECT_EQ(EvalExpr("!Equals [a]").codes, "E8003");
  EXPECT_EQ(EvalExpr("!And [!Equals [a, a]]").codes, "E8004");
  EXPECT_EQ(EvalExpr("!Or [!Equals [a, a]]").codes, "E8006");
  EXPECT_EQ(EvalExpr("!Not [!Equals [a, a], !Equals [a, a]]").codes, "E8005");
  EXPECT_EQ(EvalExpr("!And [a, b]").codes, "E8004 E8004");
}

TEST(ConditionFunctionsTest, CycleIsReportedOnce) {
  auto r = EvalExpr("x", "Conditions:\n  A: !Condition B\n  B: !Not [!Condition A]\n");
  EXPECT_EQ(r.codes, "E8901");
}

}  // namespace
}  // namespace cfnx
