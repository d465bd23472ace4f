// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The template AST: every YAML or JSON template becomes a tree of seven node kinds
// (Null, Bool, Number, String, List, Map, FnCall). Every node knows its source range; map keys
// are String nodes with their own ranges. Intrinsic functions are normalized: `!Sub x` and
// `{"Fn::Sub": x}` both become `FnCall{kSub, args=x}`, with `form` remembering which.
//
// Nodes are owned by a `Document` (engine/ast/document.h) and are immutable once built; passes
// that rewrite the tree build new nodes whose `origin()` points at the node they came from.
// Use `isa<>`, `cast<>` and `dyn_cast<>` (wabt's cast.h idiom) to inspect them.

#ifndef CFNX_ENGINE_AST_NODE_H_
#define CFNX_ENGINE_AST_NODE_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cfnx/source.h"

namespace cfnx {

enum class NodeKind : uint8_t { kNull, kBool, kNumber, kString, kList, kMap, kFnCall };

// Intrinsic functions, in the order of fn_names.cc's table.
enum class FnKind : uint8_t {
  kRef,
  kCondition,  // {"Condition": name} inside condition functions
  kGetAtt,
  kSub,
  kJoin,
  kSelect,
  kSplit,
  kFindInMap,
  kBase64,
  kCidr,
  kGetAZs,
  kImportValue,
  kIf,
  kEquals,
  kAnd,
  kOr,
  kNot,
  kTransform,
  kGetStackOutput,
  kLength,        // AWS::LanguageExtensions
  kToJsonString,  // AWS::LanguageExtensions
  kContains,      // Rules only
  kEachMemberEquals,
  kEachMemberIn,
  kRefAll,
  kValueOf,
  kValueOfAll,
};

// "Ref", "Condition" or "Fn::Sub": the long-form key.
std::string_view FnName(FnKind fn);
// The YAML short-form tag ("!Sub"), or "" when the function has none.
std::string_view FnTag(FnKind fn);
// Looks up a long-form key ("Fn::Sub"); false if `name` is not an intrinsic function.
bool FnFromName(std::string_view name, FnKind* fn);
// Looks up a short-form tag ("!Sub"); false if unknown.
bool FnFromTag(std::string_view tag, FnKind* fn);

class Node {
 public:
  Node(const Node&) = delete;
  Node& operator=(const Node&) = delete;
  virtual ~Node() = default;

  NodeKind kind() const { return kind_; }
  const SourceRange& range() const { return range_; }
  // The node this one was generated from by a transform, or nullptr for user-written nodes.
  const Node* origin() const { return origin_; }
  void set_origin(const Node* origin) { origin_ = origin; }
  void set_range(const SourceRange& range) { range_ = range; }
  // The user-written node this one stands for: itself or the root of its origin chain.
  const Node& Source() const;

 protected:
  Node(NodeKind kind, SourceRange range) : kind_(kind), range_(range) {}

 private:
  NodeKind kind_;
  SourceRange range_;
  const Node* origin_ = nullptr;
};

// Scalars keep the lexeme as written (`text`) and whether it was quoted, so `"true"` and
// `true` stay distinguishable and numbers re-emit as written.
class ScalarNode : public Node {
 public:
  const std::string& text() const { return text_; }
  bool quoted() const { return quoted_; }
  static bool classof(const Node* n) {
    return n->kind() == NodeKind::kNull || n->kind() == NodeKind::kBool ||
           n->kind() == NodeKind::kNumber || n->kind() == NodeKind::kString;
  }

 protected:
  ScalarNode(NodeKind kind, SourceRange range, std::string text, bool quoted)
      : Node(kind, range), text_(std::move(text)), quoted_(quoted) {}

 private:
  std::string text_;
  bool quoted_;
};

class NullNode : public ScalarNode {
 public:
  NullNode(SourceRange range, std::string text)
      : ScalarNode(NodeKind::kNull, range, std::move(text), false) {}
  static bool classof(const Node* n) { return n->kind() == NodeKind::kNull; }
};

class BoolNode : public ScalarNode {
 public:
  BoolNode(SourceRange range, std::string text, bool value)
      : ScalarNode(NodeKind::kBool, range, std::move(text), false), value_(value) {}
  bool value() const { return value_; }
  static bool classof(const Node* n) { return n->kind() == NodeKind::kBool; }

