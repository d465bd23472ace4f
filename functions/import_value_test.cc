// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include <gtest/gtest.h>

#include "functions/eval_test_util.h"

namespace cfnx {
namespace {

using testing::EvalExpr;

TEST(ImportValueTest, UnknownWithoutSnapshot) {
  EXPECT_EQ(EvalExpr("!ImportValue SharedVpc").json, "{\"Fn::ImportValue\":\"SharedVpc\"}");
}

// AWS example: the export name built with Fn::Sub from a parameter.
TEST(ImportValueTest, FromSnapshot) {
  EvalOptions options;
  options.exports = std::map<std::string, std::string>{{"net-SubnetID", "subnet-123"}};
  auto r = EvalExpr("{\"Fn::ImportValue\": !Sub \x27${NetworkStackName}-SubnetID\x27}",
                    "Parameters:\n  NetworkStackName: {Type: String, Default: net}\n", options);
  EXPECT_EQ(r.json, "\"subnet-123\"");
  EXPECT_EQ(EvalExpr("!ImportValue missing", "", options).codes, "E1016");
}

TEST(ImportValueTest, CannotDependOnAResource) {
  EXPECT_EQ(EvalExpr("!ImportValue {Ref: Bucket}").codes, "E1016");
  EXPECT_EQ(EvalExpr("!ImportValue {\"Fn::Sub\": \x27${Bucket.Arn}\x27}").codes, "E1016");
}

}  // namespace
}  // namespace cfnx
