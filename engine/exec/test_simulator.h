// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// A simulator for executor tests that accepts every resource type: "Name" is create-only, a wait
// condition handle's physical id is a URL, every resource has the attributes {"Data": {}, "Arn":
// "arn:test:ID"}. Tests only.

#ifndef CFNX_ENGINE_EXEC_TEST_SIMULATOR_H_
#define CFNX_ENGINE_EXEC_TEST_SIMULATOR_H_

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unistd.h>

#include <gtest/gtest.h>

#include "engine/backend/local/simulator.h"
#include "engine/backend/local/state_store.h"
#include "engine/plan/planner.h"

namespace cfnx {

class AnyTypeSimulator : public ResourceSimulator, public SchemaFacts {
 public:
  TypeFacts Find(std::string_view) const override {
    TypeFacts facts;
    facts.known = true;
    facts.create_only = {"/properties/Name"};
    facts.replacement_strategy = "create_then_delete";
    return facts;
  }
  bool Supports(std::string_view, std::string*) const override { return true; }
  SimResult Create(const SimRequest& r) const override {
    if (r.type == "AWS::CloudFormation::WaitConditionHandle")
      return SimResult{
          "https://cloudformation-waitcondition.example/" + r.logical_id + "-" + r.token,
          ExecJson::object()};
    std::string id = r.logical_id + "-" + r.token;
    return SimResult{id, {{"Data", ExecJson::object()}, {"Arn", "arn:test:" + id}}};
  }
  ExecJson Update(const SimRequest&, const std::string&, const ExecJson& old) const override {
    return old;
  }
  std::string ReplacementPath(std::string_view, const ExecJson& before,
                              const ExecJson& after) const override {
    return before.value("Name", ExecJson()) != after.value("Name", ExecJson()) ? "/properties/Name"
                                                                               : "";
  }
  bool DeleteThenCreate(std::string_view) const override { return false; }
};

// A test with its own state database in a fresh temporary directory (removed afterwards) and the
// simulator above.
class SimulatedStackTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("cfnx_exec_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_suite()->name() + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    auto store = StateStore::Open((dir_ / "state.db").string());
    ASSERT_TRUE(store.ok()) << store.error().message;
    store_ = std::move(*store);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path dir_;
  std::unique_ptr<StateStore> store_;
  AnyTypeSimulator simulator_;
};

}  // namespace cfnx

#endif  // CFNX_ENGINE_EXEC_TEST_SIMULATOR_H_
