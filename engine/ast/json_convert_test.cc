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

TEST(JsonConvertTest, FromJsonRoundTripsAndMakesFunctions) {
  OrderedJson json = OrderedJson::parse(R"({"Z":1,"A":{"Ref":"P"},"L":[{"Condition":"C"},false]})");
  Document doc;
  const Node* node = FromJson(json, doc);
  EXPECT_EQ(Dump(*node), "map{Z:1 A:Ref(\"P\") L:list{Condition(\"C\") false}}");
  EXPECT_EQ(ToJson(*node), json);
}

}  // namespace
}  // namespace cfnx
