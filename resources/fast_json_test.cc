// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// ParseJsonFast must give exactly what nlohmann's parser gives, number types included.

#include "resources/fast_json.h"

#include <gtest/gtest.h>

#include "resources/embedded_schemas.h"

namespace cfnx {
namespace {

using Json = nlohmann::json;

// Equality that also tells number types apart (nlohmann's == says 1u == 1).
bool Same(const Json& a, const Json& b) {
  if (a.type() != b.type()) {
    return false;
  }
  if (a.is_object()) {
    if (a.size() != b.size()) {
      return false;
    }
    for (auto it = a.begin(), jt = b.begin(); it != a.end(); ++it, ++jt) {
      if (it.key() != jt.key() || !Same(it.value(), jt.value())) {
        return false;
      }
    }
    return true;
  }
  if (a.is_array()) {
    if (a.size() != b.size()) {
      return false;
    }
    for (size_t i = 0; i < a.size(); ++i) {
      if (!Same(a[i], b[i])) {
        return false;
      }
    }
    return true;
  }
  if (a.is_discarded()) {
    return true;
  }
  return a == b;
}

void ExpectSameAsNlohmann(std::string_view text) {
  Json expected = Json::parse(text, nullptr, false);
  Json got = ParseJsonFast(text);
  EXPECT_TRUE(Same(got, expected))
      << text << "\n got " << got.dump() << "\n want " << expected.dump();
}

TEST(FastJsonTest, EveryRegistryDocument) {
  std::string_view blob = EmbeddedSchemaBlob();
  size_t documents = 0;
  while (!blob.empty()) {
    size_t newline = blob.find('\n');
    std::string_view line = blob.substr(0, newline);
    blob = newline == std::string_view::npos ? std::string_view() : blob.substr(newline + 1);
    if (line.empty()) {
      continue;
    }
    ++documents;
    Json expected = Json::parse(line);
    ASSERT_TRUE(Same(ParseJsonFast(line), expected)) << line.substr(0, 200);
  }
  EXPECT_GT(documents, 1000u);
}

TEST(FastJsonTest, EdgeCases) {
  for (const char* text : {
           "{}",
           "[]",
           " { \"a\" : [ 1 , -2 , 0 , -0 , true , false , null ] } ",
           "\"x\"",
           "7",
           "18446744073709551615",
           "18446744073709551616",
           "-9223372036854775808",
           "-9223372036854775809",
           "1.5",
           "1e5",
           "-1E-2",
           "0.0",
           "01",
           "-",
           "1.",
           "[1,]",
           "{,}",
           "{\"a\":1,}",
           "{\"a\":1 \"b\":2}",
           "{\"a\":1,\"a\":2}",
           "\"\\u00e9\\u20ac\"",
           "\"\\ud83d\\ude00\"",
           "\"\\ud83d\"",
           "\"\\ude00\"",
           "\"\\u12\"",
           "\"a\\qb\"",
           "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"",
           "\"\xc3\xa9\"",
           "\"\xff\"",
           "\"a\tb\"",
           "[1] x",
           "",
           "tru",
           "nul",
           "[[[[[[[[[[1]]]]]]]]]]",
           "{\"k\": {\"k\": {\"k\": []}}}",
       }) {
    ExpectSameAsNlohmann(text);
  }
  std::string deep(1000, '[');
  deep += std::string(1000, ']');
  ExpectSameAsNlohmann(deep);
}

}  // namespace
}  // namespace cfnx
