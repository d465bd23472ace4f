// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/backend/fake_backend.h"

#include <gtest/gtest.h>

namespace cfnx {
namespace {

ResourceRequest Request(std::string logical_id, std::string physical_id = "") {
  ResourceRequest r;
  r.stack_name = "app";
  r.logical_id = std::move(logical_id);
  r.type = "AWS::SQS::Queue";
  r.physical_id = std::move(physical_id);
  return r;
}

TEST(FakeBackendTest, ScriptedFailureFiresOnce) {
  FakeBackend backend;
  backend.Fail("Queue", ResourceOperation::kCreate, "Queue limit exceeded");
  ErrorOr<ResourceOutcome> first = backend.CreateResource(Request("Queue"));
  ASSERT_TRUE(first.ok());
  EXPECT_FALSE(first->succeeded);
  EXPECT_EQ(first->status_reason, "Queue limit exceeded");
  ErrorOr<ResourceOutcome> second = backend.CreateResource(Request("Queue"));
  ASSERT_TRUE(second.ok());
  EXPECT_TRUE(second->succeeded);
  EXPECT_EQ(second->physical_id, "app-Queue-1");
  EXPECT_EQ(second->attributes["Arn"], "arn:cfnx:fake:AWS::SQS::Queue:app-Queue-1");
  ASSERT_TRUE(backend.DeleteResource(Request("Queue", "app-Queue-1")).ok());
  EXPECT_EQ(backend.calls(),
            (std::vector<std::string>{"create Queue", "create Queue", "delete Queue app-Queue-1"}));
}

TEST(FakeBackendTest, StoresStacksResourcesAndExports) {
  FakeBackend backend;
  ErrorOr<StackState> missing = backend.DescribeStack("app");
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->exists());
  StackState state;
  state.stack_name = "app";
  state.stack_id = "id-app";
  state.status = "CREATE_COMPLETE";
  state.outputs.push_back({"Name", "q", "", "app-Name"});
  state.exports.push_back({"id-app", "app-Name", "q", {"web"}});
  backend.AddStack(state);
  ASSERT_TRUE(
      backend
          .PutResource(
              "app", StackResource{"Queue", "AWS::SQS::Queue", "q", "CREATE_COMPLETE", "", {}, {}})
          .ok());
  ErrorOr<StackState> got = backend.DescribeStack("app");
  ASSERT_TRUE(got.ok());
  ASSERT_EQ(got->resources.size(), 1u);
  ASSERT_EQ(got->exports.size(), 1u);
  EXPECT_EQ(got->exports[0].importing_stacks, std::vector<std::string>{"web"});
  ASSERT_TRUE(backend.RemoveResource("app", "Queue").ok());
  EXPECT_TRUE(backend.DescribeStack("app")->resources.empty());
  EXPECT_FALSE(backend.PutResource("nope", StackResource{}).ok());
}

TEST(FakeBackendTest, LockNamesHolderAndReleases) {
  FakeBackend backend;
  {
    auto lock = backend.LockStack("app", "test one", 0);
    ASSERT_TRUE(lock.ok());
    auto second = backend.LockStack("app", "test two", 0);
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(second.error().message, "stack 'app' is locked by test one");
  }
  EXPECT_TRUE(backend.LockStack("app", "test two", 0).ok());
}

TEST(FakeBackendTest, UnavailableBackendReturnsErrors) {
  FakeBackend backend;
  backend.set_unavailable(true);
  EXPECT_FALSE(backend.DescribeStack("app").ok());
  EXPECT_FALSE(backend.CreateResource(Request("Queue")).ok());
  EXPECT_FALSE(backend.RecordEvent(StackEvent{}).ok());
}

TEST(FakeBackendTest, EventsAreNumberedDeterministically) {
  FakeBackend backend;
  StackEvent e;
  e.stack_name = "app";
  e.status = "CREATE_IN_PROGRESS";
  ASSERT_TRUE(backend.RecordEvent(e).ok());
  ASSERT_TRUE(backend.RecordEvent(e).ok());
  auto events = backend.DescribeStackEvents("app");
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ((*events)[1].event_id, "event-2");
  EXPECT_EQ((*events)[1].timestamp, "2026-01-01T00:00:02.000Z");
  EXPECT_EQ(StackEventToJson((*events)[0])["ResourceStatus"], "CREATE_IN_PROGRESS");
}

}  // namespace
}  // namespace cfnx
