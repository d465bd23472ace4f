// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/ast/node.h"

#include <array>

#include "engine/ast/document.h"

namespace cfnx {
namespace {

struct FnNames {
  FnKind fn;
  std::string_view name;
  std::string_view tag;
};

// Long-form names and short-form tags.
// Rule-only functions have short forms in the Rules documentation; Fn::Length and
// Fn::ToJsonString (AWS::LanguageExtensions) have none.
constexpr std::array<FnNames, 27> kFnNames = {{
    {FnKind::kRef, "Ref", "!Ref"},
    {FnKind::kCondition, "Condition", "!Condition"},
    {FnKind::kGetAtt, "Fn::GetAtt", "!GetAtt"},
    {FnKind::kSub, "Fn::Sub", "!Sub"},
    {FnKind::kJoin, "Fn::Join", "!Join"},
    {FnKind::kSelect, "Fn::Select", "!Select"},
    {FnKind::kSplit, "Fn::Split", "!Split"},
    {FnKind::kFindInMap, "Fn::FindInMap", "!FindInMap"},
    {FnKind::kBase64, "Fn::Base64", "!Base64"},
    {FnKind::kCidr, "Fn::Cidr", "!Cidr"},
    {FnKind::kGetAZs, "Fn::GetAZs", "!GetAZs"},
    {FnKind::kImportValue, "Fn::ImportValue", "!ImportValue"},
    {FnKind::kIf, "Fn::If", "!If"},
    {FnKind::kEquals, "Fn::Equals", "!Equals"},
    {FnKind::kAnd, "Fn::And", "!And"},
    {FnKind::kOr, "Fn::Or", "!Or"},
    {FnKind::kNot, "Fn::Not", "!Not"},
    {FnKind::kTransform, "Fn::Transform", "!Transform"},
    {FnKind::kGetStackOutput, "Fn::GetStackOutput", "!GetStackOutput"},
    {FnKind::kLength, "Fn::Length", ""},
    {FnKind::kToJsonString, "Fn::ToJsonString", ""},
    {FnKind::kContains, "Fn::Contains", "!Contains"},
    {FnKind::kEachMemberEquals, "Fn::EachMemberEquals", "!EachMemberEquals"},
    {FnKind::kEachMemberIn, "Fn::EachMemberIn", "!EachMemberIn"},
    {FnKind::kRefAll, "Fn::RefAll", "!RefAll"},
    {FnKind::kValueOf, "Fn::ValueOf", "!ValueOf"},
    {FnKind::kValueOfAll, "Fn::ValueOfAll", "!ValueOfAll"},
}};

}  // namespace

std::string_view FnName(FnKind fn) {
  return kFnNames[static_cast<size_t>(fn)].name;
}
std::string_view FnTag(FnKind fn) {
  return kFnNames[static_cast<size_t>(fn)].tag;
}

bool FnFromName(std::string_view name, FnKind* fn) {
  if (name.empty() || (name[0] != 'R' && name[0] != 'C' && name[0] != 'F')) {
    return false;
  }
  for (const FnNames& entry : kFnNames) {
    if (entry.name == name) {
      *fn = entry.fn;
      return true;
    }
  }
  return false;
}

bool FnFromTag(std::string_view tag, FnKind* fn) {
  for (const FnNames& entry : kFnNames) {
    if (!entry.tag.empty() && entry.tag == tag) {
      *fn = entry.fn;
      return true;
    }
  }
  return false;
}

const Node& Node::Source() const {
  const Node* n = this;
  while (n->origin_ != nullptr) {
    n = n->origin_;
  }
  return *n;
}

const MapEntry* MapNode::Find(std::string_view key) const {
  for (const MapEntry& entry : entries_) {
    if (entry.key->value() == key) {
      return &entry;
    }
  }
  return nullptr;
}

const Node* MapNode::Get(std::string_view key) const {
  const MapEntry* entry = Find(key);
  return entry != nullptr ? entry->value : nullptr;
}

std::string_view NodeKindName(NodeKind kind) {
  switch (kind) {
    case NodeKind::kNull:
      return "null";
    case NodeKind::kBool:
      return "boolean";
    case NodeKind::kNumber:
      return "number";
    case NodeKind::kString:
      return "string";
    case NodeKind::kList:
      return "list";
    case NodeKind::kMap:
      return "map";
    case NodeKind::kFnCall:
      return "function";
  }
  return "?";
}

void Document::Adopt(Document&& other) {
  nodes_.insert(nodes_.end(), other.nodes_.begin(), other.nodes_.end());
  other.nodes_.clear();
  arena_.Absorb(std::move(other.arena_));
}

bool IsNoValue(const Node* n) {
  const auto* fn = dyn_cast<FnCallNode>(n);
  const auto* name =
      fn != nullptr && fn->fn() == FnKind::kRef ? dyn_cast<StringNode>(fn->args()) : nullptr;
  return name != nullptr && name->value() == "AWS::NoValue";
}

}  // namespace cfnx
