// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/base/id_index.h"

#include <string>

#include <gtest/gtest.h>

namespace cfnx {
namespace {

TEST(IdIndexTest, FindsEveryIdAndOnlyThose) {
  std::vector<std::string> ids;
  IdIndex index;
  auto key_of = [&ids](uint32_t i) {
    return std::string_view(ids[i]);
  };
  EXPECT_EQ(index.Find("Bucket", key_of), IdIndex::kNone);
  for (int i = 0; i < 5000; ++i) {  // grows through several rehashes
    ids.push_back("Resource" + std::to_string(i));
    ASSERT_EQ(index.Insert(ids.back(), static_cast<uint32_t>(i), key_of), static_cast<uint32_t>(i));
  }
  EXPECT_EQ(index.size(), 5000u);
  for (int i = 0; i < 5000; ++i) {
    ASSERT_EQ(index.Find("Resource" + std::to_string(i), key_of), static_cast<uint32_t>(i));
  }
  EXPECT_EQ(index.Find("Resource5000", key_of), IdIndex::kNone);
  EXPECT_EQ(index.Find("", key_of), IdIndex::kNone);
}

TEST(IdIndexTest, InsertKeepsTheFirstValueOfAnId) {
  std::vector<std::string> ids = {"A", "B", "A"};
  IdIndex index;
  index.Reserve(3);
  auto key_of = [&ids](uint32_t i) {
    return std::string_view(ids[i]);
  };
  EXPECT_EQ(index.Insert("A", 0, key_of), 0u);
  EXPECT_EQ(index.Insert("B", 1, key_of), 1u);
  EXPECT_EQ(index.Insert("A", 2, key_of), 0u);
  EXPECT_EQ(index.size(), 2u);
}

TEST(IdIndexTest, ACopyAnswersForTheCopiedIds) {
  std::vector<std::string> ids = {"Queue", "Topic"};
  IdIndex index;
  auto key_of = [&ids](uint32_t i) {
    return std::string_view(ids[i]);
  };
  index.Insert("Queue", 0, key_of);
  index.Insert("Topic", 1, key_of);
  std::vector<std::string> other = ids;
  IdIndex copy = index;
  ids.clear();
  EXPECT_EQ(copy.Find("Topic", [&other](uint32_t i) { return std::string_view(other[i]); }), 1u);
}

}  // namespace
}  // namespace cfnx
