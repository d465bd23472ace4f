// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "transforms/transform.h"

#include <algorithm>

#include "transforms/macros/macro.h"

namespace cfnx {
namespace {

// Names in the Transform section: a string, a list of strings, or {Name, Parameters} maps.
std::vector<std::string> DeclaredTransforms(const MapNode& root) {
  std::vector<std::string> names;
  const Node* section = root.Get("Transform");
  auto add = [&](const Node* item) {
    if (const auto* s = dyn_cast<StringNode>(item)) {
      names.push_back(s->value());
    } else if (const auto* m = dyn_cast<MapNode>(item)) {
      if (const auto* n = dyn_cast<StringNode>(m->Get("Name")))
        names.push_back(n->value());
    }
  };
  if (const auto* list = dyn_cast<ListNode>(section)) {
    for (const Node* item : list->items())
      add(item);
  } else if (section != nullptr) {
    add(section);
  }
  return names;
}

// CloudFormation rejects AWS::LanguageExtensions after AWS::Serverless-2016-10-31: the SAM
// transform cannot read Fn::ForEach and the other language extensions.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/transform-aws-languageextensions.html
bool CheckTransformOrder(const MapNode& root, const std::vector<std::string>& declared,
                         TransformContext& ctx) {
  auto index = [&](std::string_view name) {
    for (size_t i = 0; i < declared.size(); ++i) {
      if (declared[i] == name)
        return i;
    }
    return declared.size();
  };
  size_t lang = index("AWS::LanguageExtensions");
  size_t sam = index("AWS::Serverless-2016-10-31");
  if (lang == declared.size() || sam == declared.size() || lang < sam)
    return true;
  const MapEntry* section = root.Find("Transform");
  ctx.diags.Report(DiagCode::kE0001, section->value->range(), TemplatePath{"Transform"},
                   "AWS::LanguageExtensions must come before AWS::Serverless-2016-10-31 in the "
                   "Transform list; CloudFormation rejects the template otherwise.");
  return false;
}

}  // namespace

void TransformRegistry::Register(std::unique_ptr<Transform> transform) {
  transforms_.push_back(std::move(transform));
}

const Transform* TransformRegistry::Find(std::string_view name) const {
  for (const auto& t : transforms_) {
    if (t->name() == name)
      return t.get();
  }
  return nullptr;
}

std::vector<std::string_view> TransformRegistry::Names() const {
  std::vector<std::string_view> names;
  for (const auto& t : transforms_)
    names.push_back(t->name());
  return names;
}

ExpandResult ExpandTransforms(const Node* root, const TransformRegistry& registry,
                              TransformContext& ctx) {
  ExpandResult result;
  result.root = root;
  const auto* map = dyn_cast<MapNode>(root);
  if (map == nullptr)
    return result;
  std::vector<std::string> declared = DeclaredTransforms(*map);
  if (!CheckTransformOrder(*map, declared, ctx)) {
    result.failed = true;
    return result;
  }
  // Snippet-level transforms (Fn::Transform) first, each once.
  std::vector<std::string_view> applied;
  for (std::string_view name : registry.Names()) {
    const Transform* transform = registry.Find(name);
    const auto* current = dyn_cast<MapNode>(result.root);
    if (current == nullptr || !transform->AppliesWithoutDeclaration(*current))
      continue;
    const Node* next = transform->Apply(*current, ctx);
    if (next == nullptr) {
      result.failed = true;
      return result;
    }
    applied.push_back(name);
    if (!ctx.declined.empty()) {
      ctx.declined.clear();
      result.unexpanded.emplace_back(name);
      continue;
    }
    result.root = next;
  }
  // Macros run innermost first (template-macros.html, "Macro evaluation order"): every
  // Fn::Transform naming a macro before the Transform section's. After AWS::Include's snippets,
  // which may hold macro calls (a snippet is spliced in before what is inside it runs).
  if (const Node* expanded = ExpandMacroSnippets(result.root, ctx)) {
    result.root = expanded;
  } else {
    result.failed = true;
    return result;
  }
  // CloudFormation processes the Transform list in order.
  for (const std::string& name : declared) {
    if (std::find(applied.begin(), applied.end(), name) != applied.end())
      continue;
    const Transform* transform = registry.Find(name);
    if (transform == nullptr && ctx.options.macros.count(name) != 0) {
      const auto* current = dyn_cast<MapNode>(result.root);
      const Node* next = current != nullptr ? ApplyTemplateMacro(name, *current, ctx) : nullptr;
      if (next == nullptr) {
        result.failed = true;
        return result;
      }
      result.root = next;
      continue;
    }
    if (transform == nullptr) {
      result.unexpanded.push_back(name);
      continue;
    }
    const auto* current = dyn_cast<MapNode>(result.root);
    if (current == nullptr)
      break;
    const Node* next = transform->Apply(*current, ctx);
    if (next == nullptr) {
      result.failed = true;
      return result;
    }
    if (!ctx.declined.empty()) {
      ctx.declined.clear();
      result.unexpanded.push_back(name);
      continue;
    }
    result.root = next;
  }
  return result;
}

}  // namespace cfnx
