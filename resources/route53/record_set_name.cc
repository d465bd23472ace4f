// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// E3041: a record set given by HostedZoneName lives in that zone, so the zone name must end in a
// dot and the record's Name must be the zone's name or a name below it. cfn-lint's
// rules/resources/route53/RecordSetName.py (both names written out; each condition scenario):
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-route53-recordset.html#cfn-route53-recordset-name

#include <string>

#include "engine/validate/condition_logic.h"
#include "resources/service_rules.h"

namespace cfnx {
namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

void CheckRecordSetName(const Template& t, const Resource& r, DiagnosticSink& diags) {
  if (r.type != "AWS::Route53::RecordSet")
    return;
  const auto* props = dyn_cast<MapNode>(r.properties);
  const MapEntry* name = props != nullptr ? props->Find("Name") : nullptr;
  const MapEntry* zone = props != nullptr ? props->Find("HostedZoneName") : nullptr;
  if (name == nullptr || zone == nullptr)
    return;
  ConditionLogic logic(t);
  TemplatePath base{"Resources", r.logical_id, "Properties"};
  bool zone_reported = false;
  for (const IfAlternative& z : IfAlternatives(zone->value)) {
    const auto* zone_name = dyn_cast<StringNode>(z.value);
    if (zone_name == nullptr)
      continue;
    std::string hz = zone_name->value();
    if (!EndsWith(hz, ".")) {
      if (!zone_reported)
        diags.Report(DiagCode::kE3041, zone_name->range(), base.Child("HostedZoneName"),
                     "'" + hz + "' must end in a dot");
      zone_reported = true;
      hz += ".";
    }
    for (const IfAlternative& n : IfAlternatives(name->value, z.when)) {
      const auto* record = dyn_cast<StringNode>(n.value);
      if (record == nullptr || (!n.when.empty() && !logic.Satisfiable(n.when)))
        continue;
      std::string full = EndsWith(record->value(), ".") ? record->value() : record->value() + ".";
      if (full == hz || EndsWith(full, "." + hz))
        continue;
      diags.Report(DiagCode::kE3041, record->range(), base.Child("Name"),
                   "'" + record->value() + "' must be a subdomain of or equal to '" +
                       zone_name->value() + "'");
    }
  }
}

}  // namespace cfnx
