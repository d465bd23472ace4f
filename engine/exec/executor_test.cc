// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Deploy / update / rollback / destroy scenarios on the local backend with a scripted
// simulator: final states and the exact event sequences CloudFormation would show.

#include "engine/exec/executor.h"

#include <filesystem>
#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace cfnx {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// "Name" and "Key" are create-only; types ending in "Dtc" are replaced delete-then-create.
class TestSimulator : public ResourceSimulator {
 public:
  bool Supports(std::string_view type, std::string* reason) const override {
    if (type.rfind("Test::", 0) == 0)
      return true;
    *reason = "Unrecognized resource types: [" + std::string(type) + "]";
    return false;
  }
  SimResult Create(const SimRequest& r) const override {
    std::string id = r.properties.contains("Name")
                         ? r.properties["Name"].get<std::string>()
                         : r.stack_name + "-" + r.logical_id + "-" + r.token;
    return SimResult{id, {{"Arn", "arn:test:" + id}}};
  }
  ExecJson Update(const SimRequest&, const std::string&, const ExecJson& old) const override {
    return old;
  }
  std::string ReplacementPath(std::string_view, const ExecJson& before,
                              const ExecJson& after) const override {
    for (const char* key : {"Name", "Key"}) {
      if (before.value(key, ExecJson()) != after.value(key, ExecJson()))
        return std::string("/properties/") + key;
    }
    return "";
  }
  bool DeleteThenCreate(std::string_view type) const override {
    return type.size() > 3 && type.substr(type.size() - 3) == "Dtc";
  }
};

class ExecutorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("cfnx_exec_test_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    auto store = StateStore::Open((dir_ / "state.db").string());
    ASSERT_TRUE(store.ok()) << store.error().message;
    store_ = std::move(*store);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  ExecResult Deploy(const std::string& stack, const std::string& template_text,
                    std::vector<std::string> faults = {}, std::string on_failure = "ROLLBACK") {
    FaultPlan plan;
    for (const std::string& f : faults)
      EXPECT_TRUE(plan.Add(f).ok());
    LocalProvider provider(*store_, simulator_, plan);
    Executor executor(*store_, provider);
    DeployRequest request;
    request.stack_name = stack;
    request.template_json = ExecJson::parse(template_text);
    request.on_failure = on_failure;
    request.parallel = 1;
    ErrorOr<ExecResult> result = executor.Deploy(request);
    EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
    return result.ok() ? *result : ExecResult{};
  }
  ErrorOr<ExecResult> Destroy(const std::string& stack, std::vector<std::string> faults = {}) {
    FaultPlan plan;
    for (const std::string& f : faults)
      EXPECT_TRUE(plan.Add(f).ok());
    LocalProvider provider(*store_, simulator_, plan);
    Executor executor(*store_, provider);
    return executor.Destroy(stack, "test", 1);
  }
  // "LogicalId STATUS" for each event of operation `op`.
  std::vector<std::string> Events(const std::string& stack, int64_t op) {
    std::vector<std::string> out;
    for (const StoredEvent& e : store_->GetEvents(stack, op))
      out.push_back(e.logical_id + " " + e.status);
    return out;
  }
  std::map<std::string, StoredResource> Resources(const std::string& stack) {
    std::map<std::string, StoredResource> out;
    for (const StoredResource& r : store_->GetResources(stack))
      out[r.logical_id + (r.role == "current" ? "" : "/" + r.role)] = r;
    return out;
  }
  // Every resource the stacks own exists in the simulated cloud and vice versa.
  void ExpectAccountedFor() {
    std::set<std::string> owned;
    for (const StoredStack& s : store_->ListStacks()) {
      for (const StoredResource& r : store_->GetResources(s.name)) {
        EXPECT_TRUE(owned.insert(r.type + " " + r.physical_id).second) << r.physical_id;
        EXPECT_TRUE(store_->GetCloud(r.type, r.physical_id).has_value()) << r.physical_id;
      }
    }
    for (const CloudResource& c : store_->ListCloud()) {
      if (!c.retained) {
        EXPECT_TRUE(owned.count(c.type + " " + c.physical_id)) << "orphan " << c.physical_id;
      }
    }
  }

  std::filesystem::path dir_;
  std::unique_ptr<StateStore> store_;
  TestSimulator simulator_;
};

