// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// E3060: the subnets of one VPC have disjoint CIDR blocks; EC2 refuses a subnet whose block
// overlaps another's. cfn-lint's rules/resources/ectwo/VpcSubnetOverlap.py: subnets are grouped
// by their VpcId as written (a Ref or Fn::GetAtt names the VPC resource), and each subnet's
// CidrBlock, in template order, is compared with the blocks of the subnets before it that can
// exist together with it (their Conditions and the Fn::If branches taken satisfiable at once).
// Blocks are IPv4 networks written out ("10.0.1.0/24", host bits zero); anything else (an
// Fn::Cidr, a parameter, an IPv6 block) is not compared.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ec2-subnet.html

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/validate/condition_logic.h"
#include "resources/ignored_checks.h"
#include "resources/service_rules.h"

namespace cfnx {
namespace {

struct Network {
  uint32_t address = 0;
  int prefix = 0;
  uint32_t Mask() const { return prefix == 0 ? 0 : ~uint32_t{0} << (32 - prefix); }
};

// "a.b.c.d/n" with host bits zero (Python's ip_network, strict), or nothing.
std::optional<Network> ParseNetwork(const std::string& text) {
  Network n;
  size_t pos = 0;
  for (int octet = 0; octet < 4; ++octet) {
    size_t start = pos;
    uint32_t value = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9' && pos - start < 3)
      value = value * 10 + static_cast<uint32_t>(text[pos++] - '0');
    if (pos == start || value > 255 || pos >= text.size() || text[pos] != (octet < 3 ? '.' : '/'))
      return std::nullopt;
    n.address = (n.address << 8) | value;
    ++pos;
  }
  size_t start = pos;
  int prefix = 0;
  while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9' && pos - start < 2)
    prefix = prefix * 10 + (text[pos++] - '0');
  if (pos == start || pos != text.size() || prefix > 32)
    return std::nullopt;
  n.prefix = prefix;
  if ((n.address & ~n.Mask()) != 0)
    return std::nullopt;
  return n;
}

bool Overlap(const Network& a, const Network& b) {
  uint32_t mask = a.prefix < b.prefix ? a.Mask() : b.Mask();
  return (a.address & mask) == (b.address & mask);
}

// The VPC a subnet's VpcId names: a Ref's or Fn::GetAtt's resource, or the id written out.
std::optional<std::string> VpcKey(const Node* v) {
  if (const auto* s = dyn_cast<StringNode>(v))
    return s->value();
  const auto* fn = dyn_cast<FnCallNode>(v);
  if (fn == nullptr)
    return std::nullopt;
  if (fn->fn() == FnKind::kRef) {
    if (const auto* name = dyn_cast<StringNode>(fn->args()))
      return name->value();
  } else if (fn->fn() == FnKind::kGetAtt) {
    const Node* first = fn->args();
    if (const auto* list = dyn_cast<ListNode>(first))
      first = list->size() > 0 ? list->items()[0] : nullptr;
    if (const auto* name = dyn_cast<StringNode>(first))
      return name->value().substr(0, name->value().find('.'));
  }
  return std::nullopt;
}

struct Block {
  Network network;
  std::string text;
  std::vector<ConditionAssumption> when;
};

}  // namespace

void CheckSubnetOverlap(const Template& t, DiagnosticSink& diags) {
  ConditionLogic logic(t);
  std::map<std::string, std::vector<Block>> by_vpc;
  for (const Resource& r : t.resources) {
    if (r.type != "AWS::EC2::Subnet")
      continue;
    const auto* props = dyn_cast<MapNode>(r.properties);
    const MapEntry* vpc = props != nullptr ? props->Find("VpcId") : nullptr;
    const MapEntry* cidr = props != nullptr ? props->Find("CidrBlock") : nullptr;
    if (vpc == nullptr || cidr == nullptr)
      continue;
    std::vector<ConditionAssumption> base;
    if (r.condition != nullptr)
      base.emplace_back(r.condition->value(), true);
    IgnoringSink sink(diags, IgnoredChecks(r));
    for (const IfAlternative& v : IfAlternatives(vpc->value, base)) {
      std::optional<std::string> key = VpcKey(v.value);
      if (!key.has_value())
        continue;
      std::vector<Block>& blocks = by_vpc[*key];
      for (const IfAlternative& c : IfAlternatives(cidr->value, v.when)) {
        const auto* text = dyn_cast<StringNode>(c.value);
        std::optional<Network> network =
            text != nullptr ? ParseNetwork(text->value()) : std::nullopt;
        if (!network.has_value())
          continue;
        for (const Block& other : blocks) {
          std::vector<ConditionAssumption> both = c.when;
          both.insert(both.end(), other.when.begin(), other.when.end());
          if (!Overlap(*network, other.network) || (!both.empty() && !logic.Satisfiable(both)))
            continue;
          // cfn-lint points at the subnet's Properties (its error path drops the CidrBlock).
          sink.Report(DiagCode::kE3060, r.node->Find("Properties")->key->range(),
                      TemplatePath{"Resources", r.logical_id, "Properties"},
                      "'" + text->value() + "' overlaps with '" + other.text +
                          "': the subnets of a VPC must not share addresses.");
        }
        blocks.push_back(Block{*network, text->value(), c.when});
      }
    }
  }
}

}  // namespace cfnx
