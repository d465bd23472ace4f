// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/base/edit_distance.h"

#include <gtest/gtest.h>

namespace cfnx {
namespace {

TEST(EditDistanceTest, CountsEdits) {
  EXPECT_EQ(EditDistance("", ""), 0u);
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(EditDistance("Bucket", "bucket"), 0u);
  EXPECT_EQ(EditDistance("abc", ""), 3u);
}

TEST(EditDistanceTest, SuggestsCloseNamesOnly) {
  std::vector<std::string_view> names = {"MyBucket", "MyQueue", "Role"};
  EXPECT_EQ(ClosestMatch("MyBuckt", names), "MyBucket");
  EXPECT_EQ(ClosestMatch("mybucket", names), "MyBucket");
  EXPECT_EQ(ClosestMatch("Something", names), "");
  EXPECT_EQ(DidYouMean("Rol", names), " Did you mean 'Role'?");
  EXPECT_EQ(DidYouMean("Table", names), "");
}

}  // namespace
}  // namespace cfnx
