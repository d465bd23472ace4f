// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Update policies on the local backend: an Auto Scaling group's rolling update in batches (each
// waiting for its signals, a batch that times out rolling the update back), a replacing update,
// and a Replacement: Conditional decided from the values the deployment produced.

#include "engine/model/update_policy.h"

#include <chrono>
#include <filesystem>
#include <thread>
#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine/exec/executor.h"
#include "engine/exec/signals.h"
#include "engine/exec/test_simulator.h"
#include "functions/register.h"

namespace cfnx {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

class UpdatePolicyTest : public SimulatedStackTest {
 protected:
  ExecResult Deploy(const std::string& yaml_json, bool auto_signal = false,
                    std::optional<Plan>* planned = nullptr) {
    LocalProvider provider(*store_, simulator_);
    Executor executor(*store_, provider, BuiltinFunctions(), simulator_);
    DeployRequest request;
    request.stack_name = "app";
    request.template_json = ExecJson::parse(yaml_json);
    request.parallel = 1;
    request.auto_signal = auto_signal;
    ErrorOr<ExecResult> result = executor.Deploy(request);
    EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
    if (planned != nullptr && result.ok())
      *planned = result->plan;
    return result.ok() ? *result : ExecResult{};
  }
  // Deploys on another thread; `send` runs each time the group waits for a batch's signals,
  // with the batch number, until the deployment ends.
  ExecResult DeployWithBatches(const std::string& text, const std::function<void(int)>& send) {
    ExecResult result;
    std::atomic<bool> finished{false};
    std::thread deploying([&] {
      result = Deploy(text);
      finished = true;
    });
    size_t handled = 0;
    int batch = 0;
    while (!finished) {
      std::vector<StoredEvent> events = store_->GetEvents("app");
      for (size_t i = handled; i < events.size(); ++i) {
        if (events[i].reason.find("New instance(s) added to autoscaling group") !=
            std::string::npos)
          send(++batch);
      }
      handled = events.size();
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    deploying.join();
    return result;
  }
  std::vector<std::string> Reasons(int64_t op) {
    std::vector<std::string> out;
    for (const StoredEvent& e : store_->GetEvents("app", op)) {
      if (e.logical_id == "Group" || e.logical_id == "Alias" || e.logical_id == "Named")
        out.push_back(e.status + (e.reason.empty() ? "" : " " + e.reason));
    }
    return out;
  }
  std::optional<StoredResource> Resource(const std::string& id) {
    for (const StoredResource& r : store_->GetResources("app")) {
      if (r.logical_id == id && r.role == "current")
        return r;
    }
    return std::nullopt;
  }
  void Signal(const std::string& id, const std::string& status = "SUCCESS") {
    ErrorOr<StoredSignal> s = SendSignal(*store_, "app", "Group", status, id, "", "");
    EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message);
  }
};

std::string Group(const std::string& version, const std::string& pause) {
  return R"({"Resources": {"Group": {"Type": "AWS::AutoScaling::AutoScalingGroup",
    "Properties": {"MinSize": "1", "MaxSize": "4", "DesiredCapacity": "3",
                   "LaunchTemplate": {"LaunchTemplateId": "lt-1", "Version": ")" +
         version + R"("}},
    "UpdatePolicy": {"AutoScalingRollingUpdate": {
      "MaxBatchSize": 2, "MinInstancesInService": 1, "WaitOnResourceSignals": true,
      "PauseTime": ")" +
         pause + R"("}}}}})";
}

