// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Deploy / update / rollback / destroy scenarios on the local backend with a scripted
// simulator: final states and the exact event sequences CloudFormation would show.

#include "engine/exec/executor.h"

#include <filesystem>
#include <set>
#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "functions/register.h"

#include <sqlite3.h>

namespace cfnx {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// "Name" and "Key" are create-only; types ending in "Dtc" are replaced delete-then-create.
// It is also the planner's source of those facts.
class TestSimulator : public ResourceSimulator, public SchemaFacts {
 public:
  TypeFacts Find(std::string_view type) const override {
    TypeFacts facts;
    facts.known = type.rfind("Test::", 0) == 0;
    facts.create_only = {"/properties/Name", "/properties/Key"};
    facts.replacement_strategy =
        DeleteThenCreate(type) ? "delete_then_create" : "create_then_delete";
    return facts;
  }
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
    Executor executor(*store_, provider, BuiltinFunctions(), simulator_);
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
    Executor executor(*store_, provider, BuiltinFunctions(), simulator_);
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
  Executor executor(*store_, provider, BuiltinFunctions(), simulator_);
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
  Executor executor(*store_, provider, BuiltinFunctions(), simulator_);
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
                          "s UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS", "A DELETE_IN_PROGRESS",
                          "A DELETE_COMPLETE", "E DELETE_IN_PROGRESS", "E DELETE_COMPLETE",
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
  EXPECT_EQ(d.error().message,
            "E9008 /Outputs/Id: Stack 'net' exports 'net-V', which stack(s) app import; it "
            "cannot be deleted until they stop.");
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
  Executor executor(*store_, provider, BuiltinFunctions(), simulator_);
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
  Executor executor(*store_, provider, BuiltinFunctions(), simulator_);
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

// The events a deployment makes according to `plan` (stack events "stack STATUS", resource
// events "LogicalId STATUS"), when the forward step of `failed` fails ("" = nothing fails):
// the waves in order (logical id order within a wave, as with --parallel 1), then on success
// the cleanup waves, on failure the rollback plan's compensations of the steps that completed
// and its cleanup. This is the reading of the printed plan that the executor must follow.
std::vector<std::string> PlannedEvents(const Plan& plan, const std::string& stack,
                                       const std::string& failed) {
  const RollbackPlan& rb = plan.rollback;
  const std::vector<std::string>& statuses =
      failed.empty() ? rb.success_statuses : rb.failure_statuses;
  std::vector<std::string> out = {stack + " " + statuses[0]};
  auto add = [&](const std::string& id, std::initializer_list<const char*> list) {
    for (const char* status : list)
      out.push_back(id + " " + status);
  };
  std::set<std::string> completed;
  bool failing = false;
  for (const PlanWave& wave : plan.order.waves) {
    for (const PlanStep& s : wave.steps) {
      bool fails = s.logical_id == failed;
      failing = failing || fails;
      switch (s.action) {
        case StepAction::kCreate:
          add(s.logical_id, {"CREATE_IN_PROGRESS", fails ? "CREATE_FAILED" : "CREATE_COMPLETE"});
          break;
        case StepAction::kUpdate:
          add(s.logical_id, {"UPDATE_IN_PROGRESS", fails ? "UPDATE_FAILED" : "UPDATE_COMPLETE"});
          break;
        case StepAction::kReplace:
          if (s.replacement_strategy == "delete_then_create")
            add(s.logical_id, {"UPDATE_IN_PROGRESS", "UPDATE_IN_PROGRESS"});
          add(s.logical_id, {"UPDATE_IN_PROGRESS", fails ? "UPDATE_FAILED" : "UPDATE_COMPLETE"});
          break;
        default:
          ADD_FAILURE() << "cleanup action in a forward wave: " << s.logical_id;
      }
      if (!fails)
        completed.insert(s.logical_id);
    }
    if (failing)
      break;
  }
  auto compensate = [&](const RollbackStep& s) {
    if (!completed.count(s.logical_id))
      return;
    switch (s.action) {
      case CompensationAction::kDelete:
      case CompensationAction::kDeleteReplacement:
        add(s.logical_id, {"DELETE_IN_PROGRESS", "DELETE_COMPLETE"});
        break;
      case CompensationAction::kRetain:
        add(s.logical_id, {"DELETE_SKIPPED"});
        break;
      case CompensationAction::kRestore:
        add(s.logical_id, {"UPDATE_IN_PROGRESS", "UPDATE_COMPLETE"});
        break;
      case CompensationAction::kRecreate:  // the new copy goes, the old one comes back
        add(s.logical_id,
            {"DELETE_IN_PROGRESS", "DELETE_COMPLETE", "UPDATE_IN_PROGRESS", "UPDATE_COMPLETE"});
        break;
      case CompensationAction::kNone:
        break;
    }
  };
  if (!failing) {
    if (statuses.size() == 3) {  // an update: cleanup, then complete
      out.push_back(stack + " " + statuses[1]);
      for (const PlanWave& wave : plan.order.cleanup_waves) {
        for (const PlanStep& s : wave.steps) {
          if (s.action == StepAction::kRetain)
            add(s.logical_id, {"DELETE_SKIPPED"});
          else
            add(s.logical_id, {"DELETE_IN_PROGRESS", "DELETE_COMPLETE"});
        }
      }
    }
    out.push_back(stack + " " + statuses.back());
    return out;
  }
  if (statuses.size() == 2) {  // DO_NOTHING: left as it is
    out.push_back(stack + " " + statuses[1]);
    return out;
  }
  out.push_back(stack + " " + statuses[1]);
  for (const RollbackWave& wave : rb.waves)
    for (const RollbackStep& s : wave.steps)
      compensate(s);
  if (statuses.size() == 4) {  // an update: the rollback's cleanup
    out.push_back(stack + " " + statuses[2]);
    for (const RollbackStep& s : rb.cleanup)
      compensate(s);
  }
  out.push_back(stack + " " + statuses.back());
  return out;
}

class PlannedExecutionTest : public ExecutorTest {
 protected:
  // Plans `template_text`, saves and reloads the plan as `cfnx plan -o` / `cfnx deploy --plan`
  // do, executes it with --parallel 1 and checks that the events are the ones the plan
  // predicts for a failure of `fault`'s logical id.
  ExecResult DeployPlanned(const std::string& stack, const std::string& template_text,
                           const std::string& fault = "", std::string on_failure = "ROLLBACK") {
    FaultPlan faults;
    if (!fault.empty()) {
      EXPECT_TRUE(faults.Add(fault).ok());
    }
    LocalProvider provider(*store_, simulator_, faults);
    Executor executor(*store_, provider, BuiltinFunctions(), simulator_);
    DeployRequest request;
    request.stack_name = stack;
    request.template_json = ExecJson::parse(template_text);
    request.on_failure = on_failure;
    request.parallel = 1;
    ErrorOr<Plan> plan = executor.PlanDeploy(request);
    EXPECT_TRUE(plan.ok()) << (plan.ok() ? "" : plan.error().message);
    if (!plan.ok())
      return {};
    ErrorOr<Plan> saved = PlanFromJson(PlanToJson(*plan));
    EXPECT_TRUE(saved.ok());
    request.plan = *saved;
    ErrorOr<ExecResult> result = executor.Deploy(request);
    EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
    if (!result.ok())
      return {};
    last_plan_ = *plan;
    EXPECT_EQ(Events(stack, result->operation),
              PlannedEvents(*plan, stack, fault.substr(0, fault.find(':'))));
    return *result;
  }
  // Logical ids of the plan's steps, "Create:A" ..., in wave order.
  std::vector<std::string> Steps() const {
    std::vector<std::string> out;
    for (const PlanWave& w : last_plan_.order.waves)
      for (const PlanStep& s : w.steps)
        out.push_back(std::string(Name(s.action)) + ":" + s.logical_id);
    return out;
  }
  Plan last_plan_;
};

constexpr const char* kV2 = R"({"Parameters": {"Env": {"Type": "String", "Default": "dev"}},
  "Resources": {
    "A": {"Type": "Test::Res::Thing", "Properties": {"Tag": {"Ref": "Env"}, "Name": "a-2"}},
    "B": {"Type": "Test::Res::Thing", "Properties": {"Source": {"Fn::GetAtt": ["A", "Arn"]}}},
    "C": {"Type": "Test::Res::Thing", "Properties": {"Of": {"Fn::Sub": "${B}/changed"}}},
    "E": {"Type": "Test::Res::Thing", "DependsOn": "C"},
    "T": {"Type": "Test::Res::Dtc", "Properties": {"Key": 2}}}})";
