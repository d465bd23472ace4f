// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include <gtest/gtest.h>

#include "functions/eval_test_util.h"
#include "functions/functions.h"

namespace cfnx {
namespace {

using testing::EvalExpr;

// AWS examples from the Fn::GetAZs documentation.
TEST(GetAZsTest, Examples) {
  EXPECT_EQ(EvalExpr("!GetAZs us-east-2").json, "[\"us-east-2a\",\"us-east-2b\",\"us-east-2c\"]");
  EvalOptions options;
  options.region = "eu-west-1";
  EXPECT_EQ(EvalExpr("!GetAZs \"\"", "", options).json,
            "[\"eu-west-1a\",\"eu-west-1b\",\"eu-west-1c\"]");
  EXPECT_EQ(EvalExpr("!GetAZs {Ref: AWS::Region}", "", options).json,
            "[\"eu-west-1a\",\"eu-west-1b\",\"eu-west-1c\"]");
}

TEST(GetAZsTest, EveryPartition) {
  for (const char* region : {"cn-north-1", "us-gov-west-1", "us-iso-east-1", "us-isob-east-1",
                             "eu-isoe-west-1", "us-isof-south-1", "eusc-de-east-1"}) {
    std::vector<std::string> zones;
    EXPECT_TRUE(AvailabilityZones(region, &zones)) << region;
    EXPECT_FALSE(zones.empty()) << region;
  }
}

TEST(GetAZsTest, Errors) {
  EXPECT_EQ(EvalExpr("!GetAZs mars-1").codes, "E1015");
  EXPECT_EQ(EvalExpr("!GetAZs [a]").codes, "E1015");
  EXPECT_EQ(EvalExpr("!GetAZs {\"Fn::Join\": [\"\", [us-east-1]]}").codes, "E1015");
}

}  // namespace
}  // namespace cfnx
