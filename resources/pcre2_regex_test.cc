// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "resources/pcre2_regex.h"

#include <set>
#include <string>
#include <string_view>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "resources/ecma_regex.h"
#include "resources/embedded_schemas.h"

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
  EXPECT_EQ(Search("^\\u{42}$", "B"), true);    // \u{...}
  EXPECT_EQ(Search("^[^]$", "\n"), true);       // [^] is any character
  EXPECT_EQ(Search("^a$", "a\n"), false);       // $ only at the very end
  EXPECT_EQ(Search("^(?=.*\\d)\\w{3}$",
                   "\xc3\xa9"
                   "1a"),
            false);  // UTF-8 input
}

// Spellings of AWS's schemas that PCRE2 reads differently from ECMAScript / Python's regex.
TEST(Pcre2RegexTest, SchemaSpellingsPcre2ReadsDifferently) {
  EXPECT_EQ(Search("^\\p{Print}+$", "h\xc3\xa9llo w\xc3\xb6rld!"), true);
  EXPECT_EQ(Search("^\\p{Print}+$", "tab\there"), false);
  EXPECT_EQ(Search("^[\\p{Graph}\\x20]*$", "a b,c"), true);
  EXPECT_EQ(Search("^[\\p{Graph}\\x20]*$", "a\nb"), false);
  EXPECT_EQ(Search("^[\\p{L}\\p{N}\\p{Z}-_]*$", "a-b_c 1"), true);  // '-' after \p{Z}: literal
  EXPECT_EQ(Search("^[\\p{L}\\p{N}\\p{Z}-_]*$", "a.b"), false);
  // UTF-16 surrogates cannot occur in UTF-8 text: dropped from classes, ranges clamped.
  EXPECT_EQ(
      Search("^(?!\\s*$)[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDBFF-\\uDC00\\uDFFF\\t]*$", "ok"),
      true);
  EXPECT_EQ(
      Search("^(?!\\s*$)[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDBFF-\\uDC00\\uDFFF\\t]*$", "  "),
      false);
  EXPECT_EQ(Search("^\\uD800$", "x"), false);
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

void CollectPatterns(const nlohmann::json& j, std::set<std::string>* out) {
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (it.key() == "pattern" && it->is_string())
        out->insert(it->get<std::string>());
      if (it.key() == "patternProperties" && it->is_object()) {
        for (auto p = it->begin(); p != it->end(); ++p)
          out->insert(p.key());
      }
      CollectPatterns(*it, out);
    }
  } else if (j.is_array()) {
    for (const nlohmann::json& item : j)
      CollectPatterns(item, out);
  }
}

// Every pattern of the embedded registry that RE2 cannot run is decided by PCRE2, so I3031
// ("pattern not checked") does not occur with today's schemas.
TEST(Pcre2RegexTest, EveryRegistryPatternRe2CannotRunRunsOnPcre2) {
  std::set<std::string> patterns;
  std::string_view blob = EmbeddedSchemaBlob();
  while (!blob.empty()) {
    size_t newline = blob.find('\n');
    std::string_view line = blob.substr(0, newline);
    blob = newline == std::string_view::npos ? std::string_view() : blob.substr(newline + 1);
    if (!line.empty())
      CollectPatterns(nlohmann::json::parse(line), &patterns);
  }
  size_t on_pcre2 = 0;
  for (const std::string& pattern : patterns) {
    std::string why;
    if (CompiledEcmaRegex(pattern, &why) != nullptr)
      continue;
    ++on_pcre2;
    for (const char* value : {"", "a", "example.com", "-x", "aws:tag"}) {
      EXPECT_TRUE(Pcre2EcmaSearch(pattern, value, &why).has_value()) << pattern << ": " << why;
    }
  }
  EXPECT_GT(on_pcre2, 0u);
}

}  // namespace
}  // namespace cfnx
