// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Nested stacks on the local backend: a child stack of its own, created, updated, rolled back
// and deleted with its parent; its outputs read through Fn::GetAtt Child.Outputs.X.

#include <filesystem>
#include <regex>
#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine/exec/executor.h"
#include "engine/plan/nested_stacks.h"
#include "functions/register.h"

namespace cfnx {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class Simulator : public ResourceSimulator, public SchemaFacts {
 public:
  TypeFacts Find(std::string_view type) const override {
    TypeFacts facts;
    facts.known = type.rfind("Test::", 0) == 0;
    return facts;
  }
  bool Supports(std::string_view type, std::string* reason) const override {
    if (type.rfind("Test::", 0) == 0)
      return true;
    *reason = "Unrecognized resource types: [" + std::string(type) + "]";
    return false;
  }
  SimResult Create(const SimRequest& r) const override {
    std::string id = r.stack_name + "-" + r.logical_id + "-" + r.token;
    return SimResult{id, {{"Arn", "arn:test:" + id}}};
  }
  ExecJson Update(const SimRequest&, const std::string&, const ExecJson& old) const override {
    return old;
  }
  std::string ReplacementPath(std::string_view, const ExecJson&, const ExecJson&) const override {
    return "";
  }
  bool DeleteThenCreate(std::string_view) const override { return false; }
};

// The child: a topic named from a parameter, its Ref as an output.
constexpr const char* kChildV1 = R"({
  "Parameters": {"Label": {"Type": "String"}},
  "Resources": {"Topic": {"Type": "Test::Res::Topic", "Properties": {"Label": {"Ref": "Label"}}}},
  "Outputs": {"TopicName": {"Value": {"Ref": "Topic"}}}
})";
constexpr const char* kChildV2 = R"({
  "Parameters": {"Label": {"Type": "String"}},
  "Resources": {"Topic": {"Type": "Test::Res::Topic",
                          "Properties": {"Label": {"Ref": "Label"}, "Version": "2"}}},
  "Outputs": {"TopicName": {"Value": {"Ref": "Topic"}}}
})";
// The parent: the nested stack, a resource reading its output, and outputs of both.
constexpr const char* kParent = R"({
  "Resources": {
    "Child": {"Type": "AWS::CloudFormation::Stack",
              "Properties": {"TemplateURL": "child.json", "Parameters": {"Label": "shop"}}},
    "Reader": {"Type": "Test::Res::Reader",
               "Properties": {"Topic": {"Fn::GetAtt": ["Child", "Outputs.TopicName"]}}}
  },
  "Outputs": {
    "ChildTopic": {"Value": {"Fn::GetAtt": ["Child", "Outputs.TopicName"]}},
    "ChildId": {"Value": {"Ref": "Child"}}
  }
})";

ExecJson Nested(const char* child) {
  return ExecJson{{"Child",
                   {{"TemplateURL", "child.json"},
                    {"File", "child.json"},
                    {"Template", ExecJson::parse(child)},
                    {"Nested", ExecJson::object()}}}};
}

class NestedStackTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("cfnx_nested_test_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    auto store = StateStore::Open((dir_ / "state.db").string());
    ASSERT_TRUE(store.ok()) << store.error().message;
    store_ = std::move(*store);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  DeployRequest Request(const char* parent, const char* child) {
    DeployRequest request;
    request.stack_name = "app";
    request.template_json = ExecJson::parse(parent);
    request.nested_templates = Nested(child);
    request.parallel = 1;
    return request;
  }
  ExecResult Deploy(const DeployRequest& request, const std::vector<std::string>& faults = {}) {
    FaultPlan plan;
    for (const std::string& f : faults)
      EXPECT_TRUE(plan.Add(f).ok());
    LocalProvider provider(*store_, simulator_, plan);
    Executor executor(*store_, provider, BuiltinFunctions(), simulator_);
    ErrorOr<ExecResult> result = executor.Deploy(request);
    EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
    return result.ok() ? *result : ExecResult{};
  }
  std::string Output(const std::string& stack, const std::string& key) {
    std::optional<StoredStack> s = store_->GetStack(stack);
    if (!s)
      return "";
    for (const ExecJson& o : s->outputs) {
      if (o["OutputKey"] == key)
        return o["OutputValue"].get<std::string>();
    }
    return "";
  }
  // The child stack's name, from the parent's resource.
  std::string ChildName() {
    for (const StoredResource& r : store_->GetResources("app")) {
      if (r.logical_id == "Child")
        return StackNameOfStackId(r.physical_id);
    }
    return "";
  }
  // Every simulated resource still in the account (not retained).
  size_t CloudResources() {
    size_t n = 0;
    for (const CloudResource& c : store_->ListCloud())
      n += !c.retained;
    return n;
  }
  std::vector<std::string> Events(const std::string& stack, int64_t op) {
    std::vector<std::string> out;
    for (const StoredEvent& e : store_->GetEvents(stack, op))
      out.push_back(e.logical_id + " " + e.status);
    return out;
  }
  StoredResource Resource(const std::string& stack, const std::string& logical_id) {
    for (const StoredResource& r : store_->GetResources(stack)) {
      if (r.logical_id == logical_id && r.role == "current")
        return r;
    }
    return {};
  }

  std::filesystem::path dir_;
  std::unique_ptr<StateStore> store_;
  Simulator simulator_;
};

TEST_F(NestedStackTest, CreatesAChildStackWhoseOutputsTheParentReads) {
  ExecResult r = Deploy(Request(kParent, kChildV1));
  ASSERT_TRUE(r.succeeded) << r.message;
  std::string child = ChildName();
  EXPECT_TRUE(std::regex_match(child, std::regex("app-Child-[A-Z0-9]{13}"))) << child;
  std::optional<StoredStack> stack = store_->GetStack(child);
  ASSERT_TRUE(stack.has_value());
  EXPECT_EQ(stack->status, "CREATE_COMPLETE");
  EXPECT_EQ(stack->parameters["Label"], "shop");
  StoredResource topic = Resource(child, "Topic");
  EXPECT_EQ(topic.properties["Label"], "shop");
  // GetAtt Child.Outputs.TopicName reaches a parent resource and a parent output; Ref Child is
  // the child's stack id.
  EXPECT_EQ(Output(child, "TopicName"), topic.physical_id);
  EXPECT_EQ(Output("app", "ChildTopic"), topic.physical_id);
  EXPECT_EQ(Resource("app", "Reader").properties["Topic"], topic.physical_id);
  EXPECT_EQ(Output("app", "ChildId"), stack->stack_id);
  EXPECT_EQ(ParentStackOf(*store_, child)->name, "app");
  EXPECT_FALSE(ParentStackOf(*store_, "app").has_value());
  EXPECT_EQ(NestedStackParents(*store_), (std::map<std::string, std::string>{{child, "app"}}));
  // The same templates again: nothing to do.
  EXPECT_TRUE(Deploy(Request(kParent, kChildV1)).no_changes);
}

TEST_F(NestedStackTest, AChildThatFailsRollsTheParentBack) {
  ExecResult r = Deploy(Request(kParent, kChildV1), {"Child/Topic:create"});
  EXPECT_FALSE(r.succeeded);
  EXPECT_EQ(r.status, "ROLLBACK_COMPLETE");
  EXPECT_THAT(r.message, HasSubstr("[Child]"));
  EXPECT_THAT(r.message, HasSubstr("Embedded stack arn:aws:cloudformation:"));
  EXPECT_THAT(r.message, HasSubstr("--fail Child/Topic:create"));
  EXPECT_THAT(
      Events("app", r.operation),
      ElementsAre("app CREATE_IN_PROGRESS", "Child CREATE_IN_PROGRESS", "Child CREATE_FAILED",
                  "app ROLLBACK_IN_PROGRESS", "app ROLLBACK_COMPLETE"));
  // The child deleted itself (nothing of it is left), and it is listed as deleted.
  bool child_deleted = false;
  for (const StoredStack& s : store_->ListStacks()) {
    if (s.name.rfind("app-Child-", 0) == 0) {
      EXPECT_EQ(s.status, "DELETE_COMPLETE");
      child_deleted = true;
    }
  }
  EXPECT_TRUE(child_deleted);
  EXPECT_EQ(CloudResources(), 0u);
}

