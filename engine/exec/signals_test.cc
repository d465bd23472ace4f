// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Resource signals on the local backend: CreationPolicy and wait conditions wait for `cfnx
// signal` (SendSignal) from another thread, as another process would send them; success, a
// FAILURE signal, a timeout, --auto-signal, and the refusals of a signal nobody waits for.

#include "engine/exec/signals.h"

#include <chrono>
#include <filesystem>
#include <thread>
#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine/exec/executor.h"
#include "engine/exec/test_simulator.h"
#include "functions/register.h"

namespace cfnx {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;

class SignalsTest : public SimulatedStackTest {
 protected:
  ExecResult Deploy(const std::string& text, bool auto_signal = false) {
    LocalProvider provider(*store_, simulator_);
    Executor executor(*store_, provider, BuiltinFunctions(), simulator_);
    DeployRequest request;
    request.stack_name = "app";
    request.template_json = ExecJson::parse(text);
    request.parallel = 2;
    request.auto_signal = auto_signal;
    ErrorOr<ExecResult> result = executor.Deploy(request);
    EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
    return result.ok() ? *result : ExecResult{};
  }
  // Runs the deployment on another thread; `send` runs once `resource` waits for signals.
  ExecResult DeployWhileSignalling(const std::string& text, const std::string& resource,
                                   const std::function<void()>& send) {
    ExecResult result;
    std::thread deploying([&] { result = Deploy(text); });
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    bool waiting = false;
    while (!waiting && std::chrono::steady_clock::now() < deadline) {
      for (const StoredResource& r : store_->GetResources("app"))
        waiting = waiting || (r.logical_id == resource && r.status == "CREATE_IN_PROGRESS");
      if (!waiting)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    EXPECT_TRUE(waiting) << resource << " never waited for signals";
    send();
    deploying.join();
    return result;
  }
  std::vector<std::string> Events() {
    std::vector<std::string> out;
    for (const StoredEvent& e : store_->GetEvents("app"))
      out.push_back(e.logical_id + " " + e.status + (e.reason.empty() ? "" : " " + e.reason));
    return out;
  }
  std::optional<StoredResource> Resource(const std::string& id) {
    for (const StoredResource& r : store_->GetResources("app")) {
      if (r.logical_id == id && r.role == "current")
        return r;
    }
    return std::nullopt;
  }
  void Send(const std::string& resource, const std::string& status, const std::string& id,
            const std::string& data = "", const std::string& reason = "") {
    ErrorOr<StoredSignal> s = SendSignal(*store_, "app", resource, status, id, data, reason);
    EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message);
  }
};

constexpr const char* kWaitCondition = R"({"Resources": {
  "Handle": {"Type": "AWS::CloudFormation::WaitConditionHandle"},
  "Wait": {"Type": "AWS::CloudFormation::WaitCondition",
           "Properties": {"Handle": {"Ref": "Handle"}, "Timeout": "30", "Count": 2}},
  "After": {"Type": "AWS::SNS::Topic", "DependsOn": "Wait"}},
  "Outputs": {"Data": {"Value": {"Fn::GetAtt": ["Wait", "Data"]}}}})";

TEST_F(SignalsTest, WaitConditionCompletesWithItsSignalsAndTheirData) {
  ExecResult result = DeployWhileSignalling(kWaitCondition, "Wait", [&] {
    Send("Handle", "SUCCESS", "step1", "one");
    Send("Wait", "SUCCESS", "step2", "two");
  });
  EXPECT_TRUE(result.succeeded) << result.message;
  EXPECT_EQ(result.status, "CREATE_COMPLETE");
  std::optional<StoredResource> wait = Resource("Wait");
  ASSERT_TRUE(wait);
  EXPECT_EQ(wait->status, "CREATE_COMPLETE");
  EXPECT_EQ(wait->attributes["Data"], R"({"step1":"one","step2":"two"})");
  std::optional<StoredStack> stack = store_->GetStack("app");
  ASSERT_TRUE(stack);
  EXPECT_EQ(stack->outputs[0]["OutputValue"], R"({"step1":"one","step2":"two"})");
  EXPECT_THAT(Events(), Contains(HasSubstr("Wait CREATE_IN_PROGRESS Waiting for 2 signal(s) on "
                                           "its wait condition handle within 30 seconds")));
  EXPECT_THAT(Events(), Contains("Wait CREATE_IN_PROGRESS Received SUCCESS signal with UniqueId "
                                 "step1"));
  EXPECT_THAT(Events(), Contains("Wait CREATE_COMPLETE"));
  EXPECT_THAT(Events(), Contains("After CREATE_COMPLETE"));
}

