// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// `Document` owns the nodes of one template tree (jsonnet's Allocator). Nodes are created with
// `New<T>(...)` and live as long as the Document; children are non-owning pointers, so a
// Document is not copyable. Transforms create their output nodes in the same or a new Document.

#ifndef CFNX_ENGINE_AST_DOCUMENT_H_
#define CFNX_ENGINE_AST_DOCUMENT_H_

#include <memory>
#include <utility>
#include <vector>

#include "engine/ast/node.h"

namespace cfnx {

class Document {
 public:
  Document() = default;
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;
  Document(Document&&) = default;
  Document& operator=(Document&&) = default;

  template <typename T, typename... Args>
  T* New(Args&&... args) {
    auto node = std::make_unique<T>(std::forward<Args>(args)...);
    T* raw = node.get();
    nodes_.push_back(std::move(node));
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
  std::vector<std::unique_ptr<Node>> nodes_;
  const Node* root_ = nullptr;
  FileId file_ = 0;
};

}  // namespace cfnx

#endif  // CFNX_ENGINE_AST_DOCUMENT_H_
