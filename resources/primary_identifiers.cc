// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "resources/primary_identifiers.h"

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "engine/ast/json_convert.h"
#include "engine/validate/condition_logic.h"
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
  // Types whose schema identifier is generated (read-only) but whose name is still unique per
  // account and region, so two resources with one name clash all the same (cfn-lint's list).
  if (type.name() == "AWS::CodeBuild::Project")
    return {"Name"};
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

// One identifier a resource takes under some conditions, and where to report it.
struct Variant {
  const Resource* resource;
  std::string key;  // the identifier's values as JSON
  std::vector<ConditionAssumption> when;
  SourceRange at;
  TemplatePath path;
};

// The variants of resource `r` for the identifier property `names`.
void Variants(const Resource& r, const std::vector<std::string>& names, std::vector<Variant>* out) {
  std::vector<ConditionAssumption> base;
  if (r.condition != nullptr)
    base.emplace_back(r.condition->value(), true);
  const MapEntry* props_entry = r.node->Find("Properties");
  std::vector<IfAlternative> prop_maps = IfAlternatives(r.properties, base);
  bool props_by_if = isa<FnCallNode>(r.properties);
  for (const IfAlternative& props_alt : prop_maps) {
    const auto* props = dyn_cast<MapNode>(props_alt.value);
    if (props == nullptr)
      continue;
    // The cartesian product of each identifier property's alternatives.
    std::vector<Variant> partial{{&r, "", props_alt.when, props_entry->key->range(),
                                  TemplatePath{"Resources", r.logical_id, "Properties"}}};
    for (const std::string& name : names) {
      const MapEntry* e = props->Find(name);
      if (e == nullptr)
        return;
      std::vector<IfAlternative> values = IfAlternatives(e->value);
      std::vector<Variant> next;
      for (const Variant& v : partial) {
        for (const IfAlternative& a : values) {
          if (ContainsIf(a.value))
            continue;
          Variant w = v;
          w.key += name + "=" + ToJson(*a.value).dump() + "\n";
          w.when.insert(w.when.end(), a.when.begin(), a.when.end());
          if (names.size() == 1 && !props_by_if) {
            w.at = e->key->range();
            w.path = w.path.Child(name);
          }
          next.push_back(std::move(w));
        }
      }
      partial = std::move(next);
    }
    for (Variant& v : partial)
      out->push_back(std::move(v));
  }
}

}  // namespace

void CheckPrimaryIdentifiers(const Template& t, const ResourceTypeRegistry& registry,
                             std::string_view region, DiagnosticSink& diags) {
  // (type, identifier values as JSON) -> the variants taking them, in template order.
  std::map<std::pair<std::string, std::string>, std::vector<Variant>> seen;
  std::map<std::string, std::vector<std::string>> identifiers;
  for (const Resource& r : t.resources) {
    if (r.properties == nullptr || r.type.rfind("AWS::", 0) != 0)
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
    if (known->second.empty())
      continue;
    std::vector<Variant> variants;
    Variants(r, known->second, &variants);
    for (Variant& v : variants)
      seen[{r.type, v.key}].push_back(std::move(v));
  }
  ConditionLogic logic(t);
  for (const auto& [type_and_key, variants] : seen) {
    if (variants.size() < 2)
      continue;
    for (const Variant& v : variants) {
      std::vector<const Resource*> clashing;
      for (const Variant& w : variants) {
        if (w.resource == v.resource)
          continue;
        std::vector<ConditionAssumption> both = v.when;
        both.insert(both.end(), w.when.begin(), w.when.end());
        if (logic.Satisfiable(both) &&
            std::find(clashing.begin(), clashing.end(), w.resource) == clashing.end())
          clashing.push_back(w.resource);
      }
      if (clashing.empty())
        continue;
      clashing.push_back(v.resource);
      std::sort(clashing.begin(), clashing.end());  // template order: resources is a vector
      std::string names;
      for (const Resource* r : clashing)
        names += (names.empty() ? "" : ", ") + r->logical_id;
      diags.Report(DiagCode::kE3019, v.at, v.path,
                   "Resources " + names + " (" + type_and_key.first +
                       ") have the same primary identifier; the second one cannot be created.");
    }
  }
}

}  // namespace cfnx