TEST_F(SignalsTest, ASignalWithTheSameUniqueIdReplacesTheEarlierOne) {
  ExecResult result = DeployWhileSignalling(kWaitCondition, "Wait", [&] {
    Send("Handle", "SUCCESS", "same", "first");
    Send("Handle", "SUCCESS", "same", "second");
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    // Still one signal of the two expected: the wait goes on.
    std::optional<StoredResource> wait = Resource("Wait");
    ASSERT_TRUE(wait);
    EXPECT_EQ(wait->status, "CREATE_IN_PROGRESS");
    Send("Handle", "SUCCESS", "other", "third");
  });
  EXPECT_TRUE(result.succeeded) << result.message;
  EXPECT_EQ(Resource("Wait")->attributes["Data"], R"({"same":"second","other":"third"})");
}

TEST_F(SignalsTest, AFailureSignalFailsTheWaitConditionAndRollsBack) {
  ExecResult result = DeployWhileSignalling(
      kWaitCondition, "Wait", [&] { Send("Handle", "FAILURE", "setup", "", "disk full"); });
  EXPECT_FALSE(result.succeeded);
  EXPECT_EQ(result.status, "ROLLBACK_COMPLETE");
  EXPECT_THAT(result.message,
              HasSubstr("WaitCondition received failed message: 'disk full' for uniqueId: setup"));
  EXPECT_THAT(Events(), Contains(HasSubstr("Wait CREATE_FAILED WaitCondition received failed")));
  EXPECT_THAT(Events(), Contains("Wait DELETE_COMPLETE"));
  EXPECT_FALSE(Resource("Wait"));
  EXPECT_FALSE(Resource("After"));
}

constexpr const char* kInstance = R"({"Resources": {
  "Server": {"Type": "AWS::EC2::Instance", "Properties": {"ImageId": "ami-12345678"},
             "CreationPolicy": {"ResourceSignal": {"Count": 2, "Timeout": "PT1S"}}}}})";

TEST_F(SignalsTest, ACreationPolicyTimesOutWithoutEnoughSignals) {
  ExecResult result =
      DeployWhileSignalling(kInstance, "Server", [&] { Send("Server", "SUCCESS", "i-1"); });
  EXPECT_FALSE(result.succeeded);
  EXPECT_EQ(result.status, "ROLLBACK_COMPLETE");
  EXPECT_THAT(Events(), Contains("Server CREATE_IN_PROGRESS Received SUCCESS signal with UniqueId "
                                 "i-1"));
  EXPECT_THAT(Events(), Contains("Server CREATE_FAILED Failed to receive 1 resource signal(s) "
                                 "within the specified duration"));
  EXPECT_THAT(Events(), Contains("Server DELETE_COMPLETE"));
  EXPECT_FALSE(Resource("Server"));
}

TEST_F(SignalsTest, ACreationPolicyFailsOnAFailureSignal) {
  ExecResult result =
      DeployWhileSignalling(kInstance, "Server", [&] { Send("Server", "FAILURE", "i-9"); });
  EXPECT_FALSE(result.succeeded);
  EXPECT_THAT(result.message, HasSubstr("Received FAILURE signal with UniqueId i-9"));
}

TEST_F(SignalsTest, AnAutoScalingGroupToleratesFailuresBelowItsMinimumPercent) {
  const char* group = R"({"Resources": {
    "Group": {"Type": "AWS::AutoScaling::AutoScalingGroup",
              "Properties": {"MinSize": "1", "MaxSize": "4"},
              "CreationPolicy": {"ResourceSignal": {"Count": 4, "Timeout": "PT20S"},
                                 "AutoScalingCreationPolicy": {
                                   "MinSuccessfulInstancesPercent": 75}}}}})";
  ExecResult result = DeployWhileSignalling(group, "Group", [&] {
    Send("Group", "FAILURE", "i-1");
    Send("Group", "SUCCESS", "i-2");
    Send("Group", "SUCCESS", "i-3");
    Send("Group", "SUCCESS", "i-4");
  });
  EXPECT_TRUE(result.succeeded) << result.message;
}

