// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// What a resource's UpdatePolicy makes CloudFormation do with an update, shared by the planner
// (which Replacement a change set shows, and the forecast's I9030 note) and the local executor
// (how the update is carried out):
//
//   AWS::AutoScaling::AutoScalingGroup, a change of LaunchConfigurationName, LaunchTemplate,
//   MixedInstancesPolicy or VPCZoneIdentifier (the schema's conditional create-only
//   properties):
//     AutoScalingReplacingUpdate.WillReplace true  -> a new group replaces the old one
//     AutoScalingRollingUpdate                     -> in place; the instances are replaced in
//                                                     batches (MaxBatchSize, MinInstancesInService,
//                                                     PauseTime, WaitOnResourceSignals,
//                                                     MinSuccessfulInstancesPercent)
//     neither                                      -> in place; running instances keep the old
//                                                     configuration
//   AutoScalingScheduledAction.IgnoreUnmodifiedGroupSizeProperties: MinSize, MaxSize and
//     DesiredCapacity the template did not change are left as scheduled actions set them.
//   AWS::ElastiCache::ReplicationGroup, NumNodeGroups or NodeGroupConfiguration:
//     UseOnlineResharding true -> in place (online resharding); otherwise a replacement.
//   AWS::OpenSearchService::Domain EngineVersion, AWS::Elasticsearch::Domain
//     ElasticsearchVersion: EnableVersionUpgrade true -> in place; otherwise a replacement.
//   AWS::Lambda::Alias with CodeDeployLambdaAliasUpdate: a change of FunctionVersion shifts
//     traffic through a CodeDeploy deployment (in place).
//
// Sources: AWS CloudFormation User Guide, "UpdatePolicy attribute", and the resource reference
// pages of the properties above ("Update requires").

#ifndef CFNX_ENGINE_MODEL_UPDATE_POLICY_H_
#define CFNX_ENGINE_MODEL_UPDATE_POLICY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace cfnx {

enum class PolicyUpdate : uint8_t {
  kNone,     // the update policy does not concern this property
  kReplace,  // CloudFormation replaces the resource
  kInPlace,  // CloudFormation updates it in place (as the policy directs)
};

// How a change of top-level property `property` of a `type` resource with `update_policy`
// (its UpdatePolicy, null when none; booleans as JSON booleans or "true"/"false") is made.
PolicyUpdate UpdateByPolicy(std::string_view type, const nlohmann::ordered_json& update_policy,
                            std::string_view property);

// The first top-level property whose change from `before` to `after` (properties) the update
// policy makes a replacement; "" when none does.
std::string PolicyReplacementProperty(std::string_view type,
                                      const nlohmann::ordered_json& update_policy,
                                      const nlohmann::ordered_json& before,
                                      const nlohmann::ordered_json& after);

// AutoScalingRollingUpdate, with CloudFormation's defaults.
struct RollingUpdate {
  int64_t max_batch_size = 1;
  int64_t min_instances_in_service = 0;
  int64_t min_successful_percent = 100;
  bool wait_on_signals = false;
  std::string pause_time;  // as written; "PT5M" by default with WaitOnResourceSignals, else "PT0S"
  std::vector<std::string> suspend_processes;
};
std::optional<RollingUpdate> RollingUpdateOf(const nlohmann::ordered_json& update_policy);

// The batches a rolling update of `instances` instances replaces them in (sizes, in order).
std::vector<int64_t> RollingBatches(const RollingUpdate& rolling, int64_t instances);

// Whether an Auto Scaling group's change of `property` triggers its rolling or replacing update.
bool TriggersGroupUpdate(std::string_view property);

// One sentence for the plan: what the update policy makes CloudFormation do with an update of
// `type` that changes `changed` (top-level property names), given the new `properties`; "" when
// the policy has nothing to say about it.
std::string DescribePolicyUpdate(std::string_view type, const nlohmann::ordered_json& update_policy,
                                 const std::vector<std::string>& changed,
                                 const nlohmann::ordered_json& properties);

// The number of instances a group runs: DesiredCapacity, else MinSize; 0 when unknown.
int64_t GroupInstances(const nlohmann::ordered_json& properties);

}  // namespace cfnx

#endif  // CFNX_ENGINE_MODEL_UPDATE_POLICY_H_
