// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The local backend through the DeployBackend interface (cfnx/backend.h): what a deployment
// left in the state store reads back as a StackState (the planner's input), and the interface's
// provider calls, locks and state writes act on the same store.

#include "engine/api/local_backend.h"

#include <filesystem>
#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace cfnx {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class LocalBackendTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("cfnx_local_backend_test_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    LocalBackendOptions options;
    options.state_path = (dir_ / "state.db").string();
    auto backend = LocalBackend::Open(options);
    ASSERT_TRUE(backend.ok()) << backend.error().message;
    backend_ = std::move(*backend);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path dir_;
  std::unique_ptr<LocalBackend> backend_;
};

TEST_F(LocalBackendTest, ADeployedStackReadsBackAsStackState) {
  Executor executor = backend_->MakeExecutor(nullptr);
  DeployRequest request;
  request.stack_name = "net";
  request.template_json = StoreJson::parse(R"({
    "Parameters": {"Env": {"Type": "String", "Default": "dev"}},
    "Resources": {"Topic": {"Type": "AWS::SNS::Topic"},
                  "Queue": {"Type": "AWS::SQS::Queue", "Properties": {"DelaySeconds": 5}}},
    "Outputs": {"TopicArn": {"Value": {"Ref": "Topic"}, "Export": {"Name": "net-topic"}}}})");
  ErrorOr<ExecResult> deployed = executor.Deploy(request);
  ASSERT_TRUE(deployed.ok()) << deployed.error().message;
  ASSERT_TRUE(deployed->succeeded);

  DeployBackend& backend = *backend_;
  EXPECT_EQ(backend.name(), "local");
  ErrorOr<StackState> state = backend.DescribeStack("net");
  ASSERT_TRUE(state.ok());
  EXPECT_TRUE(state->exists());
  EXPECT_EQ(state->status, "CREATE_COMPLETE");
  EXPECT_EQ(state->template_body, request.template_json);
  ASSERT_NE(state->FindParameter("Env"), nullptr);
  EXPECT_EQ(state->FindParameter("Env")->value, "dev");
  ASSERT_NE(state->FindResource("Queue"), nullptr);
  EXPECT_EQ(state->FindResource("Queue")->properties["DelaySeconds"], 5);
  EXPECT_FALSE(state->FindResource("Queue")->attributes.empty());
  ASSERT_EQ(state->outputs.size(), 1u);
  EXPECT_EQ(state->outputs[0].export_name, "net-topic");
  ASSERT_NE(state->FindExport("net-topic"), nullptr);
  EXPECT_EQ(state->FindExport("net-topic")->value, state->FindResource("Topic")->physical_id);
  EXPECT_EQ(state->FindExport("net-topic")->exporting_stack_id, state->stack_id);

  ErrorOr<std::vector<std::string>> stacks = backend.ListStacks();
  ASSERT_TRUE(stacks.ok());
  EXPECT_THAT(*stacks, ElementsAre("net"));
  ErrorOr<std::vector<StackExport>> exports = backend.ListExports();
  ASSERT_TRUE(exports.ok());
  ASSERT_EQ(exports->size(), 1u);
  ErrorOr<std::vector<StackEvent>> events = backend.DescribeStackEvents("net");
  ASSERT_TRUE(events.ok());
  ASSERT_GE(events->size(), 6u);
  EXPECT_EQ(events->front().status, "CREATE_IN_PROGRESS");
  EXPECT_EQ(events->front().logical_id, "net");
  EXPECT_EQ(events->back().status, "CREATE_COMPLETE");
  EXPECT_EQ(events->back().stack_id, state->stack_id);
  EXPECT_FALSE(backend.DescribeStack("nope")->exists());
}

TEST_F(LocalBackendTest, ProviderCallsLocksAndWritesThroughTheInterface) {
  DeployBackend& backend = *backend_;
  ErrorOr<std::unique_ptr<StackLock>> lock = backend.LockStack("app", "test one", 5);
  ASSERT_TRUE(lock.ok()) << lock.error().message;
  ErrorOr<std::unique_ptr<StackLock>> second = backend.LockStack("app", "test two", 0);
  ASSERT_FALSE(second.ok());
  EXPECT_THAT(second.error().message, HasSubstr("test one"));

  ResourceRequest create;
  create.stack_name = "app";
  create.logical_id = "Queue";
  create.type = "AWS::SQS::Queue";
  create.properties = {{"QueueName", "app-queue"}};
  create.client_request_token = "token-1";
  ErrorOr<ResourceOutcome> created = backend.CreateResource(create);
  ASSERT_TRUE(created.ok());
  ASSERT_TRUE(created->succeeded) << created->status_reason;
  EXPECT_THAT(created->physical_id, HasSubstr("app-queue"));
  EXPECT_TRUE(created->attributes.contains("Arn"));

  StackState state;
  state.stack_name = "app";
  state.stack_id = "arn:aws:cloudformation:us-east-1:123456789012:stack/app/1";
  state.status = "CREATE_COMPLETE";
  state.template_body = {{"Resources", {{"Queue", {{"Type", "AWS::SQS::Queue"}}}}}};
  state.parameters = {{"Env", "prod", ""}};
  state.resources.push_back({"Queue", "AWS::SQS::Queue", created->physical_id, "CREATE_COMPLETE",
                             "", create.properties, created->attributes});
  state.outputs.push_back({"Url", created->physical_id, "", "app-url"});
  ASSERT_TRUE(backend.PutStack(state).ok());
  ErrorOr<StackState> read = backend.DescribeStack("app");
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->stack_id, state.stack_id);
  EXPECT_EQ(read->parameters[0].value, "prod");
  ASSERT_EQ(read->resources.size(), 1u);
  EXPECT_EQ(read->resources[0].physical_id, created->physical_id);
  EXPECT_EQ(read->FindExport("app-url")->value, created->physical_id);

  ResourceRequest update = create;
  update.physical_id = created->physical_id;
  update.properties = {{"QueueName", "app-queue"}, {"DelaySeconds", 3}};
  ErrorOr<ResourceOutcome> updated = backend.UpdateResource(update);
  ASSERT_TRUE(updated.ok());
  EXPECT_TRUE(updated->succeeded);
  StackResource row = read->resources[0];
  row.properties = update.properties;
  row.status = "UPDATE_COMPLETE";
  ASSERT_TRUE(backend.PutResource("app", row).ok());
  EXPECT_EQ(backend.DescribeStack("app")->resources[0].status, "UPDATE_COMPLETE");
  ASSERT_TRUE(backend
                  .RecordEvent({"", "app", state.stack_id, "Queue", row.physical_id,
                                "AWS::SQS::Queue", "", "UPDATE_COMPLETE", "", nullptr})
                  .ok());
  EXPECT_EQ(backend.DescribeStackEvents("app")->back().status, "UPDATE_COMPLETE");

  ErrorOr<ResourceOutcome> deleted = backend.DeleteResource(update);
  ASSERT_TRUE(deleted.ok());
  EXPECT_TRUE(deleted->succeeded);
  ASSERT_TRUE(backend.RemoveResource("app", "Queue").ok());
  EXPECT_TRUE(backend.DescribeStack("app")->resources.empty());
  ASSERT_TRUE(backend.DeleteStack("app").ok());
  EXPECT_FALSE(backend.DescribeStack("app")->exists());
  EXPECT_TRUE(backend.ListExports()->empty());
  lock->reset();
  EXPECT_TRUE(backend.LockStack("app", "test two", 0).ok());
}

}  // namespace
}  // namespace cfnx
