// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/ast/dump.h"

#include <gtest/gtest.h>

#include "engine/ast/document.h"

namespace cfnx {
namespace {

TEST(DumpTest, PrintsEveryKind) {
  Document doc;
  SourceRange r;
  const auto* key = doc.New<StringNode>(r, "K", false);
  const auto* name = doc.New<StringNode>(r, "P", false);
  const auto* ref = doc.New<FnCallNode>(r, FnKind::kRef, name, FnForm::kShort, r);
  std::vector<const Node*> items = {doc.New<NullNode>(r, "~"), doc.New<BoolNode>(r, "yes", true),
                                    doc.New<NumberNode>(r, "1.50", 1.5, false), ref,
                                    doc.New<StringNode>(r, "a\"b\n", true)};
  const auto* list = doc.New<ListNode>(r, items);
  const auto* map = doc.New<MapNode>(r, std::vector<MapEntry>{{key, list}});
  EXPECT_EQ(Dump(*map), "map{K:list{null true 1.50 !Ref(\"P\") \"a\\\"b\\n\"}}");
}

TEST(DumpTest, QuoteStringEscapesControlCharacters) {
  EXPECT_EQ(QuoteString(std::string("a\x01") + "\t"), "\"a\\u0001\\t\"");
}

}  // namespace
}  // namespace cfnx