TEST_F(NestedStackTest, FailingTheNestedStackResourceItselfCreatesNoChild) {
  ExecResult r = Deploy(Request(kParent, kChildV1), {"Child:create"});
  EXPECT_EQ(r.status, "ROLLBACK_COMPLETE");
  EXPECT_THAT(r.message, HasSubstr("--fail Child:create"));
  EXPECT_EQ(store_->ListStacks().size(), 1u);  // only the parent
  // And a nested stack that cannot be deleted leaves its parent DELETE_FAILED.
  {
    LocalProvider provider(*store_, simulator_);
    Executor executor(*store_, provider, BuiltinFunctions(), simulator_);
    ASSERT_TRUE(executor.Destroy("app", "test", 1).ok());  // ROLLBACK_COMPLETE: destroy first
  }
  ASSERT_TRUE(Deploy(Request(kParent, kChildV1)).succeeded);
  FaultPlan faults;
  ASSERT_TRUE(faults.Add("Child:delete").ok());
  LocalProvider provider(*store_, simulator_, faults);
  Executor executor(*store_, provider, BuiltinFunctions(), simulator_);
  ErrorOr<ExecResult> destroyed = executor.Destroy("app", "test", 1);
  ASSERT_TRUE(destroyed.ok()) << destroyed.error().message;
  EXPECT_EQ(destroyed->status, "DELETE_FAILED");
  EXPECT_EQ(store_->GetStack(ChildName())->status, "CREATE_COMPLETE");
}

TEST_F(NestedStackTest, AParentFailureAfterTheChildDeletesTheChild) {
  ExecResult r = Deploy(Request(kParent, kChildV1), {"Reader:create"});
  EXPECT_EQ(r.status, "ROLLBACK_COMPLETE");
  EXPECT_THAT(
      Events("app", r.operation),
      ElementsAre("app CREATE_IN_PROGRESS", "Child CREATE_IN_PROGRESS", "Child CREATE_COMPLETE",
                  "Reader CREATE_IN_PROGRESS", "Reader CREATE_FAILED", "app ROLLBACK_IN_PROGRESS",
                  "Child DELETE_IN_PROGRESS", "Child DELETE_COMPLETE", "app ROLLBACK_COMPLETE"));
  EXPECT_EQ(CloudResources(), 0u);
}

TEST_F(NestedStackTest, AChangedChildTemplateUpdatesTheChild) {
  ASSERT_TRUE(Deploy(Request(kParent, kChildV1)).succeeded);
  std::string child = ChildName();
  std::string topic = Resource(child, "Topic").physical_id;
  // Only the child's template changed: the parent still has something to do.
  ExecResult r = Deploy(Request(kParent, kChildV2));
  ASSERT_TRUE(r.succeeded) << r.message;
  EXPECT_FALSE(r.no_changes);
  EXPECT_EQ(r.status, "UPDATE_COMPLETE");
  EXPECT_EQ(ChildName(), child);
  EXPECT_EQ(store_->GetStack(child)->status, "UPDATE_COMPLETE");
  EXPECT_EQ(Resource(child, "Topic").properties["Version"], "2");
  EXPECT_EQ(Resource(child, "Topic").physical_id, topic);
  EXPECT_TRUE(Deploy(Request(kParent, kChildV2)).no_changes);
}