constexpr const char* kV1WithDtc = R"({"Parameters": {"Env": {"Type": "String", "Default": "dev"}},
  "Resources": {
    "A": {"Type": "Test::Res::Thing", "Properties": {"Tag": {"Ref": "Env"}}},
    "B": {"Type": "Test::Res::Thing", "Properties": {"Source": {"Fn::GetAtt": ["A", "Arn"]}}},
    "C": {"Type": "Test::Res::Thing", "Properties": {"Of": {"Fn::Sub": "${B}/x"}}},
    "T": {"Type": "Test::Res::Dtc", "Properties": {"Key": 1}},
    "Gone": {"Type": "Test::Res::Thing", "DependsOn": "A"}}})";

TEST_F(PlannedExecutionTest, CreateFollowsThePlan) {
  ExecResult r = DeployPlanned("s", kV1WithDtc);
  EXPECT_EQ(r.status, "CREATE_COMPLETE");
  EXPECT_THAT(Steps(), ElementsAre("Create:A", "Create:T", "Create:B", "Create:Gone", "Create:C"));
  ExpectAccountedFor();
}

TEST_F(PlannedExecutionTest, UpdateFollowsThePlanThroughCleanup) {
  ASSERT_TRUE(DeployPlanned("s", kV1WithDtc).succeeded);
  // A replaced (create then delete), T replaced delete-then-create, B updated because A's Arn
  // changes, C updated, E added, Gone removed.
  ExecResult r = DeployPlanned("s", kV2);
  EXPECT_EQ(r.status, "UPDATE_COMPLETE");
  EXPECT_THAT(Steps(), ElementsAre("Replace:A", "Replace:T", "Update:B", "Update:C", "Create:E"));
  EXPECT_EQ(Resources("s").size(), 5u);
  EXPECT_EQ(Resources("s")["B"].properties["Source"], "arn:test:a-2");
  ExpectAccountedFor();
}

