// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include <gtest/gtest.h>

#include "functions/eval_test_util.h"

namespace cfnx {
namespace {

using testing::CheckRules;
using testing::EvalExpr;

// Modeled on the AWS example in rules-section-structure.html.
constexpr const char* kTemplate =
    "Parameters:\n  Environment: {Type: String}\n  InstanceType: {Type: String}\n"
    "Rules:\n  prodInstanceType:\n    RuleCondition: !Equals [!Ref Environment, prod]\n"
    "    Assertions:\n      - Assert: {\"Fn::Contains\": [[m1.large], !Ref InstanceType]}\n"
    "        AssertDescription: For a production environment, the instance type must be "
    "m1.large\n"
    "Resources:\n  B: {Type: AWS::S3::Bucket}\n";

TEST(RulesTest, AssertionFailsWithDescription) {
  EvalOptions options;
  options.parameters = {{"Environment", "prod"}, {"InstanceType", "t2.micro"}};
  auto r = CheckRules(kTemplate, options);
  EXPECT_EQ(r.codes, "E2904");
  EXPECT_NE(r.messages.find("must be m1.large"), std::string::npos) << r.messages;
}

TEST(RulesTest, AssertionHolds) {
  EvalOptions options;
  options.parameters = {{"Environment", "prod"}, {"InstanceType", "m1.large"}};
  EXPECT_EQ(CheckRules(kTemplate, options).codes, "");
  options.parameters = {{"Environment", "dev"}, {"InstanceType", "t2.micro"}};
  EXPECT_EQ(CheckRules(kTemplate, options).codes, "") << "RuleCondition false: rule skipped";
}

TEST(RulesTest, AccountFunctionsAreReported) {
  auto r = CheckRules(
      "Parameters:\n  Subnet: {Type: AWS::EC2::Subnet::Id, Default: subnet-1}\n"
      "Rules:\n  R:\n    Assertions:\n      - Assert: {\"Fn::EachMemberEquals\": "
      "[{\"Fn::ValueOfAll\": [\"AWS::EC2::Subnet::Id\", VpcId]}, vpc-1]}\n"
      "Resources:\n  B: {Type: AWS::S3::Bucket}\n");
  EXPECT_EQ(r.codes, "I2905");
}

TEST(RulesFunctionsTest, Evaluate) {
  EXPECT_EQ(EvalExpr("{\"Fn::Contains\": [[a, b], b]}").json, "true");
  EXPECT_EQ(EvalExpr("{\"Fn::EachMemberEquals\": [[a, a], a]}").json, "true");
  EXPECT_EQ(EvalExpr("{\"Fn::EachMemberEquals\": [[a, b], a]}").json, "false");
  EXPECT_EQ(EvalExpr("{\"Fn::EachMemberIn\": [[a, b], [a, b, c]]}").json, "true");
  EXPECT_EQ(EvalExpr("{\"Fn::EachMemberIn\": [[a, d], [a, b, c]]}").json, "false");
}

}  // namespace
}  // namespace cfnx