TEST_F(UpdatePolicyTest, ARollingUpdateReplacesInstancesInBatchesWaitingForSignals) {
  ASSERT_TRUE(Deploy(Group("1", "PT20S")).succeeded);
  std::string physical = Resource("Group")->physical_id;
  ExecResult result = DeployWithBatches(Group("2", "PT20S"), [&](int batch) {
    if (batch == 1) {
      Signal("i-1");
      Signal("i-2");
    } else {
      Signal("i-3");
    }
  });
  ASSERT_TRUE(result.succeeded) << result.message;
  EXPECT_EQ(Resource("Group")->physical_id, physical);  // in place
  EXPECT_EQ(Resource("Group")->status, "UPDATE_COMPLETE");
  EXPECT_THAT(
      Reasons(result.operation),
      ElementsAre(
          "UPDATE_IN_PROGRESS",
          "UPDATE_IN_PROGRESS Rolling update initiated. Terminating 3 obsolete instance(s) in "
          "batches of 2, while keeping at least 1 instance(s) in service. Waiting on resource "
          "signals with a timeout of PT20S when new instances are added to the autoscaling group.",
          "UPDATE_IN_PROGRESS Terminating 2 obsolete instance(s); replacing with 2 new "
          "instance(s) (batch 1 of 2).",
          "UPDATE_IN_PROGRESS New instance(s) added to autoscaling group - Waiting on 2 resource "
          "signal(s) with a timeout of PT20S: send them with `cfnx signal --stack app "
          "--resource Group`.",
          "UPDATE_IN_PROGRESS Received SUCCESS signal with UniqueId i-1",
          "UPDATE_IN_PROGRESS Received SUCCESS signal with UniqueId i-2",
          "UPDATE_IN_PROGRESS Successfully terminated 2 obsolete instance(s) (Progress 66%).",
          "UPDATE_IN_PROGRESS Terminating 1 obsolete instance(s); replacing with 1 new "
          "instance(s) (batch 2 of 2).",
          "UPDATE_IN_PROGRESS New instance(s) added to autoscaling group - Waiting on 1 resource "
          "signal(s) with a timeout of PT20S: send them with `cfnx signal --stack app "
          "--resource Group`.",
          "UPDATE_IN_PROGRESS Received SUCCESS signal with UniqueId i-3",
          "UPDATE_IN_PROGRESS Successfully terminated 1 obsolete instance(s) (Progress 100%).",
          "UPDATE_COMPLETE"));
}

TEST_F(UpdatePolicyTest, ABatchWithoutItsSignalsRollsTheUpdateBack) {
  ASSERT_TRUE(Deploy(Group("1", "PT1S")).succeeded);
  ExecResult result = DeployWithBatches(Group("2", "PT1S"), [&](int batch) {
    if (batch == 1)
      Signal("i-1");  // one of the two the batch needs
  });
  EXPECT_FALSE(result.succeeded);
  EXPECT_EQ(result.status, "UPDATE_ROLLBACK_COMPLETE");
  EXPECT_THAT(result.message, HasSubstr("Failed to receive 2 resource signal(s) for the current "
                                        "batch. Each resource signal timeout is counted as a "
                                        "FAILURE."));
  EXPECT_EQ(Resource("Group")->properties["LaunchTemplate"]["Version"], "1");
}

TEST_F(UpdatePolicyTest, AutoSignalCompletesEveryBatch) {
  ASSERT_TRUE(Deploy(Group("1", "PT5S")).succeeded);
  ExecResult result = Deploy(Group("2", "PT5S"), /*auto_signal=*/true);
  EXPECT_TRUE(result.succeeded) << result.message;
  EXPECT_THAT(Reasons(result.operation),
              Contains("UPDATE_IN_PROGRESS Received SUCCESS signal with UniqueId "
                       "cfnx-auto-signal-b2-1"));
}

TEST_F(UpdatePolicyTest, WillReplaceCreatesANewGroupAndDeletesTheOldOne) {
  auto group = [](const std::string& version) {
    return R"({"Resources": {"Group": {"Type": "AWS::AutoScaling::AutoScalingGroup",
      "Properties": {"MinSize": "1", "MaxSize": "2",
                     "LaunchTemplate": {"LaunchTemplateId": "lt-1", "Version": ")" +
           version + R"("}},
      "CreationPolicy": {"ResourceSignal": {"Count": 1, "Timeout": "PT5S"}},
      "UpdatePolicy": {"AutoScalingReplacingUpdate": {"WillReplace": true}}}}})";
  };
  ASSERT_TRUE(Deploy(group("1"), /*auto_signal=*/true).succeeded);
  std::string old_id = Resource("Group")->physical_id;
  std::optional<Plan> plan;
  ExecResult result = Deploy(group("2"), /*auto_signal=*/true, &plan);
  ASSERT_TRUE(result.succeeded) << result.message;
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->change_set.changes[0].resource_change.replacement, Replacement::kTrue);
  EXPECT_NE(Resource("Group")->physical_id, old_id);
  EXPECT_THAT(Reasons(result.operation), Contains("DELETE_COMPLETE"));
  EXPECT_THAT(Reasons(result.operation),
              Contains(HasSubstr("Received SUCCESS signal with UniqueId cfnx-auto-signal-1")));
}

