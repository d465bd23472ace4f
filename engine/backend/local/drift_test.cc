// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/backend/local/drift.h"

#include <filesystem>
#include <unistd.h>

#include <gtest/gtest.h>

namespace cfnx {
namespace {

struct DiffCase {
  const char* name;
  const char* expected;
  const char* actual;
  const char* want;  // "TYPE PATH expected|actual;" per difference
};

std::string Render(const std::vector<PropertyDifference>& diffs) {
  std::string out;
  for (const PropertyDifference& d : diffs)
    out += d.difference_type + " " + d.path + " " + d.expected_value + "|" + d.actual_value + ";";
  return out;
}

class DiffPropertiesTest : public ::testing::TestWithParam<DiffCase> {};

TEST_P(DiffPropertiesTest, ListsDifferencesAsDescribeStackResourceDriftsDoes) {
  const DiffCase& c = GetParam();
  EXPECT_EQ(Render(DiffProperties(StoreJson::parse(c.expected), StoreJson::parse(c.actual))),
            c.want);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, DiffPropertiesTest,
    ::testing::Values(
        DiffCase{"Same", R"({"A": 1, "B": ["x"]})", R"({"A": 1, "B": ["x"]})", ""},
        DiffCase{"NotEqualString", R"({"Name": "a"})", R"({"Name": "b"})", "NOT_EQUAL /Name a|b;"},
        DiffCase{"NotEqualNumberPrintedAsJson", R"({"N": 1})", R"({"N": 2})", "NOT_EQUAL /N 1|2;"},
        DiffCase{"Added", R"({})", R"({"New": {"K": "v"}})", R"(ADD /New |{"K":"v"};)"},
        DiffCase{"Removed", R"({"Old": "x"})", R"({})", "REMOVE /Old x|;"},
        DiffCase{"NestedListItem", R"({"Tags": [{"Key": "k", "Value": "1"}]})",
                 R"({"Tags": [{"Key": "k", "Value": "2"}, {"Key": "j", "Value": "3"}]})",
                 R"(NOT_EQUAL /Tags/0/Value 1|2;ADD /Tags/1 |{"Key":"j","Value":"3"};)"},
        DiffCase{"EscapedKey", R"({"a/b": 1})", R"({"a/b": 3})", "NOT_EQUAL /a~1b 1|3;"},
        DiffCase{"TypeChange", R"({"V": [1]})", R"({"V": "1"})", "NOT_EQUAL /V [1]|1;"}),
    [](const ::testing::TestParamInfo<DiffCase>& info) { return info.param.name; });

class DriftStoreTest : public ::testing::Test {
 protected:
  static StoredResource Resource(const char* logical_id, const char* physical_id,
                                 const char* type) {
    StoredResource r;
    r.logical_id = logical_id;
    r.physical_id = physical_id;
    r.type = type;
    r.status = "CREATE_COMPLETE";
    return r;
  }
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("cfnx_drift_test_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    auto store = StateStore::Open((dir_ / "state.db").string());
    ASSERT_TRUE(store.ok()) << store.error().message;
    store_ = std::move(*store);
    StoredStack stack;
    stack.name = "app";
    stack.stack_id = "arn:aws:cloudformation:us-east-1:123456789012:stack/app/1";
    stack.status = "CREATE_COMPLETE";
    StoredResource topic = Resource("Topic", "arn:topic", "AWS::SNS::Topic");
    topic.properties = StoreJson{{"DisplayName", "orders"}};
    StoredResource custom = Resource("Db", "db-1", "Custom::Db");
    custom.properties = StoreJson{{"ServiceToken", "arn:fn"}};
    Status written = store_->Write([&](StateStore::Tx& tx) {
      tx.PutStack(stack);
      tx.PutResource("app", topic);
      tx.PutResource("app", custom);
      tx.PutCloud({"AWS::SNS::Topic", "arn:topic", "t1", "t1", topic.properties, {}, false});
      tx.PutCloud({"Custom::Db", "db-1", "t2", "t2", custom.properties, {}, false});
    });
    ASSERT_TRUE(written.ok()) << written.error().message;
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::string Statuses() {
    ErrorOr<std::vector<ResourceDrift>> drifts = DetectStackDrift(*store_, "app");
    EXPECT_TRUE(drifts.ok());
    std::string out;
    for (const ResourceDrift& d : *drifts)
      out += d.logical_id + "=" + d.status + " ";
    return out;
  }
  std::filesystem::path dir_;
  std::unique_ptr<StateStore> store_;
};

TEST_F(DriftStoreTest, InSyncModifiedAndDeleted) {
  EXPECT_EQ(Statuses(), "Db=NOT_CHECKED Topic=IN_SYNC ");
  DriftEdit edit;
  edit.set.emplace_back("/DisplayName", "changed");
  edit.set.emplace_back("/KmsMasterKeyId", "alias/x");
  ASSERT_TRUE(SimulateDrift(*store_, "app", "Topic", edit).ok());
  EXPECT_EQ(Statuses(), "Db=NOT_CHECKED Topic=MODIFIED ");
  ErrorOr<std::vector<ResourceDrift>> drifts = DetectStackDrift(*store_, "app");
  EXPECT_EQ(Render(drifts->back().differences),
            "NOT_EQUAL /DisplayName orders|changed;ADD /KmsMasterKeyId |alias/x;");
  DriftEdit remove;
  remove.remove = true;
  ASSERT_TRUE(SimulateDrift(*store_, "app", "Topic", remove).ok());
  EXPECT_EQ(Statuses(), "Db=NOT_CHECKED Topic=DELETED ");
  EXPECT_TRUE(Drifted(*DetectStackDrift(*store_, "app")));
}

TEST_F(DriftStoreTest, RefusesWhatDoesNotExist) {
  DriftEdit edit;
  edit.unset.push_back("/NoSuch");
  EXPECT_FALSE(SimulateDrift(*store_, "app", "Topic", edit).ok());
  EXPECT_FALSE(SimulateDrift(*store_, "app", "Nothing", edit).ok());
  EXPECT_FALSE(SimulateDrift(*store_, "other", "Topic", edit).ok());
  EXPECT_FALSE(DetectStackDrift(*store_, "other").ok());
}

}  // namespace
}  // namespace cfnx