TEST_F(PlannedExecutionTest, UpdateFailureRunsTheRollbackPlan) {
  ASSERT_TRUE(DeployPlanned("s", kV1WithDtc).succeeded);
  auto before = Resources("s");
  ExecResult r = DeployPlanned("s", kV2, "C:update");
  EXPECT_EQ(r.status, "UPDATE_ROLLBACK_COMPLETE");
  // The rollback plan as printed: C (failed: nothing to undo) and B restored, A switched back,
  // T recreated; then the cleanup deletes E (never created: it waits for C) and A's new copy.
  std::vector<std::string> rollback;
  for (const RollbackWave& w : last_plan_.rollback.waves)
    for (const RollbackStep& s : w.steps)
      rollback.push_back(std::string(Name(s.action)) + ":" + s.logical_id);
  for (const RollbackStep& s : last_plan_.rollback.cleanup)
    rollback.push_back("cleanup " + std::string(Name(s.action)) + ":" + s.logical_id);
  EXPECT_THAT(rollback, ElementsAre("Restore:C", "Restore:B", "Restore:A", "Recreate:T",
                                    "cleanup Delete:E", "cleanup DeleteReplacement:A"));
  auto after = Resources("s");
  ASSERT_EQ(after.size(), before.size());
  for (const auto& [id, res] : before) {
    EXPECT_EQ(after[id].properties, res.properties) << id;
    if (id != "T") {  // recreated: a new physical resource with the old properties
      EXPECT_EQ(after[id].physical_id, res.physical_id) << id;
    }
  }
  ExpectAccountedFor();
}

