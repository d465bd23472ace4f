// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Arena: bump allocation from a few large blocks, freed all at once (jsonnet's Allocator, the
// arenas of compilers generally). A template's tree is built once, read many times and freed
// whole; allocating its nodes one by one from malloc spreads them over the heap between the
// parser's temporaries, so every pass over a large template misses the cache on nearly every
// node. From an arena, nodes made one after the other lie one after the other, in the order the
// parser made them, which is the order every pass walks them.
//
// The arena only hands out memory: it runs no destructors (Document does, for its nodes).
// Addresses stay valid until the arena is destroyed, also when it is moved.

#ifndef CFNX_ENGINE_BASE_ARENA_H_
#define CFNX_ENGINE_BASE_ARENA_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace cfnx {

class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  Arena(Arena&& other) noexcept { *this = std::move(other); }
  Arena& operator=(Arena&& other) noexcept {
    if (this != &other) {
      blocks_ = std::move(other.blocks_);
      other.blocks_.clear();
      next_ = std::exchange(other.next_, nullptr);
      end_ = std::exchange(other.end_, nullptr);
      next_block_ = std::exchange(other.next_block_, kFirstBlock);
      allocated_ = std::exchange(other.allocated_, 0);
    }
    return *this;
  }

  // `size` bytes aligned to `align` (a power of two, at most alignof(std::max_align_t)).
  void* Allocate(size_t size, size_t align) {
    auto at = reinterpret_cast<uintptr_t>(next_);
    uintptr_t aligned = (at + align - 1) & ~(uintptr_t{align} - 1);
    if (next_ == nullptr || aligned + size > reinterpret_cast<uintptr_t>(end_)) {
      return AllocateSlow(size);
    }
    next_ = reinterpret_cast<std::byte*>(aligned + size);
    allocated_ += size;
    return reinterpret_cast<void*>(aligned);
  }

  // Takes over `other`'s blocks (they live as long as this arena); `other` is left empty.
  void Absorb(Arena&& other) {
    for (auto& block : other.blocks_) {
      blocks_.push_back(std::move(block));
    }
    other = Arena();
  }

  // Bytes handed out, and blocks held (for tests and statistics).
  size_t allocated() const { return allocated_; }
  size_t block_count() const { return blocks_.size(); }

 private:
  static constexpr size_t kFirstBlock = 1024;
  static constexpr size_t kMaxBlock = size_t{1} << 20;

  // A new block (doubling up to kMaxBlock; a large request gets a block of its own, and the
  // current block stays in use).
  void* AllocateSlow(size_t size) {
    if (size > next_block_ / 4) {
      blocks_.push_back(std::make_unique_for_overwrite<std::byte[]>(size));
      allocated_ += size;
      return blocks_.back().get();
    }
    blocks_.push_back(std::make_unique_for_overwrite<std::byte[]>(next_block_));
    next_ = blocks_.back().get();
    end_ = next_ + next_block_;
    next_block_ = std::min(next_block_ * 2, kMaxBlock);
    // Blocks come from operator new[], aligned for any fundamental type.
    void* out = next_;
    next_ += size;
    allocated_ += size;
    return out;
  }

  std::vector<std::unique_ptr<std::byte[]>> blocks_;
  std::byte* next_ = nullptr;
  std::byte* end_ = nullptr;
  size_t next_block_ = kFirstBlock;
  size_t allocated_ = 0;
};

}  // namespace cfnx

#endif  // CFNX_ENGINE_BASE_ARENA_H_