constexpr const char* kV1 = R"({
  "Parameters": {"Env": {"Type": "String", "Default": "dev"}},
  "Resources": {
    "A": {"Type": "Test::Res::Thing", "Properties": {"Tag": {"Ref": "Env"}}},
    "B": {"Type": "Test::Res::Thing", "Properties": {"Source": {"Fn::GetAtt": ["A", "Arn"]}}},
    "C": {"Type": "Test::Res::Thing", "Properties": {"Of": {"Fn::Sub": "${B}/x"}}}
  },
  "Outputs": {"CArn": {"Value": {"Fn::GetAtt": ["C", "Arn"]}}}
})";

TEST_F(ExecutorTest, CreatesInDependencyOrderResolvingReferences) {
  ExecResult r = Deploy("s", kV1);
  EXPECT_TRUE(r.succeeded);
  EXPECT_EQ(r.status, "CREATE_COMPLETE");
  EXPECT_THAT(Events("s", r.operation),
              ElementsAre("s CREATE_IN_PROGRESS", "A CREATE_IN_PROGRESS", "A CREATE_COMPLETE",
                          "B CREATE_IN_PROGRESS", "B CREATE_COMPLETE", "C CREATE_IN_PROGRESS",
                          "C CREATE_COMPLETE", "s CREATE_COMPLETE"));
  auto res = Resources("s");
  EXPECT_EQ(res["A"].properties["Tag"], "dev");
  EXPECT_EQ(res["B"].properties["Source"], "arn:test:" + res["A"].physical_id);
  EXPECT_EQ(res["C"].properties["Of"], res["B"].physical_id + "/x");
  EXPECT_EQ(store_->GetStack("s")->outputs[0]["OutputValue"], "arn:test:" + res["C"].physical_id);
  ExpectAccountedFor();
  // The same template again changes nothing.
  EXPECT_TRUE(Deploy("s", kV1).no_changes);
}

TEST_F(ExecutorTest, UpdateInPlaceReplacementAndRemovalThroughCleanup) {
  Deploy("s", kV1);
  auto before = Resources("s");
  // A is replaced (Name is create-only), B follows A's new Arn in place, C is removed, D added.
  ExecResult r = Deploy("s", R"({"Resources": {
    "A": {"Type": "Test::Res::Thing", "Properties": {"Tag": "dev", "Name": "a-named"}},
    "B": {"Type": "Test::Res::Thing", "Properties": {"Source": {"Fn::GetAtt": ["A", "Arn"]}}},
    "D": {"Type": "Test::Res::Thing", "Properties": {}}}})");
  EXPECT_TRUE(r.succeeded);
  EXPECT_EQ(r.status, "UPDATE_COMPLETE");
  EXPECT_THAT(Events("s", r.operation),
              ElementsAre("s UPDATE_IN_PROGRESS", "A UPDATE_IN_PROGRESS", "A UPDATE_COMPLETE",
                          "D CREATE_IN_PROGRESS", "D CREATE_COMPLETE", "B UPDATE_IN_PROGRESS",
                          "B UPDATE_COMPLETE", "s UPDATE_COMPLETE_CLEANUP_IN_PROGRESS",
                          "C DELETE_IN_PROGRESS", "C DELETE_COMPLETE", "A DELETE_IN_PROGRESS",
                          "A DELETE_COMPLETE", "s UPDATE_COMPLETE"));
  auto after = Resources("s");
  EXPECT_EQ(after.size(), 3u);
  EXPECT_EQ(after["A"].physical_id, "a-named");
  EXPECT_EQ(after["B"].physical_id, before["B"].physical_id);
  EXPECT_EQ(after["B"].properties["Source"], "arn:test:a-named");
  EXPECT_FALSE(store_->GetCloud("Test::Res::Thing", before["A"].physical_id).has_value());
  ExpectAccountedFor();
}

