// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// AwsClient over a scripted transport: awsQuery encoding, XML results and errors, standard-mode
// retries (what is retried, how long it waits, AWS_MAX_ATTEMPTS), and --debug lines that never
// carry a secret.

#include "engine/backend/aws/aws_client.h"

#include <deque>

#include <gtest/gtest.h>

namespace cfnx {
namespace {

class ScriptedTransport : public HttpTransport {
 public:
  std::deque<HttpResult> answers;
  std::vector<HttpRequest> requests;
  HttpResult Send(const HttpRequest& request) override {
    requests.push_back(request);
    HttpResult next = answers.front();
    answers.pop_front();
    return next;
  }
};

HttpResponse Xml(int status, const std::string& body) {
  return HttpResponse{status, {}, body};
}

const char* const kThrottled =
    "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded"
    "</Message></Error><RequestId>r1</RequestId></ErrorResponse>";

struct Fixture {
  std::shared_ptr<ScriptedTransport> transport = std::make_shared<ScriptedTransport>();
  std::vector<double> sleeps;
  std::vector<std::string> debug;
  AwsClientOptions Options(int max_attempts = 3) {
    AwsClientOptions o;
    o.region = "us-east-1";
    o.endpoints.flag = "http://127.0.0.1:1234";
    o.credentials = []() -> ErrorOr<AwsCredentials> {
      return AwsCredentials{"AKIDEXAMPLE12345678", "TOPSECRETKEY", "SESSIONTOKEN", "", "test"};
    };
    o.transport = transport;
    o.max_attempts = max_attempts;
    o.debug = [this](const std::string& line) {
      debug.push_back(line);
    };
    o.sleep = [this](double s) {
      sleeps.push_back(s);
    };
    o.random = [] {
      return 0.5;
    };
    return o;
  }
};

TEST(AwsClientTest, QueryPostsAFormAndReadsTheResult) {
  Fixture f;
  f.transport->answers.push_back(
      Xml(200,
          "<DescribeStacksResponse xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\">"
          "<DescribeStacksResult><Stacks><member><StackName>a b</StackName></member></Stacks>"
          "</DescribeStacksResult></DescribeStacksResponse>"));
  AwsClient client(f.Options());
  ErrorOr<QueryResponse> r =
      client.Query("cloudformation", "2010-05-15", "DescribeStacks", {{"StackName", "a b"}});
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_TRUE(r->ok());
  EXPECT_EQ(std::string(r->result.child("Stacks").child("member").child_value("StackName")), "a b");
  const HttpRequest& sent = f.transport->requests.at(0);
  EXPECT_EQ(sent.method, "POST");
  EXPECT_EQ(sent.url, "http://127.0.0.1:1234/");
  EXPECT_EQ(sent.body, "Action=DescribeStacks&Version=2010-05-15&StackName=a+b");
  EXPECT_NE(FindHeader(sent.headers, "Authorization")->find("/us-east-1/cloudformation/"),
            std::string::npos);
}

TEST(AwsClientTest, ServiceErrorsAreAnswersNotFailures) {
  Fixture f;
  f.transport->answers.push_back(
      Xml(400,
          "<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code><Message>"
          "Stack with id x does not exist</Message></Error><RequestId>abc</RequestId>"
          "</ErrorResponse>"));
  AwsClient client(f.Options());
  ErrorOr<QueryResponse> r = client.Query("cloudformation", "2010-05-15", "DescribeStacks", {});
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r->ok());
  EXPECT_EQ(r->error->code, "ValidationError");
  EXPECT_EQ(r->error->Describe("CloudFormation DescribeStacks"),
            "CloudFormation DescribeStacks: ValidationError: Stack with id x does not exist "
            "(HTTP 400, request id abc)");
  EXPECT_EQ(f.transport->requests.size(), 1u);  // not retried
}

TEST(AwsClientTest, RetriesThrottlingServerErrorsAndDroppedConnections) {
  Fixture f;
  f.transport->answers.push_back(Xml(400, kThrottled));
  f.transport->answers.push_back(HttpFailure{"Connection reset by peer", false});
  f.transport->answers.push_back(Xml(503, ""));
  f.transport->answers.push_back(Xml(200,
                                     "<ListExportsResponse><ListExportsResult><Exports/>"
                                     "</ListExportsResult></ListExportsResponse>"));
  AwsClient client(f.Options(4));
  ErrorOr<QueryResponse> r = client.Query("cloudformation", "2010-05-15", "ListExports", {});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->ok());
  EXPECT_EQ(client.retries(), 3);
  EXPECT_EQ(f.sleeps, (std::vector<double>{0.5, 1.0, 2.0}));  // 0.5 * 2^(attempt-1)
  ASSERT_EQ(f.debug.size(), 5u);
  EXPECT_EQ(f.debug[1].substr(0, f.debug[1].find(" in ")),
            "aws: cloudformation ListExports -> HTTP 400 Throttling");
  EXPECT_NE(f.debug[1].find("retry 1 of 3 in 0.50 s"), std::string::npos);
  for (const std::string& line : f.debug) {
    EXPECT_EQ(line.find("TOPSECRETKEY"), std::string::npos) << line;
    EXPECT_EQ(line.find("SESSIONTOKEN"), std::string::npos) << line;
  }
  // Every attempt is signed afresh: one Authorization header each.
  for (const HttpRequest& sent : f.transport->requests) {
    int n = 0;
    for (const auto& h : sent.headers) {
      n += h.first == "Authorization" ? 1 : 0;
    }
    EXPECT_EQ(n, 1);
  }
}

