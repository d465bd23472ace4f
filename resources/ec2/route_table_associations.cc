// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "resources/ec2/route_table_associations.h"

#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace cfnx {
namespace {

// What a SubnetId names, and under which conditions: the resource's Condition attribute and
// the Fn::If condition of the branch it was found in ("" for none).
struct SubnetValue {
  std::string resource_condition;
  std::string branch_condition;
  std::string subnet;

  bool Conditional() const { return !resource_condition.empty() || !branch_condition.empty(); }
  auto Key() const { return std::tie(resource_condition, branch_condition, subnet); }
  bool operator<(const SubnetValue& o) const { return Key() < o.Key(); }
};

std::string GetAttText(const Node* args) {
  if (const auto* s = dyn_cast<StringNode>(args))
    return s->value();
  const auto* list = dyn_cast<ListNode>(args);
  if (list == nullptr || list->size() != 2)
    return "";
  const auto* name = dyn_cast<StringNode>(list->items()[0]);
  const auto* attribute = dyn_cast<StringNode>(list->items()[1]);
  if (name == nullptr || attribute == nullptr)
    return "";
  return name->value() + "." + attribute->value();
}

void CollectValues(const Node* value, const std::string& resource_condition,
                   const std::string& branch_condition, std::vector<SubnetValue>* out) {
  if (value == nullptr)
    return;
  if (const auto* fn = dyn_cast<FnCallNode>(value)) {
    if (fn->fn() == FnKind::kRef) {
      if (const auto* name = dyn_cast<StringNode>(fn->args()))
        out->push_back({resource_condition, branch_condition, name->value()});
    } else if (fn->fn() == FnKind::kGetAtt) {
      std::string text = GetAttText(fn->args());
      if (!text.empty())
        out->push_back({resource_condition, branch_condition, text});
    } else if (fn->fn() == FnKind::kIf) {
      const auto* args = dyn_cast<ListNode>(fn->args());
      if (args == nullptr || args->size() != 3)
        return;
      const auto* condition = dyn_cast<StringNode>(args->items()[0]);
      std::string name = condition != nullptr ? condition->value() : "";
      CollectValues(args->items()[1], resource_condition, name, out);
      CollectValues(args->items()[2], resource_condition, name, out);
    }
    return;
  }
  if (const auto* s = dyn_cast<ScalarNode>(value); s != nullptr && !isa<NullNode>(value))
    out->push_back({resource_condition, branch_condition, s->text()});
}

struct Association {
  const Resource* resource;
  const MapEntry* subnet_id;
  std::vector<SubnetValue> values;
};

}  // namespace

void CheckSubnetRouteTableAssociations(const Template& t, DiagnosticSink& diags) {
  std::vector<Association> associations;
  std::map<SubnetValue, std::vector<const Resource*>> by_value;
  for (const Resource& r : t.resources) {
    if (r.type != "AWS::EC2::SubnetRouteTableAssociation")
      continue;
    const auto* props = dyn_cast<MapNode>(r.properties);
    const MapEntry* subnet_id = props != nullptr ? props->Find("SubnetId") : nullptr;
    if (subnet_id == nullptr)
      continue;
    Association a{&r, subnet_id, {}};
    CollectValues(subnet_id->value, r.condition != nullptr ? r.condition->value() : "", "",
                  &a.values);
    for (const SubnetValue& v : a.values)
      by_value[v].push_back(&r);
    associations.push_back(std::move(a));
  }
  for (const Association& a : associations) {
    for (const SubnetValue& v : a.values) {
      std::vector<const Resource*> others;
      for (const Resource* other : by_value[v]) {
        if (other != a.resource)
          others.push_back(other);
      }
      if (v.Conditional()) {
        auto bare = by_value.find(SubnetValue{"", "", v.subnet});
        if (bare != by_value.end())
          others.insert(others.end(), bare->second.begin(), bare->second.end());
      }
      if (others.empty())
        continue;
      std::string names;
      for (const Resource* other : others)
        names += (names.empty() ? "" : ", ") + other->logical_id;
      diags.Report(DiagCode::kE3022, a.subnet_id->key->range(),
                   TemplatePath{"Resources", a.resource->logical_id, "Properties", "SubnetId"},
                   "SubnetId in " + a.resource->logical_id + " (" + v.subnet +
                       ") is also associated with " + names +
                       "; a subnet can have one route table association only.");
    }
  }
}

}  // namespace cfnx