TEST_F(ExecutorTest, CreateFailureRollsBackInReverseOrder) {
  ExecResult r = Deploy("s", kV1, {"C:create"});
  EXPECT_FALSE(r.succeeded);
  EXPECT_EQ(r.status, "ROLLBACK_COMPLETE");
  EXPECT_THAT(r.message, HasSubstr("[C]"));
  EXPECT_THAT(Events("s", r.operation),
              ElementsAre("s CREATE_IN_PROGRESS", "A CREATE_IN_PROGRESS", "A CREATE_COMPLETE",
                          "B CREATE_IN_PROGRESS", "B CREATE_COMPLETE", "C CREATE_IN_PROGRESS",
                          "C CREATE_FAILED", "s ROLLBACK_IN_PROGRESS", "B DELETE_IN_PROGRESS",
                          "B DELETE_COMPLETE", "A DELETE_IN_PROGRESS", "A DELETE_COMPLETE",
                          "s ROLLBACK_COMPLETE"));
  EXPECT_TRUE(store_->GetResources("s").empty());
  EXPECT_TRUE(store_->ListCloud().empty());
  // A stack in ROLLBACK_COMPLETE must be destroyed before it can be deployed again.
  FaultPlan none;
  LocalProvider provider(*store_, simulator_, none);
  Executor executor(*store_, provider);
  DeployRequest again;
  again.stack_name = "s";
  again.template_json = ExecJson::parse(kV1);
  ErrorOr<ExecResult> refused = executor.Deploy(again);
  ASSERT_FALSE(refused.ok());
  EXPECT_THAT(refused.error().message, HasSubstr("ROLLBACK_COMPLETE"));
  ASSERT_TRUE(Destroy("s").ok());
  EXPECT_TRUE(Deploy("s", kV1).succeeded);
}

TEST_F(ExecutorTest, OnFailureDeleteAndDoNothing) {
  ExecResult deleted = Deploy("s", kV1, {"B:create"}, "DELETE");
  EXPECT_EQ(deleted.status, "DELETE_COMPLETE");
  EXPECT_TRUE(store_->ListCloud().empty());
  ExecResult kept = Deploy("t", kV1, {"B:create"}, "DO_NOTHING");
  EXPECT_EQ(kept.status, "CREATE_FAILED");
  EXPECT_EQ(Resources("t").size(), 1u);  // A stays
  // `cfnx rollback` then rolls it back.
  FaultPlan none;
  LocalProvider provider(*store_, simulator_, none);
  Executor executor(*store_, provider);
  ErrorOr<ExecResult> rolled = executor.Rollback("t");
  ASSERT_TRUE(rolled.ok()) << rolled.error().message;
  EXPECT_EQ(rolled->status, "ROLLBACK_COMPLETE");
  EXPECT_TRUE(store_->ListCloud().empty());
}

TEST_F(ExecutorTest, UpdateFailureRestoresEverythingItTouched) {
  Deploy("s", kV1);
  auto before = Resources("s");
  // A replaced and B updated succeed, then C's update fails.
  ExecResult r = Deploy("s", R"({"Resources": {
    "A": {"Type": "Test::Res::Thing", "Properties": {"Tag": "dev", "Name": "a-new"}},
    "B": {"Type": "Test::Res::Thing", "Properties": {"Source": {"Fn::GetAtt": ["A", "Arn"]}}},
    "C": {"Type": "Test::Res::Thing", "Properties": {"Of": {"Fn::Sub": "${B}/changed"}}},
    "E": {"Type": "Test::Res::Thing", "Properties": {}}}})",
                        {"C:update"});
  EXPECT_FALSE(r.succeeded);
  EXPECT_EQ(r.status, "UPDATE_ROLLBACK_COMPLETE");
  EXPECT_THAT(Events("s", r.operation),
              ElementsAre("s UPDATE_IN_PROGRESS", "A UPDATE_IN_PROGRESS", "A UPDATE_COMPLETE",
                          "E CREATE_IN_PROGRESS", "E CREATE_COMPLETE", "B UPDATE_IN_PROGRESS",
                          "B UPDATE_COMPLETE", "C UPDATE_IN_PROGRESS", "C UPDATE_FAILED",
                          "s UPDATE_ROLLBACK_IN_PROGRESS", "B UPDATE_IN_PROGRESS",
                          "B UPDATE_COMPLETE", "A UPDATE_IN_PROGRESS", "A UPDATE_COMPLETE",
                          "s UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS", "E DELETE_IN_PROGRESS",
                          "E DELETE_COMPLETE", "A DELETE_IN_PROGRESS", "A DELETE_COMPLETE",
                          "s UPDATE_ROLLBACK_COMPLETE"));
  auto after = Resources("s");
  ASSERT_EQ(after.size(), before.size());
  for (const auto& [id, res] : before) {
    EXPECT_EQ(after[id].physical_id, res.physical_id) << id;
    EXPECT_EQ(after[id].properties, res.properties) << id;
  }
  EXPECT_FALSE(store_->GetCloud("Test::Res::Thing", "a-new").has_value());
  ExpectAccountedFor();
  // The stack can be updated again afterwards.
  EXPECT_TRUE(Deploy("s", R"({"Resources": {"A": {"Type": "Test::Res::Thing"}}})").succeeded);
  ExpectAccountedFor();
}

