// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Golden cases for AWS::Include (tests/golden/transforms/aws_include/):
// see tests/testing/transform_golden.h for the layout.

#include "transforms/aws_include/aws_include.h"

#include <gtest/gtest.h>

#include "tests/testing/transform_golden.h"

namespace cfnx {
namespace {

class AwsIncludeGoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(AwsIncludeGoldenTest, MatchesExpected) {
  testing::RunTransformGolden(GetParam());
}

INSTANTIATE_TEST_SUITE_P(Golden, AwsIncludeGoldenTest,
                         ::testing::ValuesIn(testing::ListTransformCases("transforms/aws_include")),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return testing::GoldenCaseName(info.param);
                         });

}  // namespace
}  // namespace cfnx