 private:
  bool value_;
};

class NumberNode : public ScalarNode {
 public:
  NumberNode(SourceRange range, std::string text, double value, bool is_integer)
      : ScalarNode(NodeKind::kNumber, range, std::move(text), false),
        value_(value),
        is_integer_(is_integer) {}
  double value() const { return value_; }
  bool is_integer() const { return is_integer_; }
  static bool classof(const Node* n) { return n->kind() == NodeKind::kNumber; }

 private:
  double value_;
  bool is_integer_;
};

// A string value. `value()` is the decoded string (escapes resolved); `text()` is the same
// for YAML plain scalars and the decoded content for quoted ones.
class StringNode : public ScalarNode {
 public:
  StringNode(SourceRange range, std::string value, bool quoted)
      : ScalarNode(NodeKind::kString, range, std::move(value), quoted) {}
  const std::string& value() const { return text(); }
  static bool classof(const Node* n) { return n->kind() == NodeKind::kString; }
};

// Lists and maps do not own their element arrays: Document::New copies the vector it is given
// into the document's arena, next to the nodes, so a pass over the tree reads one block of
// memory instead of a separate heap array per list and map.
class ListNode : public Node {
 public:
  ListNode(SourceRange range, std::span<const Node* const> items)
      : Node(NodeKind::kList, range), items_(items) {}
  std::span<const Node* const> items() const { return items_; }
  size_t size() const { return items_.size(); }
  static bool classof(const Node* n) { return n->kind() == NodeKind::kList; }

 private:
  std::span<const Node* const> items_;
};

struct MapEntry {
  const StringNode* key;
  const Node* value;
};

// An ordered map: entries keep document order. Duplicate keys are diagnosed by the loader,
// which keeps only the first occurrence.
class MapNode : public Node {
 public:
  MapNode(SourceRange range, std::span<const MapEntry> entries)
      : Node(NodeKind::kMap, range), entries_(entries) {}
  std::span<const MapEntry> entries() const { return entries_; }
  size_t size() const { return entries_.size(); }
  // The value for `key`, or nullptr. Linear: maps in templates are small.
  const Node* Get(std::string_view key) const;
  const MapEntry* Find(std::string_view key) const;
  static bool classof(const Node* n) { return n->kind() == NodeKind::kMap; }

 private:
  std::span<const MapEntry> entries_;
};

enum class FnForm : uint8_t { kLong, kShort };

// An intrinsic function call. `args` is the function's argument node as written (a scalar, a
// list or a map); for the short form `!GetAtt A.B` the loader splits it into the list
// `["A", "B"]` as the long form spells it. `name_range` is where the key or tag is.
class FnCallNode : public Node {
 public:
  FnCallNode(SourceRange range, FnKind fn, const Node* args, FnForm form, SourceRange name_range)
      : Node(NodeKind::kFnCall, range),
        fn_(fn),
        args_(args),
        form_(form),
        name_range_(name_range) {}
  FnKind fn() const { return fn_; }
  const Node* args() const { return args_; }
  FnForm form() const { return form_; }
  const SourceRange& name_range() const { return name_range_; }
  static bool classof(const Node* n) { return n->kind() == NodeKind::kFnCall; }

 private:
  FnKind fn_;
  const Node* args_;
  FnForm form_;
  SourceRange name_range_;
};

// LLVM/wabt-style casts over the closed set of node kinds.
template <typename T>
bool isa(const Node* n) {
  return n != nullptr && T::classof(n);
}
template <typename T>
const T* cast(const Node* n) {
  return static_cast<const T*>(n);
}
template <typename T>
const T* dyn_cast(const Node* n) {
  return isa<T>(n) ? static_cast<const T*>(n) : nullptr;
}

// "null", "bool", "number", "string", "list", "map", "function": for messages.
std::string_view NodeKindName(NodeKind kind);

// Whether `n` is {"Ref": "AWS::NoValue"} (a property that a condition removes).
bool IsNoValue(const Node* n);

}  // namespace cfnx

#endif  // CFNX_ENGINE_AST_NODE_H_