TEST_F(ExecutorTest, DeleteThenCreateReplacementAndItsRollback) {
  Deploy("s", R"({"Resources": {"T": {"Type": "Test::Res::Dtc", "Properties": {"Key": 1}},
                                 "U": {"Type": "Test::Res::Thing"}}})");
  std::string old_id = Resources("s")["T"].physical_id;
  ExecResult r = Deploy("s", R"({"Resources": {
      "T": {"Type": "Test::Res::Dtc", "Properties": {"Key": 2}},
      "U": {"Type": "Test::Res::Thing", "DependsOn": "T", "Properties": {"X": 1}}}})",
                        {"U:update"});
  EXPECT_EQ(r.status, "UPDATE_ROLLBACK_COMPLETE");
  auto after = Resources("s");
  EXPECT_EQ(after["T"].properties["Key"], 1);
  EXPECT_NE(after["T"].physical_id, old_id);  // recreated: a new physical resource
  EXPECT_EQ(after.size(), 2u);
  ExpectAccountedFor();
}

TEST_F(ExecutorTest, DeletionPoliciesOnDestroyAndCleanup) {
  Deploy("s", R"({"Resources": {
      "Keep": {"Type": "Test::Res::Thing", "DeletionPolicy": "Retain"},
      "Old": {"Type": "Test::Res::Thing", "UpdateReplacePolicy": "Retain",
              "Properties": {"Name": "old-1"}},
      "Gone": {"Type": "Test::Res::Thing"}}})");
  ExecResult r = Deploy("s", R"({"Resources": {
      "Keep": {"Type": "Test::Res::Thing", "DeletionPolicy": "Retain"},
      "Old": {"Type": "Test::Res::Thing", "UpdateReplacePolicy": "Retain",
              "Properties": {"Name": "old-2"}}}})");
  EXPECT_EQ(r.status, "UPDATE_COMPLETE");
  std::optional<CloudResource> retained = store_->GetCloud("Test::Res::Thing", "old-1");
  ASSERT_TRUE(retained.has_value());
  EXPECT_TRUE(retained->retained);
  ErrorOr<ExecResult> d = Destroy("s");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->status, "DELETE_COMPLETE");
  EXPECT_THAT(Events("s", d->operation), ::testing::Contains("Keep DELETE_SKIPPED"));
  int retained_count = 0;
  for (const CloudResource& c : store_->ListCloud())
    retained_count += c.retained ? 1 : 0;
  EXPECT_EQ(retained_count, 2);
  EXPECT_EQ(store_->ListCloud().size(), 2u);
}

TEST_F(ExecutorTest, DeleteFailureLeavesTheStackInDeleteFailed) {
  Deploy("s", kV1);
  ErrorOr<ExecResult> d = Destroy("s", {"B:delete"});
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->status, "DELETE_FAILED");
  EXPECT_TRUE(Resources("s").count("A"));  // A depends on nothing but B failed before it
  ExpectAccountedFor();
  ErrorOr<ExecResult> again = Destroy("s");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->status, "DELETE_COMPLETE");
  EXPECT_TRUE(store_->ListCloud().empty());
}

TEST_F(ExecutorTest, CrossStackExports) {
  ExecResult producer = Deploy("net", R"({"Resources": {"V": {"Type": "Test::Res::Thing"}},
      "Outputs": {"Id": {"Value": {"Ref": "V"}, "Export": {"Name": "net-V"}}}})");
  ASSERT_TRUE(producer.succeeded);
  std::string v = Resources("net")["V"].physical_id;
  ExecResult consumer = Deploy("app", R"({"Resources": {"W": {"Type": "Test::Res::Thing",
      "Properties": {"Net": {"Fn::ImportValue": "net-V"}}}}})");
  ASSERT_TRUE(consumer.succeeded);
  EXPECT_EQ(Resources("app")["W"].properties["Net"], v);
  EXPECT_THAT(store_->GetImporters("net-V"), ElementsAre("app"));
  // An imported export cannot change: the producer's update rolls back.
  ExecResult change = Deploy("net", R"({"Resources": {"V": {"Type": "Test::Res::Thing"}},
      "Outputs": {"Id": {"Value": "other", "Export": {"Name": "net-V"}}}})");
  EXPECT_EQ(change.status, "UPDATE_ROLLBACK_COMPLETE");
  EXPECT_THAT(change.message, HasSubstr("Cannot update export net-V as it is in use by app"));
  // Nor can its stack be deleted.
  ErrorOr<ExecResult> d = Destroy("net");
  ASSERT_FALSE(d.ok());
  EXPECT_THAT(d.error().message, HasSubstr("in use by app"));
  // Another stack cannot export the same name.
  ExecResult dup = Deploy("dup", R"({"Resources": {"X": {"Type": "Test::Res::Thing"}},
      "Outputs": {"Id": {"Value": "x", "Export": {"Name": "net-V"}}}})");
  EXPECT_EQ(dup.status, "ROLLBACK_COMPLETE");
  EXPECT_THAT(dup.message, HasSubstr("already exported by stack net"));
  // Once the importer is gone the producer can go.
  ASSERT_TRUE(Destroy("app").ok());
  ErrorOr<ExecResult> d2 = Destroy("net");
  ASSERT_TRUE(d2.ok());
  EXPECT_EQ(d2->status, "DELETE_COMPLETE");
  // A missing export fails the resource that imports it.
  ExecResult missing = Deploy("m", R"({"Resources": {"W": {"Type": "Test::Res::Thing",
      "Properties": {"Net": {"Fn::ImportValue": "nope"}}}}})");
  EXPECT_EQ(missing.status, "ROLLBACK_COMPLETE");
  EXPECT_THAT(missing.message, HasSubstr("No export named nope"));
}

