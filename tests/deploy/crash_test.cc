// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Durability and concurrency of the local backend, through the real `cfnx` binary:
// - kill -9 at every crash point of a create, an update (with replacements, additions,
//   removals) and a failing update with its rollback (CFNX_CRASH_AT=N makes the N-th state
//   change SIGKILL the process), then check that `cfnx rollback` leaves a consistent stack:
//   a terminal status, every resource accounted for exactly once, the properties of the state
//   before (rolled back) or after (completed), and no event recorded twice;
// - two concurrent deploys of one stack: the second waits for the lock or, with a short
//   --lock-timeout, fails naming the holder.

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine/backend/local/state_store.h"
#include "tests/testing/paths.h"

#include <sys/wait.h>

namespace cfnx {
namespace {

namespace fs = std::filesystem;

const std::string kCfnx = cfnx::testing::BinaryDir() + "/cfnx";

constexpr const char* kV1 = R"(Resources:
  Dlq:
    Type: AWS::SQS::Queue
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      RedrivePolicy:
        deadLetterTargetArn: !GetAtt Dlq.Arn
        maxReceiveCount: 3
  Topic:
    Type: AWS::SNS::Topic
  Url:
    Type: AWS::SSM::Parameter
    Properties:
      Type: String
      Value: !Ref Queue
  Old:
    Type: AWS::SSM::Parameter
    Properties:
      Type: String
      Value: old
Outputs:
  TopicArn:
    Value: !Ref Topic
)";

// Dlq and Topic replaced (create-only names), Queue and Url updated, Old removed, New added.
constexpr const char* kV2 = R"(Resources:
  Dlq:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: crash-dlq
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      RedrivePolicy:
        deadLetterTargetArn: !GetAtt Dlq.Arn
        maxReceiveCount: 3
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: crash-topic
  Url:
    Type: AWS::SSM::Parameter
    Properties:
      Type: String
      Value: !Sub "${Queue}?v=2"
  New:
    Type: AWS::SSM::Parameter
    Properties:
      Type: String
      Value: !Ref Topic
Outputs:
  TopicArn:
    Value: !Ref Topic
)";

struct RunResult {
  bool killed = false;
  int exit_code = -1;
};

RunResult RunCommand(const std::string& command) {
  int status = std::system(("exec " + command + " >/dev/null 2>&1").c_str());
  RunResult r;
  if (WIFSIGNALED(status)) {
    r.killed = WTERMSIG(status) == SIGKILL;
  } else if (WIFEXITED(status)) {
    r.exit_code = WEXITSTATUS(status);
    r.killed = r.exit_code == 128 + SIGKILL;
  }
  return r;
}

// logical id -> (physical id, properties) of current resources.
std::map<std::string, std::string> Snapshot(StateStore& store, const std::string& stack) {
  std::map<std::string, std::string> out;
  for (const StoredResource& r : store.GetResources(stack)) {
    if (r.role == "current")
      out[r.logical_id] = r.physical_id + " " + nlohmann::json::parse(r.properties.dump()).dump();
  }
  return out;
}

class CrashTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("cfnx_crash_test_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    std::ofstream(dir_ / "v1.yaml") << kV1;
    std::ofstream(dir_ / "v2.yaml") << kV2;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Deploy(const std::string& state, const std::string& version,
                     const std::string& extra = "") {
    return kCfnx + " deploy " + (dir_ / (version + ".yaml")).string() +
           " --stack app --yes --parallel 1 --state " + state + " " + extra;
  }

  // Checks the invariants after recovery; returns the final status.
  std::string CheckConsistent(
      const std::string& state, int point,
      const std::map<std::string, std::map<std::string, std::string>>& expected_by_status) {
    auto store = StateStore::Open(state);
    EXPECT_TRUE(store.ok());
    if (!store.ok())
      return "";
    StateStore& s = **store;
    EXPECT_FALSE(s.GetActiveOperation("app").has_value()) << "crash point " << point;
    std::optional<StoredStack> stack = s.GetStack("app");
    std::string status = stack ? stack->status : "NONE";
    EXPECT_EQ(status.find("IN_PROGRESS"), std::string::npos) << "crash point " << point;
    auto expected = expected_by_status.find(status);
    EXPECT_NE(expected, expected_by_status.end())
        << "crash point " << point << ": unexpected status " << status;
    if (expected != expected_by_status.end()) {
      EXPECT_EQ(Snapshot(s, "app"), expected->second) << "crash point " << point << " " << status;
    }
    // Every resource accounted for, exactly once.
    std::set<std::string> owned;
    for (const StoredResource& r : s.GetResources("app")) {
      EXPECT_TRUE(owned.insert(r.type + " " + r.physical_id).second);
      EXPECT_TRUE(s.GetCloud(r.type, r.physical_id).has_value())
          << "crash point " << point << ": " << r.logical_id << " " << r.physical_id
          << " is recorded but does not exist";
    }
    for (const CloudResource& c : s.ListCloud()) {
      EXPECT_TRUE(c.retained || owned.count(c.type + " " + c.physical_id))
          << "crash point " << point << ": " << c.physical_id << " exists but is not recorded";
    }
    // Nothing recorded twice: one terminal event per finished journal entry, none pending.
    std::map<int64_t, int> terminal_events, finished_steps;
    for (const StoredEvent& e : s.GetEvents("app")) {
      if (e.type != "AWS::CloudFormation::Stack" &&
          e.status.find("IN_PROGRESS") == std::string::npos)
        ++terminal_events[e.operation];
    }
    for (int64_t op = 1; op <= 8; ++op) {
      for (const JournalEntry& j : s.GetJournal(op)) {
        EXPECT_NE(j.phase, "intent") << "crash point " << point;
        ++finished_steps[op];
      }
    }
    EXPECT_EQ(terminal_events, finished_steps) << "crash point " << point;
    return status;
  }

  fs::path dir_;
};

TEST_F(CrashTest, KillNineAtEveryPointThenRecover) {
  // Baselines without crashes: the state after v1, after v2, and v1 again after a failed v2.
  std::string base = (dir_ / "base.db").string();
  ASSERT_EQ(RunCommand(Deploy(base, "v1")).exit_code, 0);
  std::map<std::string, std::string> after_v1, after_v2;
  {
    auto store = StateStore::Open(base);
    ASSERT_TRUE(store.ok());
    after_v1 = Snapshot(**store, "app");
  }
  ASSERT_EQ(after_v1.size(), 5u);
  ASSERT_EQ(RunCommand(Deploy(base, "v2")).exit_code, 0);
  {
    auto store = StateStore::Open(base);
    after_v2 = Snapshot(**store, "app");
  }
  ASSERT_EQ(after_v2.size(), 5u);

  struct Scenario {
    const char* name;
    bool create;  // crash during the creation (else: during the update to v2)
    std::string extra;
    std::map<std::string, std::map<std::string, std::string>> expected;
  };
  std::vector<Scenario> scenarios = {
      {"create", true, "", {{"ROLLBACK_COMPLETE", {}}, {"CREATE_COMPLETE", after_v1}}},
      {"update",
       false,
       "",
       {{"UPDATE_ROLLBACK_COMPLETE", after_v1}, {"UPDATE_COMPLETE", after_v2}}},
      {"failing update", false, "--fail New:create", {{"UPDATE_ROLLBACK_COMPLETE", after_v1}}},
  };
  int points = 0;
  for (const Scenario& scenario : scenarios) {
    int scenario_points = 0;
    for (int k = 1; k < 200; ++k) {
      std::string state = (dir_ / ("s" + std::to_string(points) + ".db")).string();
      if (!scenario.create) {
        ASSERT_EQ(RunCommand(Deploy(state, "v1")).exit_code, 0);
      }
      RunResult crashed = RunCommand("env CFNX_CRASH_AT=" + std::to_string(k) + " " +
                                     Deploy(state, scenario.create ? "v1" : "v2", scenario.extra));
      if (!crashed.killed) {
        fs::remove(state);
        break;  // k is past the last crash point of this scenario
      }
      ++points;
      ++scenario_points;
      // The next command finishes what the killed one left.
      RunResult recovered = RunCommand(kCfnx + " rollback --stack app --state " + state);
      EXPECT_FALSE(recovered.killed);
      CheckConsistent(state, k, scenario.expected);
      // And the stack is usable again.
      auto store = StateStore::Open(state);
      ASSERT_TRUE(store.ok());
      std::optional<StoredStack> stack = (*store)->GetStack("app");
      store->reset();
      if (stack && stack->status != "ROLLBACK_COMPLETE") {
        EXPECT_EQ(RunCommand(Deploy(state, "v2")).exit_code, 0) << scenario.name << " point " << k;
      }
      fs::remove(state);
    }
    EXPECT_GE(scenario_points, 10) << scenario.name;
    std::cout << scenario.name << ": " << scenario_points << " crash points\n";
  }
  std::cout << "crash points tested: " << points << "\n";
  EXPECT_GE(points, 50);
}

