// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "cfnx/stack_state.h"

#include <cstdio>

#include <gtest/gtest.h>

namespace cfnx {
namespace {

constexpr const char* kState = R"({
  "StackName": "app", "StackId": "arn:aws:cloudformation:us-east-1:123456789012:stack/app/1",
  "StackStatus": "UPDATE_COMPLETE", "Capabilities": ["CAPABILITY_IAM"],
  "TemplateBody": {"Resources": {"Bucket": {"Type": "AWS::S3::Bucket"}}},
  "Parameters": [{"ParameterKey": "Env", "ParameterValue": "prod"}],
  "Resources": [{"LogicalResourceId": "Bucket", "ResourceType": "AWS::S3::Bucket",
                 "PhysicalResourceId": "app-bucket-1", "ResourceStatus": "CREATE_COMPLETE",
                 "Properties": {"BucketName": "app-bucket-1"},
                 "Attributes": {"Arn": "arn:aws:s3:::app-bucket-1"}}],
  "Outputs": [{"OutputKey": "Name", "OutputValue": "app-bucket-1", "ExportName": "app-Name"}],
  "Exports": [{"Name": "app-Name", "Value": "app-bucket-1", "ImportingStacks": ["web", "api"]}]
})";

// Found by the state_db fuzzer: a stored state holding invalid UTF-8 (a damaged or hand-edited
// state database) made the fingerprint `cfnx plan` and deploy compute throw type_error.316.
TEST(StackStateTest, FingerprintOfAStateWithInvalidUtf8) {
  ErrorOr<StackState> state = StackStateFromJsonText(kState);
  ASSERT_TRUE(state.ok()) << state.error().message;
  std::string before = StackStateFingerprint(*state);
  state->status_reason = "bad \xff byte";
  state->resources[0].physical_id = "\xc3";
  std::string after = StackStateFingerprint(*state);
  EXPECT_FALSE(after.empty());
  EXPECT_NE(after, before);
  EXPECT_EQ(after, StackStateFingerprint(*state));
}

TEST(StackStateTest, ReadsTheDocumentedJsonForm) {
  ErrorOr<StackState> state = StackStateFromJsonText(kState);
  ASSERT_TRUE(state.ok()) << state.error().message;
  EXPECT_TRUE(state->exists());
  EXPECT_EQ(state->stack_name, "app");
  EXPECT_EQ(state->capabilities, std::vector<std::string>{"CAPABILITY_IAM"});
  ASSERT_NE(state->FindResource("Bucket"), nullptr);
  EXPECT_EQ(state->FindResource("Bucket")->physical_id, "app-bucket-1");
  EXPECT_EQ(state->FindResource("Bucket")->attributes["Arn"], "arn:aws:s3:::app-bucket-1");
  EXPECT_EQ(state->FindParameter("Env")->value, "prod");
  ASSERT_NE(state->FindExport("app-Name"), nullptr);
  // Importers are sorted so fingerprints do not depend on the order a backend listed them.
  EXPECT_EQ(state->FindExport("app-Name")->importing_stacks,
            (std::vector<std::string>{"api", "web"}));
  EXPECT_EQ(state->template_body["Resources"]["Bucket"]["Type"], "AWS::S3::Bucket");
}

TEST(StackStateTest, RoundTripsAndFingerprintIsStable) {
  ErrorOr<StackState> state = StackStateFromJsonText(kState);
  ASSERT_TRUE(state.ok());
  ErrorOr<StackState> again = StackStateFromJson(StackStateToJson(*state));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(StackStateToJson(*state), StackStateToJson(*again));
  EXPECT_EQ(StackStateFingerprint(*state), StackStateFingerprint(*again));
  EXPECT_EQ(StackStateFingerprint(*state).size(), 16u);
  again->resources[0].physical_id = "other";
  EXPECT_NE(StackStateFingerprint(*state), StackStateFingerprint(*again));
}

// The fingerprint is FNV-1a over the state's JSON text (as documented), whatever the state
// holds (here: empty and full states, and one with two resources).
TEST(StackStateTest, FingerprintIsFnvOfTheJsonText) {
  auto fnv = [](const StackState& s) {
    uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : StackStateToJson(s).dump()) {
      h ^= c;
      h *= 1099511628211ULL;
    }
    char buf[17];
    std::snprintf(buf, sizeof(buf), "%016llx", static_cast<unsigned long long>(h));
    return std::string(buf);
  };
  ErrorOr<StackState> state = StackStateFromJsonText(kState);
  ASSERT_TRUE(state.ok());
  EXPECT_EQ(StackStateFingerprint(*state), fnv(*state));
  EXPECT_EQ(StackStateFingerprint(StackState{}), fnv(StackState{}));
  state->resources.push_back(state->resources[0]);
  state->resources[1].logical_id = "Second";
  state->parameters[0].resolved_value = "resolved";
  EXPECT_EQ(StackStateFingerprint(*state), fnv(*state));
}

TEST(StackStateTest, MissingStackDoesNotExist) {
  StackState empty;
  EXPECT_FALSE(empty.exists());
  empty.status = "REVIEW_IN_PROGRESS";
  EXPECT_FALSE(empty.exists());
  empty.status = "ROLLBACK_COMPLETE";
  EXPECT_TRUE(empty.exists());
  EXPECT_FALSE(IsStableStackStatus("ROLLBACK_COMPLETE"));
  EXPECT_TRUE(IsStableStackStatus("UPDATE_ROLLBACK_COMPLETE"));
}

struct BadCase {
  const char* json;
  const char* want;
};

class StackStateErrorTest : public ::testing::TestWithParam<BadCase> {};

TEST_P(StackStateErrorTest, NamesTheOffendingField) {
  ErrorOr<StackState> state = StackStateFromJsonText(GetParam().json);
  ASSERT_FALSE(state.ok());
  EXPECT_EQ(state.error().message, GetParam().want);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, StackStateErrorTest,
    ::testing::Values(
        BadCase{"[1]", "invalid stack state: '/' must be an object"},
        BadCase{"{", "invalid stack state: not valid JSON"},
        BadCase{R"({"StackName": 3})", "invalid stack state: '/StackName' must be a string"},
        BadCase{R"({"Resources": [{"ResourceType": "T"}]})",
                "invalid stack state: '/Resources/0/LogicalResourceId' must be present"},
        BadCase{R"({"Resources": [{"LogicalResourceId": "A", "ResourceType": "T",
                    "Properties": []}]})",
                "invalid stack state: '/Resources/0/Properties' must be an object"},
        BadCase{R"({"Exports": [{"Name": "x", "ImportingStacks": [1]}]})",
                "invalid stack state: '/Exports/0/ImportingStacks' must be a list of strings"}));

}  // namespace
}  // namespace cfnx
