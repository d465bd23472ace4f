// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/backend/aws/config_file.h"

#include <gtest/gtest.h>

#include "engine/backend/aws/region.h"
#include "engine/backend/aws/retry.h"

namespace cfnx {
namespace {

EnvLookup Env(std::map<std::string, std::string> vars) {
  return [vars](const std::string& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) {
      return std::nullopt;
    }
    return it->second;
  };
}

TEST(ConfigFileTest, ParsesProfilesAsTheCliDoes) {
  ErrorOr<AwsConfigFiles> files = ParseAwsConfigFiles(
      "# comment\n[default]\naws_access_key_id = AKIDDEFAULT\r\n"
      "AWS_Secret_Access_Key=s3cr3t\n[dev]\naws_access_key_id: AKIDDEV\n",
      "[default]\nregion = eu-west-1\n[profile dev]\nregion=us-west-2\ns3 =\n"
      "  max_concurrent_requests = 10\n; comment\n[sso-session corp]\nsso_region = x\n"
      "[profile   spaced  ]\nregion = ap-south-1\n");
  ASSERT_TRUE(files.ok()) << files.error().message;
  EXPECT_EQ(files->Get("default", "aws_secret_access_key"), "s3cr3t");
  EXPECT_EQ(files->Get("default", "region"), "eu-west-1");
  EXPECT_EQ(files->Get("dev", "aws_access_key_id"), "AKIDDEV");
  EXPECT_EQ(files->Get("dev", "region"), "us-west-2");
  EXPECT_EQ(files->Get("dev", "s3"), "\nmax_concurrent_requests = 10");
  EXPECT_EQ(files->Get("spaced", "region"), "ap-south-1");
  EXPECT_FALSE(files->HasProfile("corp"));
  EXPECT_FALSE(files->HasProfile("sso-session corp"));
}

TEST(ConfigFileTest, ReportsMalformedLines) {
  ErrorOr<AwsConfigFiles> files = ParseAwsConfigFiles("key = before section\n", "");
  ASSERT_FALSE(files.ok());
  EXPECT_EQ(files.error().message, "credentials:1: a setting before any [section]");
  files = ParseAwsConfigFiles("", "[default]\n[broken\n");
  ASSERT_FALSE(files.ok());
  EXPECT_EQ(files.error().message, "config:2: malformed section header");
}

TEST(ConfigFileTest, ProfileNameFromFlagThenEnvironment) {
  EXPECT_EQ(ProfileName(Env({{"AWS_PROFILE", "env"}}), "flag"), "flag");
  EXPECT_EQ(ProfileName(Env({{"AWS_PROFILE", "env"}}), ""), "env");
  EXPECT_EQ(ProfileName(Env({{"AWS_PROFILE", ""}}), ""), "default");
  EXPECT_EQ(ProfileName(Env({}), ""), "default");
}

TEST(ConfigFileTest, MissingFilesAreEmpty) {
  ErrorOr<AwsConfigFiles> files = LoadAwsConfigFiles(
      Env({{"HOME", "/nonexistent"}, {"AWS_CONFIG_FILE", "/nonexistent/config"}}));
  ASSERT_TRUE(files.ok());
  EXPECT_EQ(files->credentials_path, "/nonexistent/.aws/credentials");
  EXPECT_EQ(files->config_path, "/nonexistent/config");
  EXPECT_TRUE(files->config.empty());
}

TEST(RegionTest, FlagThenEnvironmentThenProfile) {
  ErrorOr<AwsConfigFiles> files = ParseAwsConfigFiles("", "[profile p]\nregion = eu-north-1\n");
  ASSERT_TRUE(files.ok());
  EnvLookup both = Env({{"AWS_REGION", "us-west-1"}, {"AWS_DEFAULT_REGION", "us-west-2"}});
  EXPECT_EQ(*ResolveRegion("ca-central-1", both, *files, "p"), "ca-central-1");
  EXPECT_EQ(*ResolveRegion("", both, *files, "p"), "us-west-1");
  EXPECT_EQ(*ResolveRegion("", Env({{"AWS_DEFAULT_REGION", "us-west-2"}}), *files, "p"),
            "us-west-2");
  EXPECT_EQ(*ResolveRegion("", Env({}), *files, "p"), "eu-north-1");
  ErrorOr<std::string> none = ResolveRegion("", Env({}), *files, "other");
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.error().message.find("pass --region"), std::string::npos);
  EXPECT_FALSE(ResolveRegion("US East", Env({}), *files, "p").ok());
  EXPECT_EQ(PartitionOfRegion("cn-north-1"), "aws-cn");
  EXPECT_EQ(PartitionOfRegion("us-gov-west-1"), "aws-us-gov");
  EXPECT_EQ(PartitionOfRegion("eu-west-1"), "aws");
}

TEST(RetryTest, MaxAttemptsFromEnvironmentOrProfile) {
  ErrorOr<AwsConfigFiles> files = ParseAwsConfigFiles("", "[default]\nmax_attempts = 7\n");
  ASSERT_TRUE(files.ok());
  EXPECT_EQ(*MaxAttempts(Env({{"AWS_MAX_ATTEMPTS", "5"}}), *files, "default"), 5);
  EXPECT_EQ(*MaxAttempts(Env({}), *files, "default"), 7);
  EXPECT_EQ(*MaxAttempts(Env({}), *files, "other"), 3);
  EXPECT_FALSE(MaxAttempts(Env({{"AWS_MAX_ATTEMPTS", "0"}}), *files, "default").ok());
  EXPECT_FALSE(MaxAttempts(Env({{"AWS_MAX_ATTEMPTS", "3x"}}), *files, "default").ok());
}

TEST(RetryTest, ClassifiesAsStandardMode) {
  EXPECT_TRUE(RetryPolicy::IsRetryable({400, "Throttling", false}));
  EXPECT_TRUE(RetryPolicy::IsRetryable({400, "RequestLimitExceeded", false}));
  EXPECT_TRUE(RetryPolicy::IsRetryable({400, "RequestTimeout", false}));
  EXPECT_TRUE(RetryPolicy::IsRetryable({503, "", false}));
  EXPECT_TRUE(RetryPolicy::IsRetryable({0, "", true}));
  EXPECT_FALSE(RetryPolicy::IsRetryable({400, "ValidationError", false}));
  EXPECT_FALSE(RetryPolicy::IsRetryable({403, "SignatureDoesNotMatch", false}));
  EXPECT_FALSE(RetryPolicy::IsRetryable({501, "", false}));
}

TEST(RetryTest, BackoffIsFullJitterUnderACap) {
  EXPECT_DOUBLE_EQ(RetryPolicy::Backoff(1, 0.5), 0.5);
  EXPECT_DOUBLE_EQ(RetryPolicy::Backoff(3, 0.5), 2.0);
  EXPECT_DOUBLE_EQ(RetryPolicy::Backoff(10, 0.999), 0.999 * 20);
  EXPECT_DOUBLE_EQ(RetryPolicy::Backoff(2, 0.0), 0.0);
}

TEST(RetryTest, QuotaStopsRetryStorms) {
  RetryPolicy policy;
  int granted = 0;
  while (policy.AcquireRetry({503, "", false})) {
    ++granted;
  }
  EXPECT_EQ(granted, 100);  // 500 / 5
  policy.OnSuccess(/*retried=*/true);
  EXPECT_EQ(policy.available_quota(), 5);
  EXPECT_FALSE(policy.AcquireRetry({0, "", /*timeout=*/true}));  // a timeout retry costs 10
}

}  // namespace
}  // namespace cfnx