// Nested stacks: the parent's journal holds the nested stack's step, the child its own
// operation. After kill -9 at every point of a create, an update that changes the child's
// template and an update whose parent fails after the child was updated, `cfnx rollback` of
// the parent leaves every stack terminal, every resource of every stack accounted for, and the
// child at the template matching the parent's outcome.
constexpr const char* kParent = R"(Resources:
  Queues:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: nested/child.yaml
  Url:
    Type: AWS::SSM::Parameter
    Properties:
      Type: String
      Value: !GetAtt Queues.Outputs.QueueUrl
)";
constexpr const char* kParentV2 = R"(Resources:
  Queues:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: nested/child.yaml
  Url:
    Type: AWS::SSM::Parameter
    Properties:
      Type: String
      Value: !Sub "${Queues.Outputs.QueueUrl}?v=2"
)";
constexpr const char* kChild = R"(Resources:
  Dlq:
    Type: AWS::SQS::Queue
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      RedrivePolicy:
        deadLetterTargetArn: !GetAtt Dlq.Arn
        maxReceiveCount: RECEIVES
Outputs:
  QueueUrl:
    Value: !Ref Queue
)";

// "STATUS RECEIVES" of the stack nested as Queues in "app" (RECEIVES of its template), after
// checking every stack is terminal and every resource accounted for exactly once.
std::string NestedOutcome(const std::string& state, int point) {
  auto store = StateStore::Open(state);
  EXPECT_TRUE(store.ok());
  if (!store.ok())
    return "";
  StateStore& s = **store;
  std::set<std::string> owned;
  std::string child_id, parent_status;
  for (const StoredStack& stack : s.ListStacks()) {
    EXPECT_FALSE(s.GetActiveOperation(stack.name).has_value()) << point << " " << stack.name;
    EXPECT_EQ(stack.status.find("IN_PROGRESS"), std::string::npos) << point << " " << stack.name;
    if (stack.name == "app")
      parent_status = stack.status;
    for (const StoredResource& r : s.GetResources(stack.name)) {
      if (r.type == "AWS::CloudFormation::Stack") {
        child_id = r.physical_id;
        continue;
      }
      EXPECT_TRUE(owned.insert(r.type + " " + r.physical_id).second) << point;
      EXPECT_TRUE(s.GetCloud(r.type, r.physical_id).has_value())
          << "crash point " << point << ": " << stack.name << "/" << r.logical_id
          << " is recorded but does not exist";
    }
  }
  for (const CloudResource& c : s.ListCloud()) {
    EXPECT_TRUE(c.retained || owned.count(c.type + " " + c.physical_id))
        << "crash point " << point << ": " << c.physical_id << " exists but is not recorded";
  }
  std::string receives = "-";
  for (const StoredStack& stack : s.ListStacks()) {
    if (!child_id.empty() && stack.stack_id == child_id) {
      EXPECT_NE(stack.status, "DELETE_COMPLETE") << point;
      receives =
          stack
              .template_json["Resources"]["Queue"]["Properties"]["RedrivePolicy"]["maxReceiveCount"]
              .dump();
    }
  }
  return parent_status + " " + receives;
}

