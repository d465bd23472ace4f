// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// IdIndex: a hash index from ids (logical ids, type names) to small integers, for tables of
// tens of thousands of resources. One flat array of {hash, value} slots, open addressing with
// linear probing: no allocation per id and no pointer chasing but the id's own characters
// on a hash match. std::unordered_map allocates a node per entry and probes through a bucket
// array into scattered nodes, which at 50,000 resources costs cache misses on every lookup.
//
// The index does not keep the ids: each call passes `key_of`, which gives the id a stored
// value stands for (values are usually positions in the caller's own vector of ids). So the
// index stays valid when its owner is copied or moved, as long as the values still name the
// same ids.

#ifndef CFNX_ENGINE_BASE_ID_INDEX_H_
#define CFNX_ENGINE_BASE_ID_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace cfnx {

class IdIndex {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  // Sizes the table for `n` ids without growing.
  void Reserve(size_t n) {
    size_t want = 16;
    while (want < 2 * n) {
      want *= 2;
    }
    if (want > slots_.size()) {
      Rehash(want);
    }
  }

  size_t size() const { return size_; }

  // The value stored for `id`, or kNone. `key_of(value)` is the id of a stored value.
  template <typename KeyOf>
  uint32_t Find(std::string_view id, const KeyOf& key_of) const {
    if (slots_.empty()) {
      return kNone;
    }
    uint32_t h = Hash(id);
    for (size_t i = h & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      const Slot& s = slots_[i];
      if (s.value == kNone) {
        return kNone;
      }
      if (s.hash == h && key_of(s.value) == id) {
        return s.value;
      }
    }
  }

  // Stores `value` for `id` unless `id` is already there; returns the value stored for `id`.
  template <typename KeyOf>
  uint32_t Insert(std::string_view id, uint32_t value, const KeyOf& key_of) {
    if (2 * (size_ + 1) > slots_.size()) {
      Rehash(slots_.empty() ? 16 : 2 * slots_.size());
    }
    uint32_t h = Hash(id);
    for (size_t i = h & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      Slot& s = slots_[i];
      if (s.value == kNone) {
        s = {h, value};
        ++size_;
        return value;
      }
      if (s.hash == h && key_of(s.value) == id) {
        return s.value;
      }
    }
  }

 private:
  struct Slot {
    uint32_t hash = 0;
    uint32_t value = kNone;
  };

  static uint32_t Hash(std::string_view id) {
    size_t h = std::hash<std::string_view>{}(id);
    return static_cast<uint32_t>(h ^ (h >> 32));
  }

  void Rehash(size_t capacity) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(capacity, Slot{});
    for (const Slot& s : old) {
      if (s.value == kNone) {
        continue;
      }
      size_t i = s.hash & (capacity - 1);
      while (slots_[i].value != kNone) {
        i = (i + 1) & (capacity - 1);
      }
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;  // capacity: a power of two, at most half full
  size_t size_ = 0;
};

}  // namespace cfnx

#endif  // CFNX_ENGINE_BASE_ID_INDEX_H_
