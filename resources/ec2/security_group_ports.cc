// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "resources/ec2/security_group_ports.h"

#include <string>
#include <string_view>

namespace cfnx {
namespace {

// The protocols whose rules need a port range, as the number or name a template may give.
bool NeedsPorts(const Node* protocol) {
  const auto* scalar = dyn_cast<ScalarNode>(protocol);
  if (scalar == nullptr || isa<NullNode>(protocol))
    return false;
  std::string_view p = scalar->text();
  return p == "1" || p == "icmp" || p == "6" || p == "tcp" || p == "17" || p == "udp";
}

void CheckRule(const Node* rule, SourceRange at, const TemplatePath& path, DiagnosticSink& diags) {
  const auto* map = dyn_cast<MapNode>(rule);
  if (map == nullptr)
    return;
  const MapEntry* protocol = map->Find("IpProtocol");
  if (protocol == nullptr || !NeedsPorts(protocol->value))
    return;
  auto has = [&](const char* key) {
    const Node* v = map->Get(key);
    return v != nullptr && !IsNoValue(v);
  };
  if (has("FromPort") && has("ToPort"))
    return;
  diags.Report(DiagCode::kE3687, at, path,
               "A rule for IpProtocol '" + cast<ScalarNode>(protocol->value)->text() +
                   "' needs FromPort and ToPort (for ICMP: the type and code, -1 for all).");
}

}  // namespace

void CheckSecurityGroupPorts(const Resource& resource, DiagnosticSink& diags) {
  const MapEntry* props = resource.node != nullptr ? resource.node->Find("Properties") : nullptr;
  if (props == nullptr)
    return;
  TemplatePath path{"Resources", resource.logical_id, "Properties"};
  if (resource.type == "AWS::EC2::SecurityGroupIngress" ||
      resource.type == "AWS::EC2::SecurityGroupEgress") {
    CheckRule(props->value, props->key->range(), path, diags);
    return;
  }
  if (resource.type != "AWS::EC2::SecurityGroup")
    return;
  const auto* map = dyn_cast<MapNode>(props->value);
  if (map == nullptr)
    return;
  for (const char* list_name : {"SecurityGroupIngress", "SecurityGroupEgress"}) {
    const auto* list = dyn_cast<ListNode>(map->Get(list_name));
    if (list == nullptr)
      continue;
    for (size_t i = 0; i < list->size(); ++i) {
      const Node* item = list->items()[i];
      CheckRule(item, item->range(), path.Child(list_name).Child(i), diags);
    }
  }
}

}  // namespace cfnx
