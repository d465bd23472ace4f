// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// E3504: a backup moved to cold storage must stay there at least 90 days before it is deleted:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-backup-backupplan-lifecycleresourcetype.html

#include <string>

#include "resources/service_rules.h"

namespace cfnx {
namespace {

// A literal integer (cfn-lint compares integers only; a quoted "90" is left alone).
const NumberNode* Integer(const MapNode* map, std::string_view key) {
  const auto* n = dyn_cast<NumberNode>(map->Get(key));
  return n != nullptr && n->is_integer() ? n : nullptr;
}

void CheckLifecycle(const Node* value, const TemplatePath& path, DiagnosticSink& diags) {
  const auto* lifecycle = dyn_cast<MapNode>(value);
  if (lifecycle == nullptr)
    return;
  const NumberNode* remove = Integer(lifecycle, "DeleteAfterDays");
  const NumberNode* cold = Integer(lifecycle, "MoveToColdStorageAfterDays");
  if (remove == nullptr || cold == nullptr || remove->value() - cold->value() >= 90)
    return;
  diags.Report(DiagCode::kE3504, lifecycle->Find("DeleteAfterDays")->key->range(),
               path.Child("DeleteAfterDays"),
               "DeleteAfterDays " + remove->text() +
                   " must be at least 90 days after MoveToColdStorageAfterDays " + cold->text() +
                   ".");
}

}  // namespace

void CheckBackupLifecycle(const Resource& r, DiagnosticSink& diags) {
  if (r.type != "AWS::Backup::BackupPlan")
    return;
  const auto* props = dyn_cast<MapNode>(r.properties);
  const auto* plan = props != nullptr ? dyn_cast<MapNode>(props->Get("BackupPlan")) : nullptr;
  const auto* rules = plan != nullptr ? dyn_cast<ListNode>(plan->Get("BackupPlanRule")) : nullptr;
  if (rules == nullptr)
    return;
  TemplatePath base{"Resources", r.logical_id, "Properties", "BackupPlan", "BackupPlanRule"};
  for (size_t i = 0; i < rules->size(); ++i) {
    const auto* rule = dyn_cast<MapNode>(rules->items()[i]);
    if (rule == nullptr)
      continue;
    CheckLifecycle(rule->Get("Lifecycle"), base.Child(i).Child("Lifecycle"), diags);
    const auto* copies = dyn_cast<ListNode>(rule->Get("CopyActions"));
    for (size_t k = 0; copies != nullptr && k < copies->size(); ++k) {
      if (const auto* copy = dyn_cast<MapNode>(copies->items()[k]))
        CheckLifecycle(copy->Get("Lifecycle"),
                       base.Child(i).Child("CopyActions").Child(k).Child("Lifecycle"), diags);
    }
  }
}

}  // namespace cfnx