TEST(AwsClientTest, GivesUpAfterMaxAttempts) {
  Fixture f;
  for (int i = 0; i < 2; ++i) {
    f.transport->answers.push_back(HttpFailure{"Operation timed out", true});
  }
  AwsClient client(f.Options(2));
  ErrorOr<QueryResponse> r = client.Query("cloudformation", "2010-05-15", "ListExports", {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "cloudformation ListExports: Operation timed out after 2 attempts");
  EXPECT_NE(f.debug.back().find("no attempts left of 2; AWS_MAX_ATTEMPTS raises the limit"),
            std::string::npos);

  Fixture g;
  for (int i = 0; i < 3; ++i) {
    g.transport->answers.push_back(Xml(400, kThrottled));
  }
  AwsClient throttled(g.Options());
  r = throttled.Query("cloudformation", "2010-05-15", "ListExports", {});
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r->ok());
  EXPECT_EQ(r->error->code, "Throttling");
  EXPECT_EQ(throttled.retries(), 2);
}

TEST(AwsClientTest, RefusedCredentialsSaySo) {
  Fixture f;
  f.transport->answers.push_back(
      Xml(403,
          "<ErrorResponse><Error><Code>SignatureDoesNotMatch</Code><Message>The request "
          "signature we calculated does not match the signature you provided.</Message>"
          "</Error></ErrorResponse>"));
  AwsClient client(f.Options());
  ErrorOr<QueryResponse> r = client.Query("sts", "2011-06-15", "GetCallerIdentity", {});
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r->ok());
  EXPECT_NE(r->error->message.find("the credentials were refused: check key AKID...5678 from test"),
            std::string::npos);
}

TEST(AwsClientTest, RestReturnsTheStatusAndS3Errors) {
  Fixture f;
  f.transport->answers.push_back(Xml(404, ""));
  f.transport->answers.push_back(
      Xml(404,
          "<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist"
          "</Message></Error>"));
  AwsClient client(f.Options());
  HttpRequest head{"HEAD", "/bucket/key", {}, ""};
  ErrorOr<AwsClient::RestResponse> r = client.Rest("s3", "S3 HeadObject", head);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->error->code, "NotFound");
  r = client.Rest("s3", "S3 PutObject", HttpRequest{"PUT", "/bucket/key", {}, "data"});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->error->code, "NoSuchBucket");
  EXPECT_EQ(f.transport->requests[1].url, "http://127.0.0.1:1234/bucket/key");
  EXPECT_NE(FindHeader(f.transport->requests[1].headers, "x-amz-content-sha256"), nullptr);
}

}  // namespace
}  // namespace cfnx