TEST_F(NestedStackTest, WhatReadsAChangedOutputIsUpdated) {
  ASSERT_TRUE(Deploy(Request(kParent, kChildV1)).succeeded);
  std::string topic = Resource(ChildName(), "Topic").physical_id;
  // Only the child's output changes: the parent's Reader and output follow it.
  ExecResult r = Deploy(Request(kParent, R"({
    "Parameters": {"Label": {"Type": "String"}},
    "Resources": {"Topic": {"Type": "Test::Res::Topic", "Properties": {"Label": {"Ref": "Label"}}}},
    "Outputs": {"TopicName": {"Value": {"Fn::Sub": "${Topic}-v3"}}}})"));
  ASSERT_TRUE(r.succeeded) << r.message;
  EXPECT_EQ(Resource("app", "Reader").properties["Topic"], topic + "-v3");
  EXPECT_EQ(Output("app", "ChildTopic"), topic + "-v3");
}

TEST_F(NestedStackTest, AFailedUpdateRestoresTheChildsTemplate) {
  ASSERT_TRUE(Deploy(Request(kParent, kChildV1)).succeeded);
  std::string child = ChildName();
  ExecJson v1 = store_->GetStack(child)->template_json;
  // The parent's Reader changes too and fails after the child was updated.
  std::string parent = kParent;
  parent.replace(parent.find("\"Topic\": {\"Fn::GetAtt\""), 0, "\"Extra\": \"x\", ");
  ExecResult r = Deploy(Request(parent.c_str(), kChildV2), {"Reader:update"});
  EXPECT_FALSE(r.succeeded);
  EXPECT_EQ(r.status, "UPDATE_ROLLBACK_COMPLETE");
  EXPECT_THAT(
      Events("app", r.operation),
      ElementsAre("app UPDATE_IN_PROGRESS", "Child UPDATE_IN_PROGRESS", "Child UPDATE_COMPLETE",
                  "Reader UPDATE_IN_PROGRESS", "Reader UPDATE_FAILED",
                  "app UPDATE_ROLLBACK_IN_PROGRESS", "Child UPDATE_IN_PROGRESS",
                  "Child UPDATE_COMPLETE", "app UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS",
                  "app UPDATE_ROLLBACK_COMPLETE"));
  EXPECT_EQ(store_->GetStack(child)->template_json, v1);
  EXPECT_FALSE(Resource(child, "Topic").properties.contains("Version"));
}

TEST_F(NestedStackTest, AChildUpdateThatFailsRollsBothBack) {
  ASSERT_TRUE(Deploy(Request(kParent, kChildV1)).succeeded);
  std::string child = ChildName();
  ExecResult r = Deploy(Request(kParent, kChildV2), {"Child/Topic:update"});
  EXPECT_EQ(r.status, "UPDATE_ROLLBACK_COMPLETE");
  EXPECT_EQ(store_->GetStack(child)->status, "UPDATE_ROLLBACK_COMPLETE");
  EXPECT_FALSE(Resource(child, "Topic").properties.contains("Version"));
}

TEST_F(NestedStackTest, RemovingTheNestedStackDeletesTheChild) {
  ASSERT_TRUE(Deploy(Request(kParent, kChildV1)).succeeded);
  std::string child = ChildName();
  DeployRequest without;
  without.stack_name = "app";
  without.template_json = ExecJson::parse(R"({"Resources": {"Other": {"Type": "Test::Res::X"}}})");
  without.parallel = 1;
  ExecResult r = Deploy(without);
  ASSERT_TRUE(r.succeeded) << r.message;
  EXPECT_EQ(store_->GetStack(child)->status, "DELETE_COMPLETE");
  EXPECT_EQ(CloudResources(), 1u);  // Other
}

TEST_F(NestedStackTest, DestroyingTheParentDeletesTheChild) {
  ASSERT_TRUE(Deploy(Request(kParent, kChildV1)).succeeded);
  std::string child = ChildName();
  LocalProvider provider(*store_, simulator_);
  Executor executor(*store_, provider, BuiltinFunctions(), simulator_);
  ErrorOr<ExecResult> r = executor.Destroy("app", "test", 1);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->status, "DELETE_COMPLETE");
  EXPECT_EQ(store_->GetStack(child)->status, "DELETE_COMPLETE");
  EXPECT_EQ(CloudResources(), 0u);
}

