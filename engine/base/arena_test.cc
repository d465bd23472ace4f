// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/base/arena.h"

#include <cstring>

#include <gtest/gtest.h>

#include "engine/ast/document.h"

namespace cfnx {
namespace {

TEST(ArenaTest, ConsecutiveAllocationsAreAdjacentAndAligned) {
  Arena arena;
  auto* a = static_cast<std::byte*>(arena.Allocate(24, 8));
  auto* b = static_cast<std::byte*>(arena.Allocate(1, 1));
  auto* c = static_cast<std::byte*>(arena.Allocate(16, 16));
  EXPECT_EQ(b, a + 24);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(c) % 16, 0u);
  EXPECT_GT(c, b);
  EXPECT_LT(c, b + 17);
  EXPECT_EQ(arena.block_count(), 1u);
}

TEST(ArenaTest, GrowsByBlocksAndKeepsEveryAddress) {
  Arena arena;
  std::vector<int*> values;
  for (int i = 0; i < 100000; ++i) {
    auto* p = static_cast<int*>(arena.Allocate(sizeof(int), alignof(int)));
    *p = i;
    values.push_back(p);
  }
  EXPECT_GT(arena.block_count(), 1u);
  EXPECT_LT(arena.block_count(), 20u);  // blocks double up to 1 MiB
  // Moving the arena moves no memory.
  Arena moved(std::move(arena));
  EXPECT_EQ(arena.block_count(), 0u);
  for (int i = 0; i < 100000; ++i) {
    ASSERT_EQ(*values[i], i);
  }
  // The moved-from arena is usable and does not write into the moved blocks.
  auto* fresh = static_cast<int*>(arena.Allocate(sizeof(int), alignof(int)));
  *fresh = -1;
  EXPECT_EQ(*values.back(), 99999);
}

TEST(ArenaTest, LargeRequestsGetTheirOwnBlock) {
  Arena arena;
  auto* small = static_cast<std::byte*>(arena.Allocate(8, 8));
  void* big = arena.Allocate(1 << 16, 8);
  std::memset(big, 0xab, 1 << 16);
  auto* next = static_cast<std::byte*>(arena.Allocate(8, 8));
  EXPECT_EQ(next, small + 8);  // the current block stays in use
  EXPECT_EQ(arena.allocated(), 16u + (1u << 16));
}

TEST(ArenaTest, AbsorbKeepsTheOtherArenasMemory) {
  Arena a, b;
  auto* p = static_cast<int*>(b.Allocate(sizeof(int), alignof(int)));
  *p = 7;
  a.Allocate(8, 8);
  a.Absorb(std::move(b));
  EXPECT_EQ(a.block_count(), 2u);
  EXPECT_EQ(b.block_count(), 0u);
  EXPECT_EQ(*p, 7);
}

// Document: nodes live in its arena, survive moves and adoption, and are destroyed once (the
// strings they own are freed: ASan and valgrind runs catch a leak or a double destruction).
TEST(ArenaTest, DocumentNodesSurviveMovesAndAdoption) {
  Document doc;
  const StringNode* s = doc.New<StringNode>(SourceRange{}, std::string(100, 'x'), false);
  Document moved(std::move(doc));
  EXPECT_EQ(s->value(), std::string(100, 'x'));
  Document other;
  const StringNode* t = other.New<StringNode>(SourceRange{}, std::string(50, 'y'), false);
  moved.Adopt(std::move(other));
  EXPECT_EQ(moved.node_count(), 2u);
  EXPECT_EQ(other.node_count(), 0u);
  Document assigned;
  assigned.New<StringNode>(SourceRange{}, std::string(40, 'z'), false);
  assigned = std::move(moved);
  EXPECT_EQ(assigned.node_count(), 2u);
  EXPECT_EQ(t->value(), std::string(50, 'y'));
  EXPECT_EQ(s->value(), std::string(100, 'x'));
}

}  // namespace
}  // namespace cfnx
