// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "resources/dynamodb/key_schema.h"

#include <set>
#include <string>

namespace cfnx {
namespace {

// Adds the AttributeName of every element of `list` (a list of maps) to `names`; false when
// anything is not a literal.
bool CollectNames(const Node* list_node, std::set<std::string>* names) {
  const auto* list = dyn_cast<ListNode>(list_node);
  if (list == nullptr) {
    return false;
  }
  for (const Node* item : list->items()) {
    const auto* map = dyn_cast<MapNode>(item);
    const auto* name = map != nullptr ? dyn_cast<StringNode>(map->Get("AttributeName")) : nullptr;
    if (name == nullptr) {
      return false;
    }
    names->insert(name->value());
  }
  return true;
}

bool CollectIndexKeys(const Node* indexes_node, std::set<std::string>* names) {
  if (indexes_node == nullptr) {
    return true;
  }
  const auto* indexes = dyn_cast<ListNode>(indexes_node);
  if (indexes == nullptr) {
    return false;
  }
  for (const Node* index : indexes->items()) {
    const auto* map = dyn_cast<MapNode>(index);
    if (map == nullptr || !CollectNames(map->Get("KeySchema"), names)) {
      return false;
    }
  }
  return true;
}

std::string Join(const std::set<std::string>& names) {
  std::string out;
  for (const std::string& n : names) {
    out += (out.empty() ? "'" : ", '") + n + "'";
  }
  return "[" + out + "]";
}

}  // namespace

void CheckDynamoDbKeySchema(const Resource& table, DiagnosticSink& diags) {
  const auto* props = dyn_cast<MapNode>(table.properties);
  if (props == nullptr || props->Get("AttributeDefinitions") == nullptr) {
    return;
  }
  std::set<std::string> defined;
  std::set<std::string> keys;
  if (!CollectNames(props->Get("AttributeDefinitions"), &defined) ||
      !CollectNames(props->Get("KeySchema"), &keys) ||
      !CollectIndexKeys(props->Get("GlobalSecondaryIndexes"), &keys) ||
      !CollectIndexKeys(props->Get("LocalSecondaryIndexes"), &keys) || defined == keys) {
    return;
  }
  const MapEntry* entry = table.node->Find("Properties");
  diags.Report(DiagCode::kE3039, entry->key->range(),
               TemplatePath{"Resources", table.logical_id, "Properties"},
               "The attributes in AttributeDefinitions " + Join(defined) +
                   " must be exactly those the key schemas use " + Join(keys) + ".");
}

}  // namespace cfnx
