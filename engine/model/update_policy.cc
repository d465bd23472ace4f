// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/model/update_policy.h"

#include <algorithm>
#include <cstdlib>

namespace cfnx {
namespace {

using Json = nlohmann::ordered_json;

const Json& Member(const Json& object, const char* key) {
  static const Json kNull;
  if (!object.is_object())
    return kNull;
  auto it = object.find(key);
  return it == object.end() ? kNull : *it;
}

bool IsTrue(const Json& value) {
  if (value.is_boolean())
    return value.get<bool>();
  if (value.is_string()) {
    std::string s = value.get<std::string>();
    std::transform(s.begin(), s.end(), s.begin(), ::tolower);
    return s == "true";
  }
  return false;
}

std::optional<int64_t> IntegerOf(const Json& value) {
  if (value.is_number_integer())
    return value.get<int64_t>();
  if (value.is_string()) {
    const std::string& s = value.get_ref<const std::string&>();
    if (!s.empty() && s.size() < 12 && std::all_of(s.begin(), s.end(), ::isdigit))
      return std::atoll(s.c_str());
  }
  return std::nullopt;
}

// A value for a sentence: a string as is, {"Ref": X} as X, anything else as JSON.
std::string Show(const Json& value) {
  if (value.is_string())
    return value.get<std::string>();
  if (value.is_object() && value.size() == 1 && value.contains("Ref") && value["Ref"].is_string())
    return value["Ref"].get<std::string>();
  return value.dump();
}

bool Contains(const std::vector<std::string>& list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items)
    out += (out.empty() ? "" : ", ") + s;
  return out;
}

}  // namespace

bool TriggersGroupUpdate(std::string_view property) {
  return property == "LaunchConfigurationName" || property == "LaunchTemplate" ||
         property == "MixedInstancesPolicy" || property == "VPCZoneIdentifier";
}

PolicyUpdate UpdateByPolicy(std::string_view type, const Json& update_policy,
                            std::string_view property) {
  if (type == "AWS::AutoScaling::AutoScalingGroup" && TriggersGroupUpdate(property)) {
    return IsTrue(Member(Member(update_policy, "AutoScalingReplacingUpdate"), "WillReplace"))
               ? PolicyUpdate::kReplace
               : PolicyUpdate::kInPlace;
  }
  if (type == "AWS::ElastiCache::ReplicationGroup" &&
      (property == "NumNodeGroups" || property == "NodeGroupConfiguration")) {
    return IsTrue(Member(update_policy, "UseOnlineResharding")) ? PolicyUpdate::kInPlace
                                                                : PolicyUpdate::kReplace;
  }
  if ((type == "AWS::OpenSearchService::Domain" && property == "EngineVersion") ||
      (type == "AWS::Elasticsearch::Domain" && property == "ElasticsearchVersion")) {
    return IsTrue(Member(update_policy, "EnableVersionUpgrade")) ? PolicyUpdate::kInPlace
                                                                 : PolicyUpdate::kReplace;
  }
  return PolicyUpdate::kNone;
}

std::string PolicyReplacementProperty(std::string_view type, const Json& update_policy,
                                      const Json& before, const Json& after) {
  std::vector<std::string> keys;
  for (const Json* side : {&before, &after}) {
    if (!side->is_object())
      continue;
    for (auto it = side->begin(); it != side->end(); ++it) {
      if (!Contains(keys, it.key()))
        keys.push_back(it.key());
    }
  }
  for (const std::string& key : keys) {
    if (Member(before, key.c_str()) == Member(after, key.c_str()))
      continue;
    if (UpdateByPolicy(type, update_policy, key) == PolicyUpdate::kReplace)
      return key;
  }
  return "";
}

std::optional<RollingUpdate> RollingUpdateOf(const Json& update_policy) {
  const Json& r = Member(update_policy, "AutoScalingRollingUpdate");
  if (!r.is_object())
    return std::nullopt;
  RollingUpdate out;
  if (auto n = IntegerOf(Member(r, "MaxBatchSize")); n && *n > 0)
    out.max_batch_size = *n;
  if (auto n = IntegerOf(Member(r, "MinInstancesInService")))
    out.min_instances_in_service = *n;
  if (auto n = IntegerOf(Member(r, "MinSuccessfulInstancesPercent")); n && *n <= 100)
    out.min_successful_percent = *n;
  out.wait_on_signals = IsTrue(Member(r, "WaitOnResourceSignals"));
  const Json& pause = Member(r, "PauseTime");
  out.pause_time =
      pause.is_string() ? pause.get<std::string>() : (out.wait_on_signals ? "PT5M" : "PT0S");
  for (const Json& p : Member(r, "SuspendProcesses")) {
    if (p.is_string())
      out.suspend_processes.push_back(p.get<std::string>());
  }
  return out;
}

std::vector<int64_t> RollingBatches(const RollingUpdate& rolling, int64_t instances) {
  std::vector<int64_t> out;
  if (instances <= 0)
    return out;
  // Instances that may be out of service at once; when MinInstancesInService leaves none,
  // CloudFormation adds new instances first (temporarily raising the capacity) in batches of
  // MaxBatchSize.
  int64_t room = instances - rolling.min_instances_in_service;
  int64_t batch = room >= 1 ? std::min(rolling.max_batch_size, room) : rolling.max_batch_size;
  for (int64_t left = instances; left > 0; left -= batch)
    out.push_back(std::min(batch, left));
  return out;
}

