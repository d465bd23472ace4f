// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Fn::GetAZs:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-getavailabilityzones.html
// The Availability Zones of a region, in alphabetical order; "" (or Ref AWS::Region) is the
// stack's region. The argument may only be a string or Ref AWS::Region.

#include "engine/base/edit_distance.h"
#include "functions/function_util.h"
#include "functions/functions.h"
#include "functions/get_azs_table.h"

namespace cfnx {

bool AvailabilityZones(std::string_view region, std::vector<std::string>* out) {
  for (const RegionZones& r : RegionZoneTable()) {
    if (r.region == region) {
      out->assign(r.zones.begin(), r.zones.end());
      return true;
    }
  }
  return false;
}

Value EvaluateGetAZs(const FnCallNode& call, const EvalPath& path, Evaluator& ev) {
  EvalPath args_path = path.Child(FnName(call.fn()));
  const Node* arg = call.args();
  bool allowed = isa<StringNode>(arg);
  if (const auto* fn = dyn_cast<FnCallNode>(arg)) {
    const auto* name = dyn_cast<StringNode>(fn->args());
    // cfn-lint also accepts Ref to a parameter here; CloudFormation resolves it.
    allowed = fn->fn() == FnKind::kRef && name != nullptr;
  }
  if (!allowed) {
    return ev.Fail(DiagCode::kE1015, arg->range(), args_path,
                   "Fn::GetAZs takes a region name, \"\" or Ref AWS::Region; got a " +
                       std::string(NodeKindName(arg->kind())) + ".");
  }
  Value region = ev.Evaluate(arg, args_path);
  if (region.has_error())
    return Value::Error();
  if (region.is_unknown())
    return internal::Residual(call, region);
  if (!region.is_string() && !region.is_null()) {
    return ev.Fail(DiagCode::kE1015, arg->range(), args_path,
                   "Fn::GetAZs takes a region name; got " + internal::Describe(region) + ".");
  }
  bool stack_region = region.is_null() || region.as_string().empty();
  if (stack_region && ev.options().symbolic)
    return internal::Residual(call, region);
  std::string name =
      region.is_null() || region.as_string().empty() ? ev.pseudo().region : region.as_string();
  std::vector<std::string> zones;
  if (!AvailabilityZones(name, &zones)) {
    std::vector<std::string_view> regions;
    for (const RegionZones& r : RegionZoneTable())
      regions.push_back(r.region);
    return ev.Fail(DiagCode::kE1015, arg->range(), args_path,
                   "Fn::GetAZs: " + internal::Quote(name) + " is not a region cfnx knows." +
                       DidYouMean(name, regions));
  }
  Value::List items;
  for (std::string& z : zones)
    items.push_back(Value::String(std::move(z)));
  return Value::MakeList(std::move(items));
}

}  // namespace cfnx