TEST_F(CrashTest, NestedStackKillNineAtEveryPointThenRecover) {
  fs::create_directories(dir_ / "nested");
  std::ofstream(dir_ / "parent.yaml") << kParent;
  std::ofstream(dir_ / "parent2.yaml") << kParentV2;
  auto child = [&](const char* receives) {
    std::string text = kChild;
    text.replace(text.find("RECEIVES"), 8, receives);
    std::ofstream(dir_ / "nested" / "child.yaml") << text;
  };
  auto deploy = [&](const std::string& state, const char* parent, const std::string& extra) {
    return kCfnx + " deploy " + (dir_ / parent).string() + " --stack app --yes --parallel 1 " +
           "--state " + state + " " + extra;
  };
  struct Scenario {
    const char* name;
    bool create;
    const char* parent;  // the template deployed (with the child at 7) when it crashes
    std::string extra;
    std::set<std::string> outcomes;
  };
  std::vector<Scenario> scenarios = {
      {"create", true, "parent.yaml", "", {"ROLLBACK_COMPLETE -", "CREATE_COMPLETE 7"}},
      {"update", false, "parent.yaml", "", {"UPDATE_ROLLBACK_COMPLETE 3", "UPDATE_COMPLETE 7"}},
      {"failing update",
       false,
       "parent2.yaml",
       "--fail Url:update",
       {"UPDATE_ROLLBACK_COMPLETE 3"}},
  };
  int points = 0;
  for (const Scenario& scenario : scenarios) {
    int scenario_points = 0;
    for (int k = 1; k < 200; ++k) {
      std::string state = (dir_ / ("n" + std::to_string(points) + ".db")).string();
      if (!scenario.create) {
        child("3");
        ASSERT_EQ(RunCommand(deploy(state, "parent.yaml", "")).exit_code, 0);
      }
      child("7");
      RunResult crashed = RunCommand("env CFNX_CRASH_AT=" + std::to_string(k) + " " +
                                     deploy(state, scenario.parent, scenario.extra));
      if (!crashed.killed) {
        fs::remove(state);
        break;
      }
      ++points;
      ++scenario_points;
      RunResult recovered = RunCommand(kCfnx + " rollback --stack app --state " + state);
      EXPECT_FALSE(recovered.killed);
      std::string outcome = NestedOutcome(state, k);
      EXPECT_TRUE(scenario.outcomes.count(outcome))
          << scenario.name << " crash point " << k << ": " << outcome;
      fs::remove(state);
    }
    EXPECT_GE(scenario_points, 10) << scenario.name;
    std::cout << "nested " << scenario.name << ": " << scenario_points << " crash points\n";
  }
}

