// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Patterns of the usual shape are matched by hand on ASCII values; the answer must be RE2's.

#include "resources/ecma_regex.h"

#include <random>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <re2/re2.h>

#include "resources/embedded_schemas.h"

namespace cfnx {
namespace {

// RE2's answer on the translated pattern (what EcmaRegexSearch gave before the hand matcher).
bool Re2Search(const std::string& pattern, const std::string& value, bool* supported) {
  std::string why;
  const re2::RE2* re = CompiledEcmaRegex(pattern, &why);
  *supported = re != nullptr;
  return re == nullptr || re2::RE2::PartialMatch(value, *re);
}

void Collect(const nlohmann::json& j, std::set<std::string>* patterns) {
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (it.key() == "pattern" && it.value().is_string()) {
        patterns->insert(it.value().get<std::string>());
      } else if (it.key() == "patternProperties" && it.value().is_object()) {
        for (auto p = it.value().begin(); p != it.value().end(); ++p) {
          patterns->insert(p.key());
          Collect(p.value(), patterns);
        }
      } else {
        Collect(it.value(), patterns);
      }
    }
  } else if (j.is_array()) {
    for (const nlohmann::json& item : j) {
      Collect(item, patterns);
    }
  }
}

std::vector<std::string> Values(std::mt19937& rng) {
  std::vector<std::string> values = {
      "",     " ", "a", "A",  "z", "0", "_", "-", ".", "a b", "\t", "\n", "abc-123_X.y", "x\n",
      "\x7f", "]", "[", "\\", "$", "^", "{", "}", ":", "/",   "@",  "a]", "é",           "aé"};
  for (int c = 1; c < 128; ++c) {  // every ASCII character, alone and after a letter
    values.push_back(std::string(1, static_cast<char>(c)));
    values.push_back("a" + std::string(1, static_cast<char>(c)));
  }
  for (size_t n : {2, 3, 63, 64, 65, 128, 255, 256, 257, 1000, 1001, 1024, 2048}) {
    values.push_back(std::string(n, 'a'));
    values.push_back(std::string(n, '1'));
  }
  for (int n = 0; n < 40; ++n) {
    std::string v;
    size_t len = rng() % 5 == 0 ? rng() % 300 : rng() % 12;
    for (size_t k = 0; k < len; ++k) {
      v.push_back(static_cast<char>(rng() % 2 == 0 ? 'a' + rng() % 26 : 1 + rng() % 127));
    }
    values.push_back(v);
  }
  return values;
}

// Every pattern of the embedded registry, on ordinary, edge and random values.
TEST(EcmaRegexTest, HandMatchingAgreesWithRe2OnEveryRegistryPattern) {
  std::set<std::string> patterns;
  std::string_view blob = EmbeddedSchemaBlob();
  while (!blob.empty()) {
    size_t newline = blob.find('\n');
    std::string_view line = blob.substr(0, newline);
    blob = newline == std::string_view::npos ? std::string_view() : blob.substr(newline + 1);
    if (!line.empty()) {
      Collect(nlohmann::json::parse(line), &patterns);
    }
  }
  for (const char* extra : {"^[a-z]{2,4}$",        "^([a-z0-9])*$",
                            "^([a-z0-9]*)$",       "^([a-z]{1,3})$",
                            "^([a-z]+)+$",         "^([a-z])$",
                            "^[\\w-]+$",           "^[a-\\w]+$",
                            "^[a-c-e]+$",          "^[\\u0041-\\u005A]{1,1001}$",
                            "^[a]{1001,2000}$",    "^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$",
                            "^[[:alpha:]]+$",      "^[z-a]+$",
                            "^[\\x41]+$",          "^[\\d]+$",
                            "^[\\w\\s]*$",         "^[\\t\\n\\r\\f\\v]+$",
                            "^[\\]\\[\\\\]+$",     "^[a]{3,1}$",
                            "^[\\u00e9-\\u00ff]*$"}) {
    patterns.insert(extra);
  }
  std::mt19937 rng(7);
  size_t compared = 0;
  for (const std::string& pattern : patterns) {
    for (const std::string& value : Values(rng)) {
      bool re2_supported = false;
      bool expected = Re2Search(pattern, value, &re2_supported);
      if (!re2_supported) {
        continue;  // lookarounds and backreferences run on PCRE2 (pcre2_regex_test.cc)
      }
      bool supported = false;
      std::string why;
      bool got = EcmaRegexSearch(pattern, value, &supported, &why);
      ASSERT_EQ(supported, re2_supported) << pattern << " on " << value;
      ASSERT_EQ(got, expected) << pattern << " on '" << value << "'";
      ++compared;
    }
  }
  EXPECT_GT(patterns.size(), 1000u);
  EXPECT_GT(compared, 500000u);
}

}  // namespace
}  // namespace cfnx
