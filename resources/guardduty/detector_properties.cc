// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// E3063: a GuardDuty detector configures its protection plans either with DataSources (the older
// form) or with Features, never both: GuardDuty rejects the request. cfn-lint's
// rules/resources/guardduty/DetectorExclusiveProperties.py:
// https://docs.aws.amazon.com/guardduty/latest/ug/guardduty-features-activation-model.html

#include "resources/service_rules.h"

namespace cfnx {

void CheckDetectorProperties(const Resource& r, DiagnosticSink& diags) {
  if (r.type != "AWS::GuardDuty::Detector")
    return;
  const auto* props = dyn_cast<MapNode>(r.properties);
  if (props == nullptr)
    return;
  const MapEntry* data_sources = props->Find("DataSources");
  const MapEntry* features = props->Find("Features");
  // cfn-lint looks at the keys as written, so a Ref AWS::NoValue still counts as given.
  if (data_sources == nullptr || features == nullptr)
    return;
  const MapEntry* key = r.node->Find("Properties");
  diags.Report(DiagCode::kE3063, key != nullptr ? key->key->range() : r.key->range(),
               TemplatePath{"Resources", r.logical_id, "Properties"},
               "Both 'DataSources' and 'Features' were provided. You can provide only one; it is "
               "recommended to use 'Features'.");
}

}  // namespace cfnx
