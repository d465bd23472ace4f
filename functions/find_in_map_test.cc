// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include <gtest/gtest.h>

#include "functions/eval_test_util.h"

namespace cfnx {
namespace {

using testing::EvalExpr;

constexpr const char* kMappings =
    "Mappings:\n  RegionMap:\n    us-east-1:\n      HVM64: ami-0ff8a91507f77f867\n"
    "      HVMG2: ami-0a584ac55a7631c0c\n    us-west-1:\n      HVM64: ami-0bdb828fd58c52235\n";

// AWS example from the Fn::FindInMap documentation.
TEST(FindInMapTest, Example) {
  EXPECT_EQ(EvalExpr("!FindInMap [RegionMap, !Ref \"AWS::Region\", HVM64]", kMappings).json,
            "\"ami-0ff8a91507f77f867\"");
}

TEST(FindInMapTest, DefaultValue) {
  EvalOptions options;
  options.language_extensions = true;
  EXPECT_EQ(
      EvalExpr("!FindInMap [RegionMap, eu-west-9, HVM64, {DefaultValue: none}]", kMappings, options)
          .json,
      "\"none\"");
  EXPECT_EQ(
      EvalExpr("!FindInMap [RegionMap, eu-west-9, HVM64, {DefaultValue: none}]", kMappings).codes,
      "E1011");
}

TEST(FindInMapTest, MissingKeys) {
  EXPECT_EQ(EvalExpr("!FindInMap [RegionMap, us-east-1, HVM32]", kMappings).codes, "E1011");
  EXPECT_EQ(EvalExpr("!FindInMap [Nope, us-east-1, HVM64]", kMappings).codes, "E1011");
  EvalOptions options;
  options.region = "eu-west-1";
  EXPECT_EQ(EvalExpr("!FindInMap [RegionMap, !Ref AWS::Region, HVM64]", kMappings, options).codes,
            "E1011");
  EXPECT_EQ(EvalExpr("!FindInMap [RegionMap, us-east-1]", kMappings).codes, "E1011");
}

}  // namespace
}  // namespace cfnx
