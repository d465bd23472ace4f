// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "cfnx/check_options.h"

#include <gtest/gtest.h>

namespace cfnx {
namespace {

TEST(CheckOptionsTest, ErrorsAndWarningsByDefaultInformationalOnlyWhenIncluded) {
  CheckOptions none;
  EXPECT_TRUE(CheckEnabled("E3012", none));
  EXPECT_TRUE(CheckEnabled("W2001", none));
  EXPECT_FALSE(CheckEnabled("I3011", none));
  CheckOptions info;
  info.include_checks = {"I"};
  EXPECT_TRUE(CheckEnabled("I3011", info));
  info.include_checks = {"I30"};
  EXPECT_TRUE(CheckEnabled("I3011", info));
  EXPECT_FALSE(CheckEnabled("I5000", info));
}

TEST(CheckOptionsTest, IgnoreMatchesPrefixes) {
  CheckOptions c;
  c.ignore_checks = {"W", "E30", "E1019"};
  EXPECT_FALSE(CheckEnabled("W2001", c));
  EXPECT_FALSE(CheckEnabled("E3012", c));
  EXPECT_FALSE(CheckEnabled("E3001", c));
  EXPECT_FALSE(CheckEnabled("E1019", c));
  EXPECT_TRUE(CheckEnabled("E3102", c));
  EXPECT_TRUE(CheckEnabled("E1020", c));
  c.ignore_checks = {""};  // an empty entry ignores nothing, as in cfn-lint
  EXPECT_TRUE(CheckEnabled("E3012", c));
}

TEST(CheckOptionsTest, MandatoryWinsOverIgnoreButNotOverInclude) {
  CheckOptions c;
  c.ignore_checks = {"E"};
  c.mandatory_checks = {"E3012"};
  EXPECT_TRUE(CheckEnabled("E3012", c));
  EXPECT_FALSE(CheckEnabled("E3013", c));
  c.mandatory_checks = {"I3011"};  // mandatory does not include what is not included
  EXPECT_FALSE(CheckEnabled("I3011", c));
}

TEST(CheckOptionsTest, LayersTakeEachKeyFromTheFirstThatSetsIt) {
  CheckOptions cli, tmpl, file;
  tmpl.ignore_checks = {"W"};
  file.ignore_checks = {"E3012"};
  file.include_checks = {"I"};
  tmpl.mandatory_checks = {"E1"};  // never from the template
  file.mandatory_checks = {"E2"};
  tmpl.regions = {"eu-west-1"};
  CheckOptions layered = LayerCheckOptions(cli, tmpl, file);
  EXPECT_EQ(layered.ignore_checks, std::vector<std::string>{"W"});
  EXPECT_EQ(layered.include_checks, std::vector<std::string>{"I"});
  EXPECT_EQ(layered.mandatory_checks, std::vector<std::string>{"E2"});
  EXPECT_EQ(layered.regions, std::vector<std::string>{"eu-west-1"});
  EXPECT_FALSE(layered.ignore_bad_template.has_value());
  cli.ignore_checks = {"E3"};
  cli.regions = {"us-west-2", "us-east-1"};
  file.ignore_bad_template = true;
  layered = LayerCheckOptions(cli, tmpl, file);
  EXPECT_EQ(layered.ignore_checks, std::vector<std::string>{"E3"});
  EXPECT_EQ(layered.regions, (std::vector<std::string>{"us-west-2", "us-east-1"}));
  EXPECT_TRUE(layered.ignore_bad_template.value_or(false));
}

}  // namespace
}  // namespace cfnx
