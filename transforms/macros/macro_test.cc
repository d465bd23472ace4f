// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Golden cases for template macros run by local commands (tests/golden/transforms/macros/):
// see tests/testing/transform_golden.h for the layout.

#include "transforms/macros/macro.h"

#include <gtest/gtest.h>

#include "tests/testing/transform_golden.h"

namespace cfnx {
namespace {

class MacroGoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(MacroGoldenTest, MatchesExpected) {
  testing::RunTransformGolden(GetParam());
}

INSTANTIATE_TEST_SUITE_P(Golden, MacroGoldenTest,
                         ::testing::ValuesIn(testing::ListTransformCases("transforms/macros")),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return testing::GoldenCaseName(info.param);
                         });

}  // namespace
}  // namespace cfnx
