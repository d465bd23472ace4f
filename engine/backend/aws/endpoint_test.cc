// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/backend/aws/endpoint.h"

#include <gtest/gtest.h>

namespace cfnx {
namespace {

EnvLookup Env(std::map<std::string, std::string> vars) {
  return [vars](const std::string& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    return it == vars.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
}

std::string Resolve(const std::string& service, const EndpointSettings& s,
                    const std::string& region = "eu-west-1") {
  ErrorOr<Endpoint> e = ResolveEndpoint(service, region, s);
  if (!e.ok()) {
    return "error: " + e.error().message;
  }
  return e->url.Origin() + e->url.path + " (" + e->source + (e->custom ? ", custom" : "") + ")";
}

TEST(EndpointTest, DefaultsToTheRegionalEndpoint) {
  EndpointSettings s{"", Env({}), nullptr, "default"};
  EXPECT_EQ(Resolve("cloudformation", s),
            "https://cloudformation.eu-west-1.amazonaws.com (default)");
  EXPECT_EQ(Resolve("s3", s, "cn-north-1"), "https://s3.cn-north-1.amazonaws.com.cn (default)");
}

TEST(EndpointTest, FlagThenServiceVariableThenGlobalThenProfile) {
  auto files = std::make_shared<AwsConfigFiles>(
      *ParseAwsConfigFiles("", "[default]\nendpoint_url = http://127.0.0.1:9/\n"));
  EnvLookup env = Env({{"AWS_ENDPOINT_URL_S3", "http://127.0.0.1:7"},
                       {"AWS_ENDPOINT_URL", "http://localhost:8/base/"}});
  EXPECT_EQ(Resolve("s3", {"http://127.0.0.1:6", env, files, "default"}),
            "http://127.0.0.1:6 (--endpoint-url, custom)");
  EXPECT_EQ(Resolve("s3", {"", env, files, "default"}),
            "http://127.0.0.1:7 (AWS_ENDPOINT_URL_S3, custom)");
  EXPECT_EQ(Resolve("cloudformation", {"", env, files, "default"}),
            "http://localhost:8/base (AWS_ENDPOINT_URL, custom)");
  EXPECT_EQ(Resolve("cloudformation", {"", Env({}), files, "default"}),
            "http://127.0.0.1:9 (endpoint_url of profile default, custom)");
  EXPECT_EQ(Resolve("cloudformation", {"",
                                       Env({{"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"},
                                            {"AWS_ENDPOINT_URL", "http://x:1"}}),
                                       files, "default"}),
            "https://cloudformation.eu-west-1.amazonaws.com (default)");
}

TEST(EndpointTest, RefusesMalformedUrls) {
  EXPECT_EQ(Resolve("s3", {"localhost:5000", Env({}), nullptr, "default"}),
            "error: --endpoint-url: 'localhost:5000' is not an absolute URL (http://... or "
            "https://...)");
}

}  // namespace
}  // namespace cfnx
