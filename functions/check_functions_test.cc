// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The static function checks `cfnx validate` runs (engine/eval/check_functions.h), through the
// public Compiler so they are tested as users see them.

#include <gtest/gtest.h>

#include "cfnx/compiler.h"

namespace cfnx {
namespace {

// The ids of the diagnostics `cfnx validate` reports for `text`, space-separated, sorted by
// location.
std::string Codes(const std::string& text) {
  Compiler compiler;
  FileId file = compiler.AddSource("t.yaml", text);
  std::string out;
  for (const Diagnostic& d : compiler.Validate(file).diagnostics)
    out += (out.empty() ? "" : " ") + std::string(GetDiagCodeInfo(d.code).id);
  return out;
}

TEST(CheckFunctionsTest, CleanTemplateHasNoFindings) {
  EXPECT_EQ(Codes("Parameters:\n  Env: {Type: String, Default: dev}\n"
                  "Conditions:\n  IsProd: !Equals [!Ref Env, prod]\n"
                  "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Condition: IsProd\n"
                  "  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n"
                  "      QueueName: !If [IsProd, !GetAtt Topic.TopicName, !Ref AWS::NoValue]\n"
                  "Outputs:\n  Name:\n    Value: !Sub \"${AWS::StackName}-${Queue}\"\n"),
            "");
}

TEST(CheckFunctionsTest, ShapeErrorsAreReported) {
  EXPECT_EQ(Codes("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n"
                  "      QueueName: !Select [3, [a, b]]\n"),
            "E1017");
  // Three arguments, and the second is a string where the list of values goes: both reported,
  // as cfn-lint reports both.
  EXPECT_EQ(Codes("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n"
                  "      QueueName: !Join [\",\", a, b]\n"),
            "E1022 E1022");
  EXPECT_EQ(Codes("Resources:\n  Q:\n    Type: AWS::AutoScaling::AutoScalingGroup\n"
                  "    Properties:\n      MaxSize: \"1\"\n      MinSize: \"1\"\n"
                  "      LaunchConfigurationName: lc\n"
                  "      AvailabilityZones: {\"Fn::GetAZs\": null}\n"),
            "E1015");
}

TEST(CheckFunctionsTest, ParameterDefaultsDoNotDecide) {
  // With Index unknown at validation time, nothing can be said about the Select.
  EXPECT_EQ(Codes("Parameters:\n  Index: {Type: Number, Default: 5}\n"
                  "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n"
                  "      QueueName: !Select [!Ref Index, [a, b]]\n"),
            "");
}

TEST(CheckFunctionsTest, OutputValueMustBeAString) {
  EXPECT_EQ(Codes("Resources:\n  Q: {Type: AWS::SQS::Queue}\n"
                  "Outputs:\n  Azs:\n    Value: !GetAZs \"\"\n"),
            "E6003");
}

TEST(CheckFunctionsTest, ReferenceToConditionalResource) {
  EXPECT_EQ(Codes("Parameters:\n  Env: {Type: String}\n"
                  "Conditions:\n  IsProd: !Equals [!Ref Env, prod]\n"
                  "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Condition: IsProd\n"
                  "  Queue:\n    Type: AWS::SQS::Queue\n    DependsOn: Topic\n"),
            "W1001");
}

TEST(CheckFunctionsTest, SubNeeded) {
  EXPECT_EQ(Codes("Parameters:\n  Env: {Type: String}\n"
                  "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n"
                  "      QueueName: \"${Env}-queue\"\n"),
            "E1029");
  EXPECT_EQ(Codes("Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n"
                  "      QueueName: \"${NotAName}-queue\"\n"),
            "");
}

// Reported once, by the structure checks (E8001), not again here.
TEST(CheckFunctionsTest, IfNotAllowedInConditions) {
  EXPECT_EQ(Codes("Parameters:\n  Env: {Type: String}\n"
                  "Conditions:\n  A: !Equals [!Ref Env, a]\n"
                  "  B: !If [A, !Equals [a, a], !Equals [a, b]]\n"
                  "Resources:\n  Queue: {Type: AWS::SQS::Queue}\n"),
            "E8001");
}

}  // namespace
}  // namespace cfnx