TEST_F(PlannedExecutionTest, AdditionsAreDeletedInTheRollbackCleanup) {
  ASSERT_TRUE(DeployPlanned("s", kV1WithDtc).succeeded);
  // E (added, after C) fails: A, T, B and C are put back, then A's new copy is deleted.
  ExecResult r = DeployPlanned("s", kV2, "E:create");
  EXPECT_EQ(r.status, "UPDATE_ROLLBACK_COMPLETE");
  ExpectAccountedFor();
  // An addition that completes before the failure is deleted in the cleanup.
  ExecResult r2 =
      DeployPlanned("s", R"({"Parameters": {"Env": {"Type": "String", "Default": "dev"}},
  "Resources": {
    "A": {"Type": "Test::Res::Thing", "Properties": {"Tag": {"Ref": "Env"}}},
    "B": {"Type": "Test::Res::Thing", "Properties": {"Source": {"Fn::GetAtt": ["A", "Arn"]}}},
    "C": {"Type": "Test::Res::Thing", "Properties": {"Of": {"Fn::Sub": "${B}/x"}}},
    "T": {"Type": "Test::Res::Dtc", "Properties": {"Key": 1}},
    "Gone": {"Type": "Test::Res::Thing", "DependsOn": "A"},
    "New": {"Type": "Test::Res::Thing", "DeletionPolicy": "Retain"},
    "Later": {"Type": "Test::Res::Thing", "DependsOn": "New"}}})",
                    "Later:create");
  EXPECT_EQ(r2.status, "UPDATE_ROLLBACK_COMPLETE");
  ASSERT_EQ(last_plan_.rollback.cleanup.size(), 2u);
  EXPECT_EQ(last_plan_.rollback.cleanup[1].logical_id, "New");
  EXPECT_EQ(last_plan_.rollback.cleanup[1].action, CompensationAction::kRetain);
  EXPECT_FALSE(Resources("s").count("New"));
}

TEST_F(PlannedExecutionTest, CreateFailureAndOnFailureModesFollowThePlan) {
  ExecResult r = DeployPlanned("s", kV1WithDtc, "C:create");
  EXPECT_EQ(r.status, "ROLLBACK_COMPLETE");
  EXPECT_TRUE(store_->ListCloud().empty());
  ExecResult d = DeployPlanned("d", kV1WithDtc, "B:create", "DELETE");
  EXPECT_EQ(d.status, "DELETE_COMPLETE");
  ExecResult n = DeployPlanned("n", kV1WithDtc, "B:create", "DO_NOTHING");
  EXPECT_EQ(n.status, "CREATE_FAILED");
}

TEST_F(PlannedExecutionTest, RetainPoliciesInTheCleanup) {
  ASSERT_TRUE(DeployPlanned("s", R"({"Resources": {
      "Keep": {"Type": "Test::Res::Thing", "DeletionPolicy": "Retain"},
      "Old": {"Type": "Test::Res::Thing", "UpdateReplacePolicy": "Retain",
              "Properties": {"Name": "old-1"}},
      "Gone": {"Type": "Test::Res::Thing"}}})")
                  .succeeded);
  ExecResult r = DeployPlanned("s", R"({"Resources": {
      "Old": {"Type": "Test::Res::Thing", "UpdateReplacePolicy": "Retain",
              "Properties": {"Name": "old-2"}}}})");
  EXPECT_EQ(r.status, "UPDATE_COMPLETE");
  EXPECT_TRUE(store_->GetCloud("Test::Res::Thing", "old-1")->retained);
  ExpectAccountedFor();
}

