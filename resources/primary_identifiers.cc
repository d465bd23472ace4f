// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "resources/primary_identifiers.h"

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "engine/ast/json_convert.h"
#include "resources/resource_type.h"

namespace cfnx {
namespace {

constexpr std::string_view kPropertiesPrefix = "/properties/";

bool ContainsIf(const Node* n) {
  if (const auto* fn = dyn_cast<FnCallNode>(n))
    return fn->fn() == FnKind::kIf || ContainsIf(fn->args());
  if (const auto* list = dyn_cast<ListNode>(n)) {
    return std::any_of(list->items().begin(), list->items().end(),
                       [](const Node* item) { return ContainsIf(item); });
  }
  if (const auto* map = dyn_cast<MapNode>(n)) {
    return std::any_of(map->entries().begin(), map->entries().end(),
                       [](const MapEntry& e) { return ContainsIf(e.value); });
  }
  return false;
}

// The settable top-level property names of `type`'s primary identifier, or empty.
std::vector<std::string> SettableIdentifier(const ResourceType& type) {
  std::vector<std::string> names;
  for (const std::string& pointer : type.primary_identifier()) {
    const auto& read_only = type.read_only_properties();
    if (std::find(read_only.begin(), read_only.end(), pointer) != read_only.end() ||
        pointer.rfind(kPropertiesPrefix, 0) != 0)
      return {};
    std::string name = pointer.substr(kPropertiesPrefix.size());
    if (name.find('/') != std::string::npos)
      return {};
    names.push_back(std::move(name));
  }
  return names;
}

struct Holder {
  const Resource* resource;
  const MapEntry* entry;  // the identifier's property when the identifier is one property
};

}  // namespace

void CheckPrimaryIdentifiers(const Template& t, const ResourceTypeRegistry& registry,
                             std::string_view region, DiagnosticSink& diags) {
  // (type, identifier values as JSON) -> resources holding them, in template order.
  std::map<std::pair<std::string, std::string>, std::vector<Holder>> seen;
  std::map<std::string, std::vector<std::string>> identifiers;
  for (const Resource& r : t.resources) {
    const auto* props = r.properties != nullptr ? dyn_cast<MapNode>(r.properties) : nullptr;
    if (props == nullptr || r.condition != nullptr || r.type.rfind("AWS::", 0) != 0)
      continue;
    auto known = identifiers.find(r.type);
    if (known == identifiers.end()) {
      const ResourceType* type =
          registry.Contains(r.type) ? registry.Find(r.type, region) : nullptr;
      known = identifiers
                  .emplace(r.type,
                           type != nullptr ? SettableIdentifier(*type) : std::vector<std::string>{})
                  .first;
    }
    const std::vector<std::string>& names = known->second;
    if (names.empty())
      continue;
    std::string key;
    const MapEntry* single = nullptr;
    bool complete = true;
    for (const std::string& name : names) {
      const MapEntry* e = props->Find(name);
      if (e == nullptr || ContainsIf(e->value) ||
          (isa<FnCallNode>(e->value) && cast<FnCallNode>(e->value)->fn() == FnKind::kRef &&
           isa<StringNode>(cast<FnCallNode>(e->value)->args()) &&
           cast<StringNode>(cast<FnCallNode>(e->value)->args())->value() == "AWS::NoValue")) {
        complete = false;
        break;
      }
      key += name + "=" + ToJson(*e->value).dump() + "\n";
      single = names.size() == 1 ? e : nullptr;
    }
    if (complete)
      seen[{r.type, key}].push_back(Holder{&r, single});
  }
  for (const auto& [type_and_key, holders] : seen) {
    if (holders.size() < 2)
      continue;
    std::string others;
    for (const Holder& h : holders)
      others += (others.empty() ? "" : ", ") + h.resource->logical_id;
    for (const Holder& h : holders) {
      const Resource& r = *h.resource;
      TemplatePath path{"Resources", r.logical_id, "Properties"};
      SourceRange at = r.node->Find("Properties")->key->range();
      if (h.entry != nullptr) {
        path = path.Child(h.entry->key->value());
        at = h.entry->key->range();
      }
      diags.Report(DiagCode::kE3019, at, path,
                   "Resources " + others + " (" + type_and_key.first +
                       ") have the same primary identifier; the second one cannot be created.");
    }
  }
}

}  // namespace cfnx
