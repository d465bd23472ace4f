// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/ast/json_convert.h"

#include <gtest/gtest.h>

#include "engine/ast/dump.h"
#include "engine/parse/loader.h"

namespace cfnx {
namespace {

TEST(JsonConvertTest, WritesLongFormsAndKeepsNumberLexemes) {
  SourceManager sources;
  FileId id = sources.AddFile("t.yaml", "A: !Sub x\nB: [3.0, 010, yes, ~, 7]\nC: !GetAtt R.Arn\n");
  DiagnosticCollector diags;
  Document doc = LoadTemplate(sources, id, diags);
  ASSERT_NE(doc.root(), nullptr);
  EXPECT_EQ(ToJson(*doc.root()).dump(),
            R"({"A":{"Fn::Sub":"x"},"B":[3.0,8,true,null,7],"C":{"Fn::GetAtt":["R","Arn"]}})");
}

// Found by the render and language_extensions fuzzers: a number beyond a double's range became
// a discarded value, which dump() printed as `<discarded>`, so the output was not JSON.
TEST(JsonConvertTest, ANumberBeyondADoublesRangeKeepsItsText) {
  for (const char* name : {"t.json", "t.yaml"}) {
    SourceManager sources;
    FileId id = sources.AddFile(name, R"({"A": 2e+308, "B": -1e400, "C": 1e308})");
    DiagnosticCollector diags;
    Document doc = LoadTemplate(sources, id, diags);
    ASSERT_NE(doc.root(), nullptr) << name;
    EXPECT_EQ(ToJson(*doc.root()).dump(), R"({"A":"2e+308","B":"-1e400","C":1e+308})") << name;
  }
}

TEST(JsonConvertTest, FromJsonRoundTripsAndMakesFunctions) {
  OrderedJson json = OrderedJson::parse(R"({"Z":1,"A":{"Ref":"P"},"L":[{"Condition":"C"},false]})");
  Document doc;
  const Node* node = FromJson(json, doc);
  EXPECT_EQ(Dump(*node), "map{Z:1 A:Ref(\"P\") L:list{Condition(\"C\") false}}");
  EXPECT_EQ(ToJson(*node), json);
}

// A map with a repeated key (built by a transform; the loader drops them) keeps the key once,
// in its first position, with the last value: in small maps and in large ones alike.
TEST(JsonConvertTest, ARepeatedKeyKeepsItsFirstPositionAndLastValue) {
  for (int n : {3, 40}) {
    Document doc;
    std::vector<MapEntry> entries;
    for (int i = 0; i < n; ++i) {
      entries.push_back({doc.New<StringNode>(SourceRange{}, "K" + std::to_string(i), false),
                         doc.New<StringNode>(SourceRange{}, "v" + std::to_string(i), false)});
    }
    entries.push_back({doc.New<StringNode>(SourceRange{}, "K1", false),
                       doc.New<StringNode>(SourceRange{}, "last", false)});
    OrderedJson json = ToJson(*doc.New<MapNode>(SourceRange{}, entries));
    ASSERT_EQ(json.size(), static_cast<size_t>(n)) << n;
    EXPECT_EQ(std::next(json.begin()).key(), "K1");
    EXPECT_EQ(json["K1"], "last");
    EXPECT_EQ(json["K" + std::to_string(n - 1)], "v" + std::to_string(n - 1));
  }
}

}  // namespace
}  // namespace cfnx