TEST_F(SignalsTest, AutoSignalSendsTheExpectedSignalsAtOnce) {
  ExecResult result = Deploy(kInstance, /*auto_signal=*/true);
  EXPECT_TRUE(result.succeeded) << result.message;
  EXPECT_THAT(Events(), Contains("Server CREATE_IN_PROGRESS Received SUCCESS signal with UniqueId "
                                 "cfnx-auto-signal-2"));
  EXPECT_EQ(Resource("Server")->status, "CREATE_COMPLETE");
}

TEST_F(SignalsTest, SignalsNobodyWaitsForAreRefused) {
  EXPECT_THAT(SendSignal(*store_, "app", "Server", "SUCCESS", "", "", "").error().message,
              HasSubstr("Stack with id app does not exist"));
  ASSERT_TRUE(Deploy(kInstance, /*auto_signal=*/true).succeeded);
  EXPECT_THAT(SendSignal(*store_, "app", "Server", "SUCCESS", "", "", "").error().message,
              HasSubstr("is in CREATE_COMPLETE state and is not waiting for signals"));
  EXPECT_THAT(SendSignal(*store_, "app", "Nope", "SUCCESS", "", "", "").error().message,
              HasSubstr("Resource Nope does not exist in stack app"));
  EXPECT_THAT(SendSignal(*store_, "app", "Server", "MAYBE", "", "", "").error().message,
              HasSubstr("SUCCESS or FAILURE"));
}

TEST_F(SignalsTest, AMalformedCreationPolicyFailsTheResourceBeforeItIsCreated) {
  ExecResult result = Deploy(R"({"Resources": {
    "Server": {"Type": "AWS::EC2::Instance",
               "CreationPolicy": {"ResourceSignal": {"Timeout": "15 minutes"}}}}})");
  EXPECT_FALSE(result.succeeded);
  EXPECT_THAT(result.message, HasSubstr("must be an ISO 8601 duration"));
  EXPECT_EQ(store_->GetCloudByToken("op1-1"), std::nullopt);
}

TEST(SignalWaitTest, ReadsCreationPoliciesAndWaitConditions) {
  EXPECT_EQ(ParseIsoDuration("PT15M"), 900);
  EXPECT_EQ(ParseIsoDuration("PT1H30M5S"), 5405);
  EXPECT_EQ(ParseIsoDuration("P1DT1S"), 86401);
  EXPECT_EQ(ParseIsoDuration("PT"), std::nullopt);
  EXPECT_EQ(ParseIsoDuration("15M"), std::nullopt);
  EXPECT_EQ(ParseIsoDuration("PT5X"), std::nullopt);

  auto wait = SignalWaitFor("AWS::EC2::Instance", ExecJson::parse(R"({"ResourceSignal": {}})"),
                            ExecJson::object());
  ASSERT_TRUE(wait.ok() && wait->has_value());
  EXPECT_EQ((*wait)->count, 1);
  EXPECT_EQ((*wait)->timeout_seconds, 300);  // PT5M, CloudFormation's default

  // A creation policy on a type that does not support one is ignored, as CloudFormation does.
  wait = SignalWaitFor("AWS::SNS::Topic", ExecJson::parse(R"({"ResourceSignal": {"Count": 1}})"),
                       ExecJson::object());
  ASSERT_TRUE(wait.ok());
  EXPECT_FALSE(wait->has_value());

  wait = SignalWaitFor("AWS::AutoScaling::AutoScalingGroup", ExecJson::parse(R"({
    "ResourceSignal": {"Count": "3"},
    "AutoScalingCreationPolicy": {"MinSuccessfulInstancesPercent": 50}})"),
                       ExecJson::object());
  ASSERT_TRUE(wait.ok() && wait->has_value());
  EXPECT_EQ((*wait)->min_successes, 2);  // ceil(3 * 50%)

  wait = SignalWaitFor("AWS::CloudFormation::WaitCondition", nullptr,
                       ExecJson::parse(R"({"Timeout": "600"})"));
  EXPECT_FALSE(wait.ok());
  EXPECT_THAT(wait.error().message, HasSubstr("needs its Handle"));
  wait = SignalWaitFor("AWS::CloudFormation::WaitCondition", nullptr,
                       ExecJson::parse(R"({"Handle": "https://h", "Timeout": "50000"})"));
  EXPECT_FALSE(wait.ok());
}

}  // namespace
}  // namespace cfnx
