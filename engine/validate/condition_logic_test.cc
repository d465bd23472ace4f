// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/validate/condition_logic.h"

#include <gtest/gtest.h>

#include "engine/parse/loader.h"

namespace cfnx {
namespace {

class ConditionLogicTest : public ::testing::Test {
 protected:
  void SetUp() override {
    file_ = sources_.AddFile("t.yaml", R"(Parameters:
  Env: {Type: String}
Conditions:
  IsUsEast1: !Equals [!Ref "AWS::Region", us-east-1]
  IsUsWest2: !Equals [us-west-2, !Ref "AWS::Region"]
  NotUsEast1: !Not [!Condition IsUsEast1]
  IsProd: !Equals [!Ref Env, prod]
  ProdEast: !And [!Condition IsProd, !Condition IsUsEast1]
  EastOrWest: !Or [!Condition IsUsEast1, !Condition IsUsWest2]
  Never: !Equals [a, b]
  Loop1: !Not [!Condition Loop2]
  Loop2: !Not [!Condition Loop1]
Resources:
  T: {Type: AWS::SNS::Topic}
)");
    doc_ = LoadTemplate(sources_, file_, diags_);
    t_ = BuildModel(doc_, diags_);
  }

  bool Sat(std::vector<ConditionAssumption> assumptions) {
    return ConditionLogic(t_).Satisfiable(assumptions);
  }

  SourceManager sources_;
  FileId file_ = 0;
  DiagnosticCollector diags_;
  Document doc_;
  Template t_;
};

TEST_F(ConditionLogicTest, ConditionAndItsNegationExclude) {
  EXPECT_TRUE(Sat({{"IsUsEast1", true}, {"IsUsEast1", true}}));
  EXPECT_FALSE(Sat({{"IsUsEast1", true}, {"IsUsEast1", false}}));
  EXPECT_FALSE(Sat({{"IsUsEast1", true}, {"NotUsEast1", true}}));
  EXPECT_TRUE(Sat({{"IsUsEast1", false}, {"NotUsEast1", true}}));
}

TEST_F(ConditionLogicTest, OneRefHasOneValue) {
  EXPECT_FALSE(Sat({{"IsUsEast1", true}, {"IsUsWest2", true}}));
  EXPECT_TRUE(Sat({{"IsUsEast1", false}, {"IsUsWest2", false}}));
  EXPECT_TRUE(Sat({{"IsProd", true}, {"IsUsEast1", true}}));
}

TEST_F(ConditionLogicTest, AndOrAndConstants) {
  EXPECT_FALSE(Sat({{"ProdEast", true}, {"IsProd", false}}));
  EXPECT_TRUE(Sat({{"ProdEast", false}, {"IsProd", true}}));
  EXPECT_FALSE(Sat({{"EastOrWest", true}, {"IsUsEast1", false}, {"IsUsWest2", false}}));
  EXPECT_FALSE(Sat({{"Never", true}}));
  EXPECT_TRUE(Sat({{"Never", false}}));
}

TEST_F(ConditionLogicTest, WhatItCannotAnalyseCountsAsSatisfiable) {
  EXPECT_TRUE(Sat({{"Undeclared", true}, {"IsUsEast1", true}}));
  EXPECT_TRUE(Sat({{"Loop1", true}, {"Loop1", false}}));
}

}  // namespace
}  // namespace cfnx
