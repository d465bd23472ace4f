// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The hand-written matchers that stand for the reference's regexes agree with those regexes.

#include <regex>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "transforms/sam/sam.h"

namespace cfnx::sam {
namespace {

const std::vector<std::string>& Texts() {
  static const std::vector<std::string> kTexts = {
      "",
      "s3://bucket/key",
      "{{resolve:ssm:name}}",
      "{{resolve:ssm:/path/name}}",
      "{{resolve:ssm:/path/name:12}}",
      "{{resolve:ssm:/path/name:}}",
      "{{resolve:ssm:/path/name:1a}}",
      "{{resolve:ssm::1}}",
      "{{resolve:ssm:}}",
      "{{resolve:ssm:a}",
      "{{resolve:ssm-secure:/a/b}}",
      "{{resolve:ssm-secure:ab:3}}",
      "{{resolve:secretsmanager:arn/x}}",
      "{{resolve:secretsmanager:a:b:c}}",
      "{{resolve:other:/a}}",
      "x{{resolve:{{resolve:ssm:/a}}",
      "{{resolve:ssm:a b}} {{resolve:ssm:/c}}",
      "{{resolve:ssm:ok}} {{resolve:ssm:/c}}",
      "{{resolve:ssm-secure:a}}{{resolve:ssm:/b}}",
      "{{{resolve:ssm:/a}}}",
      "{{resolve:ssm:a.b-c_d/e}}tail",
      "{{resolve:SSM:/a}}",
      "{{resolve:ssm:é}}",
  };
  return kTexts;
}

TEST(SamMatchersTest, DynamicReferencesAsTheFunctionRegexFindsThem) {
  const std::regex re(
      R"(\{\{resolve:(ssm|ssm-secure|secretsmanager):[a-zA-Z0-9_.\-/]+(:\d+)?\}\})");
  for (const std::string& text : Texts()) {
    std::smatch m;
    bool expected = std::regex_search(text, m, re);
    std::string_view name;
    bool found = FindDynamicReference(text, {"ssm", "ssm-secure", "secretsmanager"}, &name);
    ASSERT_EQ(found, expected) << text;
    if (found) {
      // The name is what follows "KIND:" in the first match, without the version.
      std::string match = m.str(0);
      EXPECT_NE(match.find(std::string(name)), std::string::npos) << text;
      EXPECT_EQ(name.find('/') != std::string_view::npos, match.find('/') != std::string::npos)
          << text;
      EXPECT_EQ(static_cast<size_t>(name.data() - text.data()),
                static_cast<size_t>(m.position(0)) + 10 + m.str(1).size() + 1)
          << text;
    }
  }
}

TEST(SamMatchersTest, DynamicReferencesAsTheApplicationRegexFindsThem) {
  const std::regex re(R"(\{\{resolve:ssm:[a-zA-Z0-9_.\-/]+(:\d+)?\}\})");
  for (const std::string& text : Texts()) {
    std::string_view name;
    EXPECT_EQ(FindDynamicReference(text, {"ssm"}, &name), std::regex_search(text, re)) << text;
  }
}

TEST(SamMatchersTest, AliasNamesAsTheRegexAcceptsThem) {
  const std::regex re(R"((?!^[0-9]+$)([a-zA-Z0-9\-_]+)$)");
  for (std::string name : {"", "live", "Live-1_x", "123", "0", "1a", "a1", "-", "_", "12-3", "a b",
                           "a.b", "live\n", "é", "a/b", "9_"}) {
    EXPECT_EQ(IsValidAliasName(name),
              std::regex_search(name, re, std::regex_constants::match_continuous))
        << name;
  }
}

}  // namespace
}  // namespace cfnx::sam