int64_t GroupInstances(const Json& properties) {
  for (const char* key : {"DesiredCapacity", "MinSize"}) {
    if (auto n = IntegerOf(Member(properties, key)))
      return *n;
  }
  return 0;
}

std::string DescribePolicyUpdate(std::string_view type, const Json& update_policy,
                                 const std::vector<std::string>& changed, const Json& properties) {
  std::vector<std::string> sentences;
  if (type == "AWS::AutoScaling::AutoScalingGroup") {
    std::vector<std::string> triggers;
    for (const std::string& p : changed) {
      if (TriggersGroupUpdate(p))
        triggers.push_back(p);
    }
    if (!triggers.empty()) {
      std::string what = "the change of " + Join(triggers);
      std::optional<RollingUpdate> rolling = RollingUpdateOf(update_policy);
      if (UpdateByPolicy(type, update_policy, triggers[0]) == PolicyUpdate::kReplace) {
        sentences.push_back(
            "UpdatePolicy AutoScalingReplacingUpdate (WillReplace): " + what +
            " creates a new Auto Scaling group (waiting for its CreationPolicy signals, if it "
            "has one); the old group is deleted in cleanup, or kept if the new one fails");
      } else if (rolling) {
        int64_t instances = GroupInstances(properties);
        std::vector<int64_t> batches = RollingBatches(*rolling, instances);
        std::string s = "UpdatePolicy AutoScalingRollingUpdate: " + what + " replaces the group's ";
        if (instances > 0) {
          s += std::to_string(instances) + " instance(s) in " + std::to_string(batches.size()) +
               " batch(es) of at most " + std::to_string(batches.empty() ? 0 : batches[0]);
        } else {
          s += "instances in batches of at most " + std::to_string(rolling->max_batch_size);
        }
        s += ", keeping at least " + std::to_string(rolling->min_instances_in_service) +
             " in service";
        if (rolling->wait_on_signals) {
          s += "; each batch waits for its new instances' SUCCESS signals";
          if (rolling->min_successful_percent < 100)
            s += " (at least " + std::to_string(rolling->min_successful_percent) + "%)";
          s += " within " + rolling->pause_time;
        } else if (rolling->pause_time != "PT0S") {
          s += ", pausing " + rolling->pause_time + " after each batch";
        }
        if (!rolling->suspend_processes.empty())
          s += "; suspends " + Join(rolling->suspend_processes) + " meanwhile";
        sentences.push_back(s);
      } else {
        sentences.push_back(
            "No AutoScalingRollingUpdate or AutoScalingReplacingUpdate policy: " + what +
            " applies to new instances only; the running instances keep the old configuration");
      }
    }
    const Json& scheduled = Member(update_policy, "AutoScalingScheduledAction");
    if (IsTrue(Member(scheduled, "IgnoreUnmodifiedGroupSizeProperties")) && !changed.empty()) {
      std::vector<std::string> kept;
      for (const char* p : {"MinSize", "MaxSize", "DesiredCapacity"}) {
        if (!Contains(changed, p))
          kept.push_back(p);
      }
      if (!kept.empty())
        sentences.push_back(
            "UpdatePolicy AutoScalingScheduledAction (IgnoreUnmodifiedGroupSizeProperties): " +
            Join(kept) + " keep the values scheduled actions set");
    }
  }
  auto versioned = [&](const char* property, const char* policy, const char* how) {
    if (!Contains(changed, property))
      return;
    if (UpdateByPolicy(type, update_policy, property) == PolicyUpdate::kInPlace) {
      sentences.push_back(std::string("UpdatePolicy ") + policy + ": " + property + " changes " +
                          how + ", without replacement");
    } else {
      sentences.push_back(std::string(property) + " changes by replacement (no UpdatePolicy " +
                          policy + ": true)");
    }
  };
  if (type == "AWS::ElastiCache::ReplicationGroup") {
    versioned("NumNodeGroups", "UseOnlineResharding", "by online resharding");
    versioned("NodeGroupConfiguration", "UseOnlineResharding", "by online resharding");
  }
  if (type == "AWS::OpenSearchService::Domain")
    versioned("EngineVersion", "EnableVersionUpgrade", "by an in-place version upgrade");
  if (type == "AWS::Elasticsearch::Domain")
    versioned("ElasticsearchVersion", "EnableVersionUpgrade", "by an in-place version upgrade");
  if (type == "AWS::Lambda::Alias" && Contains(changed, "FunctionVersion")) {
    const Json& cd = Member(update_policy, "CodeDeployLambdaAliasUpdate");
    if (cd.is_object()) {
      std::string s =
          "UpdatePolicy CodeDeployLambdaAliasUpdate: traffic shifts to the new "
          "FunctionVersion through a CodeDeploy deployment (application " +
          Show(Member(cd, "ApplicationName")) + ", deployment group " +
          Show(Member(cd, "DeploymentGroupName"));
      for (const char* hook : {"BeforeAllowTrafficHook", "AfterAllowTrafficHook"}) {
        if (!Member(cd, hook).is_null())
          s += std::string(", ") + hook + " " + Show(Member(cd, hook));
      }
      sentences.push_back(s + ")");
    }
  }
  std::string out;
  for (const std::string& s : sentences)
    out += (out.empty() ? "" : ". ") + s;
  return out;
}

}  // namespace cfnx