TEST_F(UpdatePolicyTest, AConditionalReplacementIsDecidedFromTheDeployedValues) {
  // Named's create-only Name reads an attribute of Dep, which this update replaces: the plan
  // cannot know the new value (Replacement Conditional); the deployment finds it unchanged (the
  // simulator gives every resource the same Data).
  auto stack = [](const std::string& name) {
    return R"({"Resources": {
      "Dep": {"Type": "Test::Dep", "Properties": {"Name": ")" +
           name + R"("}},
      "Named": {"Type": "Test::Named", "Properties": {"Name": {"Fn::GetAtt": ["Dep", "Data"]}}}}})";
  };
  ASSERT_TRUE(Deploy(stack("a")).succeeded);
  std::string named = Resource("Named")->physical_id;
  std::optional<Plan> plan;
  ExecResult result = Deploy(stack("b"), false, &plan);
  ASSERT_TRUE(result.succeeded) << result.message;
  ASSERT_TRUE(plan);
  bool conditional = false;
  for (const Change& c : plan->change_set.changes)
    conditional |= c.resource_change.logical_id == "Named" &&
                   c.resource_change.replacement == Replacement::kConditional;
  EXPECT_TRUE(conditional);
  EXPECT_EQ(Resource("Named")->physical_id, named);  // updated in place, not replaced
  EXPECT_THAT(Reasons(result.operation),
              Contains(HasSubstr("Replacement was Conditional: the values this deployment "
                                 "produced leave every property that forces replacement "
                                 "unchanged")));
}

TEST_F(UpdatePolicyTest, ACodeDeployAliasUpdateSaysHowTrafficShifts) {
  auto alias = [](const std::string& version) {
    return R"({"Resources": {"Alias": {"Type": "AWS::Lambda::Alias",
      "Properties": {"FunctionName": "f", "FunctionVersion": ")" +
           version + R"(", "Name": "live"},
      "UpdatePolicy": {"CodeDeployLambdaAliasUpdate": {
        "ApplicationName": "app", "DeploymentGroupName": "group"}}}}})";
  };
  ASSERT_TRUE(Deploy(alias("1")).succeeded);
  ExecResult result = Deploy(alias("2"));
  ASSERT_TRUE(result.succeeded) << result.message;
  EXPECT_THAT(Reasons(result.operation),
              Contains(HasSubstr("traffic shifts to the new FunctionVersion through a CodeDeploy "
                                 "deployment (application app, deployment group group). The local "
                                 "backend shifts the traffic at once and runs no traffic hooks.")));
}

TEST(UpdatePolicyModelTest, DecidesByPolicy) {
  using Json = nlohmann::ordered_json;
  Json will_replace = Json::parse(R"({"AutoScalingReplacingUpdate": {"WillReplace": "true"}})");
  EXPECT_EQ(UpdateByPolicy("AWS::AutoScaling::AutoScalingGroup", will_replace, "LaunchTemplate"),
            PolicyUpdate::kReplace);
  EXPECT_EQ(UpdateByPolicy("AWS::AutoScaling::AutoScalingGroup", Json(), "LaunchTemplate"),
            PolicyUpdate::kInPlace);
  EXPECT_EQ(UpdateByPolicy("AWS::AutoScaling::AutoScalingGroup", will_replace, "MaxSize"),
            PolicyUpdate::kNone);
  EXPECT_EQ(UpdateByPolicy("AWS::ElastiCache::ReplicationGroup", Json(), "NumNodeGroups"),
            PolicyUpdate::kReplace);
  EXPECT_EQ(UpdateByPolicy("AWS::ElastiCache::ReplicationGroup",
                           Json::parse(R"({"UseOnlineResharding": true})"), "NumNodeGroups"),
            PolicyUpdate::kInPlace);
  EXPECT_EQ(
      UpdateByPolicy("AWS::Elasticsearch::Domain", Json::parse(R"({"EnableVersionUpgrade": true})"),
                     "ElasticsearchVersion"),
      PolicyUpdate::kInPlace);
  EXPECT_EQ(PolicyReplacementProperty("AWS::OpenSearchService::Domain", Json(),
                                      Json::parse(R"({"EngineVersion": "a", "X": 1})"),
                                      Json::parse(R"({"EngineVersion": "b", "X": 2})")),
            "EngineVersion");
  RollingUpdate rolling;
  rolling.max_batch_size = 3;
  rolling.min_instances_in_service = 4;
  EXPECT_THAT(RollingBatches(rolling, 5), ElementsAre(1, 1, 1, 1, 1));  // one out at a time
  rolling.min_instances_in_service = 5;  // none may go: new instances first, 3 at a time
  EXPECT_THAT(RollingBatches(rolling, 5), ElementsAre(3, 2));
  rolling.min_instances_in_service = 0;
  EXPECT_THAT(RollingBatches(rolling, 7), ElementsAre(3, 3, 1));
}

}  // namespace
}  // namespace cfnx
