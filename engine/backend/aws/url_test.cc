// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/backend/aws/url.h"

#include <gtest/gtest.h>

namespace cfnx {
namespace {

TEST(UrlTest, SplitsAbsoluteUrls) {
  ErrorOr<Url> u = ParseUrl("HTTP://User@127.0.0.1:5000/a/b?x=1&y#frag");
  ASSERT_TRUE(u.ok()) << u.error().message;
  EXPECT_EQ(u->scheme, "http");
  EXPECT_EQ(u->host, "127.0.0.1");
  EXPECT_EQ(u->port, 5000);
  EXPECT_EQ(u->path, "/a/b");
  EXPECT_EQ(u->query, "x=1&y");
  EXPECT_EQ(u->HostHeader(), "127.0.0.1:5000");
  EXPECT_EQ(u->Origin(), "http://127.0.0.1:5000");
}

TEST(UrlTest, DefaultPortIsLeftOutOfHost) {
  ErrorOr<Url> u = ParseUrl("https://S3.us-east-1.amazonaws.com:443");
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->HostHeader(), "s3.us-east-1.amazonaws.com");
  EXPECT_EQ(u->path, "");
  ErrorOr<Url> v6 = ParseUrl("http://[::1]:8080/");
  ASSERT_TRUE(v6.ok());
  EXPECT_EQ(v6->HostHeader(), "[::1]:8080");
}

TEST(UrlTest, RefusesWhatIsNotAnHttpUrl) {
  EXPECT_FALSE(ParseUrl("localhost:5000").ok());
  EXPECT_FALSE(ParseUrl("ftp://host/").ok());
  EXPECT_FALSE(ParseUrl("http://:80/").ok());
  EXPECT_FALSE(ParseUrl("http://host:99999/").ok());
  EXPECT_FALSE(ParseUrl("http://host:8x/").ok());
}

TEST(UrlTest, PercentEncodesOutsideUnreserved) {
  EXPECT_EQ(PercentEncode("a b/c~d-e_f.g+h\xc3\xa9"), "a%20b%2Fc~d-e_f.g%2Bh%C3%A9");
  EXPECT_EQ(PercentEncode("a b/c", "/"), "a%20b/c");
}

TEST(UrlTest, FormEncodesAsPythonUrlencode) {
  EXPECT_EQ(FormEncode({{"Action", "DescribeStacks"}, {"StackName", "a b&c=d/é"}}),
            "Action=DescribeStacks&StackName=a+b%26c%3Dd%2F%C3%A9");
  EXPECT_EQ(FormEncode({}), "");
}

}  // namespace
}  // namespace cfnx