TEST_F(NestedStackTest, FaultsAddressResourcesOfGrandchildren) {
  DeployRequest request = Request(kParent, R"({
    "Parameters": {"Label": {"Type": "String"}},
    "Resources": {"Grand": {"Type": "AWS::CloudFormation::Stack",
                            "Properties": {"TemplateURL": "grand.json"}}},
    "Outputs": {"TopicName": {"Value": {"Fn::GetAtt": ["Grand", "Outputs.Name"]}}}})");
  request.nested_templates["Child"]["Nested"] =
      ExecJson{{"Grand",
                {{"TemplateURL", "grand.json"},
                 {"Template",
                  {{"Resources", {{"Topic", {{"Type", "Test::Res::Topic"}}}}},
                   {"Outputs", {{"Name", {{"Value", {{"Ref", "Topic"}}}}}}}}},
                 {"Nested", ExecJson::object()}}}};
  // A plain "Topic" names no resource here: only the path from the root does.
  ExecResult ok = Deploy(request, {"Topic:create"});
  ASSERT_TRUE(ok.succeeded) << ok.message;
  std::string grand = StackNameOfStackId(Resource(ChildName(), "Grand").physical_id);
  EXPECT_EQ(Output("app", "ChildTopic"), Resource(grand, "Topic").physical_id);
  LocalProvider provider(*store_, simulator_);
  Executor executor(*store_, provider, BuiltinFunctions(), simulator_);
  ASSERT_TRUE(executor.Destroy("app", "test", 1).ok());
  EXPECT_EQ(CloudResources(), 0u);
  ExecResult failed = Deploy(request, {"Child/Grand/Topic:create"});
  EXPECT_EQ(failed.status, "ROLLBACK_COMPLETE");
  EXPECT_THAT(failed.message, HasSubstr("--fail Child/Grand/Topic:create"));
  EXPECT_EQ(CloudResources(), 0u);
}

TEST_F(NestedStackTest, PlansTheChildAsANestedChangeSet) {
  LocalProvider provider(*store_, simulator_);
  Executor executor(*store_, provider, BuiltinFunctions(), simulator_);
  ErrorOr<Plan> plan = executor.PlanDeploy(Request(kParent, kChildV1));
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  EXPECT_TRUE(plan->change_set.include_nested_stacks);
  EXPECT_EQ(plan->change_set.change_set_id, "cfnx-plan");
  ASSERT_EQ(plan->nested.size(), 1u);
  const NestedPlan& child = plan->nested[0];
  EXPECT_EQ(child.logical_id, "Child");
  EXPECT_EQ(child.plan.change_set.change_set_id, "cfnx-plan/Child");
  EXPECT_EQ(child.plan.change_set.parent_change_set_id, "cfnx-plan");
  ASSERT_EQ(child.plan.change_set.changes.size(), 1u);
  EXPECT_EQ(child.plan.change_set.changes[0].resource_change.logical_id, "Topic");
  EXPECT_EQ(child.plan.change_set.changes[0].resource_change.action, ChangeAction::kAdd);
  EXPECT_EQ(plan->change_set.changes[0].resource_change.change_set_id, "cfnx-plan/Child");
  // After the deploy, a changed child template is a Modify in the nested change set.
  ASSERT_TRUE(Deploy(Request(kParent, kChildV1)).succeeded);
  ErrorOr<Plan> update = executor.PlanDeploy(Request(kParent, kChildV2));
  ASSERT_TRUE(update.ok()) << update.error().message;
  ASSERT_EQ(update->nested.size(), 1u);
  EXPECT_EQ(update->nested[0].stack_name, ChildName());
  ASSERT_EQ(update->nested[0].plan.change_set.changes.size(), 1u);
  EXPECT_EQ(update->nested[0].plan.change_set.changes[0].resource_change.action,
            ChangeAction::kModify);
  // The JSON form reads back.
  ErrorOr<Plan> back = PlanFromJson(PlanToJson(*update));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(PlanToJson(*back), PlanToJson(*update));
}

}  // namespace
}  // namespace cfnx