TEST_F(CrashTest, TwoConcurrentDeploysOfOneStack) {
  std::string state = (dir_ / "c.db").string();
  std::string first_cmd = "env CFNX_SIM_LATENCY_MS=100 " + Deploy(state, "v1");
  RunResult first;
  std::thread first_thread([&] { first = RunCommand(first_cmd); });
  // Wait until the first holds the lock.
  bool locked = false;
  for (int i = 0; i < 200 && !locked; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    auto store = StateStore::Open(state);
    locked = store.ok() && (*store)->GetLock("app").has_value();
  }
  ASSERT_TRUE(locked);
  // A second deploy with a short timeout fails and names the holder.
  std::string err = (dir_ / "err.txt").string();
  int status = std::system(
      ("exec " + Deploy(state, "v2", "--lock-timeout 0") + " 2>" + err + " >/dev/null").c_str());
  EXPECT_EQ(WEXITSTATUS(status), 1);
  std::stringstream message;
  message << std::ifstream(err).rdbuf();
  EXPECT_THAT(message.str(), ::testing::HasSubstr("is locked by cfnx deploy (pid"));
  // Reads do not block meanwhile.
  EXPECT_EQ(RunCommand(kCfnx + " stacks --state " + state).exit_code, 0);
  // A second deploy that waits runs after the first.
  RunResult second;
  std::thread second_thread([&] { second = RunCommand(Deploy(state, "v2", "--lock-timeout 60")); });
  first_thread.join();
  second_thread.join();
  EXPECT_EQ(first.exit_code, 0);
  EXPECT_EQ(second.exit_code, 0);
  auto store = StateStore::Open(state);
  ASSERT_TRUE(store.ok());
  EXPECT_EQ((*store)->GetStack("app")->status, "UPDATE_COMPLETE");
  std::optional<Operation> op1 = (*store)->GetOperation(1);
  std::optional<Operation> op2 = (*store)->GetOperation(2);
  ASSERT_TRUE(op1 && op2);
  EXPECT_EQ(op1->kind, "CREATE");
  EXPECT_EQ(op2->kind, "UPDATE");
  EXPECT_LE(op1->finished_at, op2->started_at);
  EXPECT_FALSE((*store)->GetLock("app").has_value());
}

// `cfnx plan --backend local` reads the stack from the local backend's database, and
// `cfnx deploy --plan` executes the saved plan only while the stack is as it was planned.
TEST_F(CrashTest, PlanReadsTheLocalBackendAndDeployExecutesSavedPlans) {
  std::string state = (dir_ / "p.db").string();
  std::string out = (dir_ / "out.json").string();
  std::string saved = (dir_ / "plan.json").string();
  auto plan = [&](const std::string& version, const std::string& flags) {
    return RunCommand(kCfnx + " plan " + (dir_ / (version + ".yaml")).string() +
                      " --stack app --format json --detailed-exitcode " + flags + " -o " + saved);
  };
  auto read_plan = [&]() {
    std::stringstream text;
    text << std::ifstream(saved).rdbuf();
    return nlohmann::json::parse(text.str());
  };
  // Before anything is deployed: a new stack.
  EXPECT_EQ(plan("v1", "--backend local --state " + state).exit_code, 2);
  EXPECT_EQ(read_plan()["ChangeSet"]["ChangeSetType"], "CREATE");
  ASSERT_EQ(RunCommand(Deploy(state, "v1")).exit_code, 0);
  // The deployed stack, read from the database: v1 again has no changes; v2 replaces Dlq.
  EXPECT_EQ(plan("v1", "--backend local --state " + state).exit_code, 0);
  EXPECT_EQ(RunCommand("env CFNX_STATE=" + state + " " + kCfnx + " plan " +
                       (dir_ / "v2.yaml").string() + " --stack app --detailed-exitcode -o " + saved)
                .exit_code,
            2);
  nlohmann::json p = read_plan();
  EXPECT_EQ(p["ChangeSet"]["ChangeSetType"], "UPDATE");
  std::map<std::string, std::string> changes;
  for (const auto& c : p["ChangeSet"]["Changes"]) {
    const auto& rc = c["ResourceChange"];
    changes[rc["LogicalResourceId"]] =
        rc["Action"].get<std::string>() +
        (rc.contains("Replacement") ? " " + rc["Replacement"].get<std::string>() : "");
  }
  EXPECT_EQ(changes["Dlq"], "Modify True");
  EXPECT_EQ(changes["Old"], "Remove");
  EXPECT_EQ(changes["New"], "Add");
  // The saved plan deploys; planned again against the changed stack it is refused.
  ASSERT_EQ(RunCommand(Deploy(state, "v2", "--plan " + saved)).exit_code, 0);
  auto store = StateStore::Open(state);
  ASSERT_TRUE(store.ok());
  EXPECT_EQ((*store)->GetStack("app")->status, "UPDATE_COMPLETE");
  store->reset();
  EXPECT_EQ(RunCommand(Deploy(state, "v1", "--plan " + saved)).exit_code, 1);
}

}  // namespace
}  // namespace cfnx
