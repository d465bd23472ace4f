// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Golden cases for AWS::LanguageExtensions (tests/golden/transforms/language_extensions/):
// see tests/testing/transform_golden.h for the layout.

#include "transforms/language_extensions/language_extensions.h"

#include <gtest/gtest.h>

#include "tests/testing/transform_golden.h"

namespace cfnx {
namespace {

class LanguageExtensionsGoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(LanguageExtensionsGoldenTest, MatchesExpected) {
  testing::RunTransformGolden(GetParam());
}

INSTANTIATE_TEST_SUITE_P(
    Golden, LanguageExtensionsGoldenTest,
    ::testing::ValuesIn(testing::ListTransformCases("transforms/language_extensions")),
    [](const ::testing::TestParamInfo<std::string>& info) {
      return testing::GoldenCaseName(info.param);
    });

}  // namespace
}  // namespace cfnx