TEST_F(ExecutorTest, PreflightErrorsChangeNothing) {
  FaultPlan none;
  LocalProvider provider(*store_, simulator_, none);
  Executor executor(*store_, provider);
  DeployRequest request;
  request.stack_name = "s";
  request.template_json = ExecJson::parse(R"({"Resources": {"X": {"Type": "AWS::Nope::Nope"}}})");
  ErrorOr<ExecResult> r = executor.Deploy(request);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.error().message, HasSubstr("Unrecognized resource types"));
  request.template_json = ExecJson::parse(R"({"Parameters": {"P": {"Type": "String"}},
      "Resources": {"X": {"Type": "Test::Res::Thing"}}})");
  r = executor.Deploy(request);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.error().message, HasSubstr("[P] must have values"));
  request.template_json = ExecJson::parse(R"({"Resources": {
      "X": {"Type": "Test::Res::Thing", "DependsOn": "Y"},
      "Y": {"Type": "Test::Res::Thing", "Properties": {"A": {"Ref": "X"}}}}})");
  r = executor.Deploy(request);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.error().message, HasSubstr("Circular dependency"));
  EXPECT_FALSE(store_->GetStack("s").has_value());
}

TEST_F(ExecutorTest, ConditionsExcludeResources) {
  ExecResult r = Deploy("s", R"({
      "Parameters": {"Env": {"Type": "String", "Default": "dev"}},
      "Conditions": {"Prod": {"Fn::Equals": [{"Ref": "Env"}, "prod"]}},
      "Resources": {
        "Always": {"Type": "Test::Res::Thing",
                   "Properties": {"Size": {"Fn::If": ["Prod", 10, 1]},
                                  "Extra": {"Fn::If": ["Prod", "x", {"Ref": "AWS::NoValue"}]}}},
        "OnlyProd": {"Type": "Test::Res::Thing", "Condition": "Prod"}}})");
  EXPECT_TRUE(r.succeeded);
  auto res = Resources("s");
  EXPECT_EQ(res.size(), 1u);
  EXPECT_EQ(res["Always"].properties, ExecJson::parse(R"({"Size": 1})"));
}

TEST_F(ExecutorTest, ParallelWavesGiveTheSameResult) {
  std::string t = R"({"Resources": {)";
  for (int i = 0; i < 40; ++i) {
    t += (i ? "," : "") + std::string("\"R") + std::to_string(i) +
         "\": {\"Type\": \"Test::Res::Thing\", \"Properties\": {\"Up\": " +
         (i >= 10 ? "{\"Ref\": \"R" + std::to_string(i % 10) + "\"}" : std::string("0")) + "}}";
  }
  t += "}}";
  FaultPlan none;
  LocalProvider provider(*store_, simulator_, none);
  Executor executor(*store_, provider);
  DeployRequest request;
  request.stack_name = "p";
  request.template_json = ExecJson::parse(t);
  request.parallel = 8;
  ErrorOr<ExecResult> r = executor.Deploy(request);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->succeeded);
  auto res = Resources("p");
  EXPECT_EQ(res.size(), 40u);
  EXPECT_EQ(res["R17"].properties["Up"], res["R7"].physical_id);
  ExpectAccountedFor();
}

}  // namespace
}  // namespace cfnx
