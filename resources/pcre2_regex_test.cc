// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "resources/pcre2_regex.h"

#include <string>

#include <gtest/gtest.h>

#include "resources/ecma_regex.h"

namespace cfnx {
namespace {

std::optional<bool> Search(const std::string& pattern, const std::string& value) {
  std::string why;
  return Pcre2EcmaSearch(pattern, value, &why);
}

TEST(Pcre2RegexTest, LookaroundsAndBackreferences) {
  EXPECT_EQ(Search("^(?!aws:).*$", "aws:tag"), false);
  EXPECT_EQ(Search("^(?!aws:).*$", "team"), true);
  EXPECT_EQ(Search("(?<=a)b", "ab"), true);
  EXPECT_EQ(Search("(?<=a)b", "cb"), false);
  EXPECT_EQ(Search("^(ab)\\1$", "abab"), true);
  EXPECT_EQ(Search("^(ab)\\1$", "abba"), false);
}

TEST(Pcre2RegexTest, EcmaScriptSpellings) {
  EXPECT_EQ(Search("^\\u0041+$", "AA"), true);  // \uXXXX
  EXPECT_EQ(Search("^\\u{42}$", "B"), true);     // \u{...}
  EXPECT_EQ(Search("^[^]$", "\n"), true);        // [^] is any character
  EXPECT_EQ(Search("^a$", "a\n"), false);        // $ only at the very end
  EXPECT_EQ(Search("^(?=.*\\d)\\w{3}$", "\xc3\xa9" "1a"), false);  // UTF-8 input
}

TEST(Pcre2RegexTest, UndecidableIsNotAVerdict) {
  std::string why;
  EXPECT_FALSE(Pcre2EcmaSearch("(?<=a+)b(", "ab", &why).has_value());
  EXPECT_NE(why.find("PCRE2 cannot compile"), std::string::npos) << why;
  // Exponential backtracking stops at the budget instead of stalling validation.
  why.clear();
  EXPECT_FALSE(Pcre2EcmaSearch("^(?=x?)(a|a)+$", std::string(40, 'a') + "b", &why).has_value());
  EXPECT_NE(why.find("could not decide"), std::string::npos) << why;
}

TEST(Pcre2RegexTest, EcmaRegexSearchFallsBackToPcre2) {
  bool supported = false;
  std::string why;
  EXPECT_FALSE(EcmaRegexSearch("^(?!aws:)[a-z:]+$", "aws:x", &supported, &why));
  EXPECT_TRUE(supported) << why;
  EXPECT_TRUE(EcmaRegexSearch("^(?!aws:)[a-z:]+$", "app:x", &supported, &why));
  EXPECT_TRUE(supported) << why;
}

}  // namespace
}  // namespace cfnx