TEST_F(PlannedExecutionTest, AStalePlanIsRefused) {
  FaultPlan none;
  LocalProvider provider(*store_, simulator_, none);
  Executor executor(*store_, provider, BuiltinFunctions(), simulator_);
  DeployRequest request;
  request.stack_name = "s";
  request.template_json = ExecJson::parse(kV1WithDtc);
  ErrorOr<Plan> plan = executor.PlanDeploy(request);
  ASSERT_TRUE(plan.ok());
  ASSERT_TRUE(DeployPlanned("s", kV1).succeeded);  // the stack changes after planning
  request.plan = *plan;
  ErrorOr<ExecResult> r = executor.Deploy(request);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.error().message, HasSubstr("plan again"));
}

TEST_F(PlannedExecutionTest, StoredStackStateIsWhatThePlannerReads) {
  ASSERT_TRUE(DeployPlanned("net", R"({"Resources": {"V": {"Type": "Test::Res::Thing"}},
      "Outputs": {"Id": {"Value": {"Ref": "V"}, "Export": {"Name": "net-V"}}}})")
                  .succeeded);
  ASSERT_TRUE(DeployPlanned("app", R"({"Parameters": {"L": {"Type": "CommaDelimitedList",
      "Default": "a,b"}}, "Resources": {"W": {"Type": "Test::Res::Thing",
      "Properties": {"Net": {"Fn::ImportValue": "net-V"}, "L": {"Ref": "L"}}}}})")
                  .succeeded);
  StackState state = StoredStackState(*store_, "net");
  EXPECT_TRUE(state.exists());
  EXPECT_EQ(state.status, "CREATE_COMPLETE");
  ASSERT_EQ(state.resources.size(), 1u);
  EXPECT_EQ(state.resources[0].logical_id, "V");
  ASSERT_EQ(state.outputs.size(), 1u);
  EXPECT_EQ(state.outputs[0].export_name, "net-V");
  ASSERT_EQ(state.exports.size(), 1u);
  EXPECT_EQ(state.exports[0].value, state.resources[0].physical_id);
  EXPECT_THAT(state.exports[0].importing_stacks, ElementsAre("app"));
  StackState app = StoredStackState(*store_, "app");
  ASSERT_EQ(app.parameters.size(), 1u);
  EXPECT_EQ(app.parameters[0].value, "a,b");
  EXPECT_FALSE(StoredStackState(*store_, "nope").exists());
  // The planner forecasts what the executor then refuses: changing an imported export.
  FaultPlan none;
  LocalProvider provider(*store_, simulator_, none);
  Executor executor(*store_, provider, BuiltinFunctions(), simulator_);
  DeployRequest request;
  request.stack_name = "net";
  request.template_json = ExecJson::parse(R"({"Resources": {"V": {"Type": "Test::Res::Thing"}},
      "Outputs": {"Id": {"Value": "other", "Export": {"Name": "net-V"}}}})");
  ErrorOr<Plan> plan = executor.PlanDeploy(request);
  ASSERT_TRUE(plan.ok());
  std::vector<DiagCode> codes;
  for (const Diagnostic& d : plan->forecast)
    codes.push_back(d.code);
  EXPECT_THAT(codes, ::testing::Contains(DiagCode::kE9003));
}

