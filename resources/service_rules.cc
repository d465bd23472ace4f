// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "resources/service_rules.h"

#include "resources/ignored_checks.h"

namespace cfnx {

SourceRange FunctionRange(const FnCallNode* fn, const SourceRange& key) {
  return fn->form() == FnForm::kLong ? fn->name_range() : key;
}

void CheckServiceRules(const Template& t, DiagnosticSink& diags) {
  for (const Resource& r : t.resources) {
    if (r.node == nullptr || r.type.empty())
      continue;
    IgnoringSink sink(diags, IgnoredChecks(r));
    CheckCacheClusterFailover(t, r, sink);
    CheckServiceRolePath(t, r, sink);
    CheckBackupLifecycle(r, sink);
    CheckInstanceImageId(t, r, sink);
    CheckPipelineStages(r, sink);
    CheckRoleArnPatterns(r, sink);
    CheckHealthCheckType(r, sink);
    CheckDistributionTargetOrigin(r, sink);
    CheckDetectorProperties(r, sink);
    CheckRecordSetName(t, r, sink);
    CheckDomainValidationOptions(r, sink);
    CheckFunctionEnvironmentSize(r, sink);
  }
  CheckSubscriptionFilterLimit(t, diags);
  CheckSubnetOverlap(t, diags);
}

}  // namespace cfnx
