// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `Document` owns the nodes of one template tree (jsonnet's Allocator). Nodes are created with
// `New<T>(...)` and live as long as the Document; children are non-owning pointers, so a
// Document is not copyable. Transforms create their output nodes in the same or a new Document.
// Nodes are allocated from an arena (engine/base/arena.h), in creation order, so passes over a
// large tree read memory in order; moving a Document keeps every node where it is.

#ifndef CFNX_ENGINE_AST_DOCUMENT_H_
#define CFNX_ENGINE_AST_DOCUMENT_H_

#include <algorithm>
#include <memory>
#include <new>
#include <span>
#include <type_traits>
#include <utility>
#include <vector>

#include "engine/ast/node.h"
#include "engine/base/arena.h"

namespace cfnx {

class Document {
 public:
  Document() = default;
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;
  Document(Document&& other) noexcept { Swap(other); }
  Document& operator=(Document&& other) noexcept {
    Document old(std::move(*this));
    Swap(other);
    return *this;
  }
  ~Document() { DestroyNodes(); }

  // A new node; a std::vector of list items or map entries is copied into the arena (the node
  // holds a span over the copy).
  template <typename T, typename... Args>
  T* New(Args&&... args) {
    static_assert(std::is_base_of_v<Node, T>);
    nodes_.push_back(nullptr);  // grows first, so a failure leaves no node without an owner
    T* raw = new (arena_.Allocate(sizeof(T), alignof(T))) T(Store(std::forward<Args>(args))...);
    nodes_.back() = raw;
    return raw;
  }

  // The template's root (a MapNode for a well-formed template), or nullptr if none.
  const Node* root() const { return root_; }
  void set_root(const Node* root) { root_ = root; }
  FileId file() const { return file_; }
  void set_file(FileId file) { file_ = file; }
  size_t node_count() const { return nodes_.size(); }
  // Keeps another document's nodes alive as long as this one (for transforms that mix trees).
  void Adopt(Document&& other);

 private:
  template <typename E>
  std::span<const E> StoreArray(const std::vector<E>& v) {
    static_assert(std::is_trivially_copyable_v<E> && std::is_trivially_destructible_v<E>);
    if (v.empty()) {
      return {};
    }
    auto* out = static_cast<E*>(arena_.Allocate(v.size() * sizeof(E), alignof(E)));
    std::copy(v.begin(), v.end(), out);
    return {out, v.size()};
  }
  std::span<const MapEntry> Store(const std::vector<MapEntry>& v) { return StoreArray(v); }
  std::span<const Node* const> Store(const std::vector<const Node*>& v) { return StoreArray(v); }
  template <typename A>
  requires(!std::is_same_v<std::remove_cvref_t<A>, std::vector<MapEntry>> &&
           !std::is_same_v<std::remove_cvref_t<A>, std::vector<const Node*>>) A && Store(A&& a) {
    return std::forward<A>(a);
  }

  void Swap(Document& other) noexcept {
    std::swap(arena_, other.arena_);
    std::swap(nodes_, other.nodes_);
    std::swap(root_, other.root_);
    std::swap(file_, other.file_);
  }
  // Runs the nodes' destructors, newest first (the arena frees their memory).
  void DestroyNodes() {
    for (auto it = nodes_.rbegin(); it != nodes_.rend(); ++it) {
      if (*it != nullptr) {
        (*it)->~Node();
      }
    }
    nodes_.clear();
  }

  Arena arena_;
  std::vector<Node*> nodes_;  // every node, in creation order
  const Node* root_ = nullptr;
  FileId file_ = 0;
};

}  // namespace cfnx

#endif  // CFNX_ENGINE_AST_DOCUMENT_H_