// The state database is outside input: an interrupted operation whose record lacks fields or
// has fields of the wrong type (a hand edit, a damaged file) is recovered or refused with an
// error, never an exception (type_error.302 from `"parallel": "2"`) or undefined behaviour (a
// `desired` without "parameters").
TEST_F(ExecutorTest, RecoverSurvivesMalformedOperationRecords) {
  Deploy("app", kV1);
  for (const char* desired :
       {R"({"template": {"Resources": {}}})", R"({"parallel": "2", "region": 5})",
        R"({"parameters": [1, 2], "rollback_order": [], "cleanup_order": {"a": 1}})",
        R"({"template": {"Resources": {"A": {"Type": "Test::Res::Thing"}}, "Outputs": "x"}})",
        R"([1])"}) {
    ASSERT_TRUE(store_
                    ->Write([&](StateStore::Tx& tx) {
                      Operation op;
                      op.stack = "app";
                      op.kind = "UPDATE";
                      op.phase = "RUNNING";
                      op.on_failure = "ROLLBACK";
                      op.holder = "test";
                      op.started_at = StateStore::Now();
                      op.desired = ExecJson::parse(desired);
                      op.prior =
                          ExecJson::parse(R"({"stack": 7, "resources": [{"Role": 3}, "x"]})");
                      int64_t id = tx.AddOperation(op);
                      JournalEntry entry;
                      entry.operation = id;
                      entry.seq = 1;
                      entry.logical_id = "A";
                      entry.action = "update";
                      entry.phase = "intent";
                      entry.token = std::string("t-") + desired;
                      entry.data = ExecJson::parse(
                          R"({"type": 1, "before": {"Properties": []}, "undo": "x"})");
                      tx.AddJournal(entry);
                    })
                    .ok());
    LocalProvider provider(*store_, simulator_, FaultPlan());
    Executor executor(*store_, provider, BuiltinFunctions(), simulator_);
    ErrorOr<std::optional<ExecResult>> recovered = executor.Recover("app");
    if (!recovered.ok()) {
      EXPECT_NE(recovered.error().message.find("app"), std::string::npos)
          << recovered.error().message;
      // Leave no interrupted operation behind for the next case.
      ASSERT_TRUE(store_
                      ->Write([&](StateStore::Tx& tx) {
                        std::optional<Operation> op = store_->GetActiveOperation("app");
                        if (op.has_value())
                          tx.FinishOperation(op->id);
                      })
                      .ok());
    }
    EXPECT_FALSE(store_->GetActiveOperation("app").has_value()) << desired;
  }
}

// The stored stack and a parked operation are outside input too: destroying or rolling back a
// stack whose stored template or operation record has the wrong shape ends in a result, never
// an exception (a "Resources" that is not a map was iterated for its keys: invalid_iterator.207).
TEST_F(ExecutorTest, DestroyAndRollbackSurviveMalformedStoredStacks) {
  int n = 0;
  for (const char* stored :
       {R"({"Resources": 5})", R"({"Resources": [1, 2]})",
        R"({"Resources": {"A": 7, "B": {"DependsOn": 3}}})", R"("x")", R"([1])", "null"}) {
    std::string name = "s" + std::to_string(n++);
    Deploy(name, kV1);
    std::optional<StoredStack> stack = store_->GetStack(name);
    ASSERT_TRUE(stack.has_value());
    stack->template_json = ExecJson::parse(stored);
    ASSERT_TRUE(store_->Write([&](StateStore::Tx& tx) { tx.PutStack(*stack); }).ok());
    ErrorOr<ExecResult> d = Destroy(name);
    ASSERT_TRUE(d.ok()) << stored << ": " << d.error().message;
    EXPECT_EQ(d->status, "DELETE_COMPLETE") << stored;
    EXPECT_TRUE(Resources(name).empty()) << stored;
  }
  EXPECT_TRUE(store_->ListCloud().empty());

  ExecResult kept = Deploy("t", kV1, {"B:create"}, "DO_NOTHING");
  ASSERT_EQ(kept.status, "CREATE_FAILED");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir_ / "state.db").string().c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "UPDATE operations SET prior='7', desired='{\"template\": 5, "
                         "\"parameters\": [], \"rollback_order\": {\"waves\": 3}, "
                         "\"parallel\": \"x\"}' WHERE stack='t'",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  FaultPlan none;
  LocalProvider provider(*store_, simulator_, none);
  Executor executor(*store_, provider, BuiltinFunctions(), simulator_);
  ErrorOr<ExecResult> rolled = executor.Rollback("t");
  ASSERT_TRUE(rolled.ok()) << rolled.error().message;
  EXPECT_EQ(rolled->status, "ROLLBACK_COMPLETE");
  EXPECT_TRUE(Resources("t").empty());
}

}  // namespace
}  // namespace cfnx
