// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// E3057: a distribution's DefaultCacheBehavior sends requests to the origin (or origin group)
// whose Id its TargetOriginId names, so that Id must be one of the same DistributionConfig's
// Origins or OriginGroups. cfn-lint's rules/resources/cloudfront/DistributionTargetOriginId.py:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-cloudfront-distribution-defaultcachebehavior.html#cfn-cloudfront-distribution-defaultcachebehavior-targetoriginid

#include <string>
#include <vector>

#include "resources/service_rules.h"

namespace cfnx {
namespace {

// Appends the Id of each item of `list` (`Origins`, or `OriginGroups/Items`) to `ids`; false
// when one is not a string written out (missing, a function, an Fn::If): the Ids are then not
// known, and cfn-lint stops there too. A missing list of origin groups has no Ids.
bool CollectIds(const Node* list_node, std::vector<std::string>* ids, bool required) {
  if (list_node == nullptr)
    return !required;
  const auto* list = dyn_cast<ListNode>(list_node);
  if (list == nullptr)
    return false;
  for (const Node* item : list->items()) {
    const auto* map = dyn_cast<MapNode>(item);
    if (map == nullptr)
      return false;
    const auto* s = dyn_cast<StringNode>(map->Get("Id"));
    if (s == nullptr)
      return false;
    ids->push_back(s->value());
  }
  return true;
}

std::string ListRepr(const std::vector<std::string>& ids) {
  std::string out = "[";
  for (size_t i = 0; i < ids.size(); ++i)
    out += (i == 0 ? "'" : ", '") + ids[i] + "'";
  return out + "]";
}

}  // namespace

void CheckDistributionTargetOrigin(const Resource& r, DiagnosticSink& diags) {
  if (r.type != "AWS::CloudFront::Distribution")
    return;
  const auto* props = dyn_cast<MapNode>(r.properties);
  const auto* config =
      props != nullptr ? dyn_cast<MapNode>(props->Get("DistributionConfig")) : nullptr;
  const auto* behavior =
      config != nullptr ? dyn_cast<MapNode>(config->Get("DefaultCacheBehavior")) : nullptr;
  const MapEntry* target = behavior != nullptr ? behavior->Find("TargetOriginId") : nullptr;
  const auto* id = target != nullptr ? dyn_cast<StringNode>(target->value) : nullptr;
  if (id == nullptr)
    return;
  std::vector<std::string> ids;
  if (!CollectIds(config->Get("Origins"), &ids, /*required=*/true))
    return;
  for (const std::string& known : ids) {
    if (known == id->value())
      return;
  }
  const auto* groups = dyn_cast<MapNode>(config->Get("OriginGroups"));
  if (groups != nullptr && !CollectIds(groups->Get("Items"), &ids, /*required=*/false))
    return;
  for (const std::string& known : ids) {
    if (known == id->value())
      return;
  }
  diags.Report(DiagCode::kE3057, id->range(),
               TemplatePath{"Resources", r.logical_id, "Properties", "DistributionConfig",
                            "DefaultCacheBehavior", "TargetOriginId"},
               "'" + id->value() + "' is not one of " + ListRepr(ids) +
                   ": TargetOriginId names an origin or origin group of the distribution.");
}

}  // namespace cfnx
