// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The AWS backend through a faulty network: tests/aws/fault_proxy.py on loopback in front of
// moto answers one call in three with a fault (throttling, HTTP 500, a connection dropped in the
// middle of the answer, a stall longer than --cli-read-timeout, a slow answer), always on the
// same calls. A create, an update and a destroy through it still end right, and the retry count
// that `--debug` prints is the number of retries it logged, at least one per fault the proxy
// injected that needs a retry (a loaded machine may add timeouts of its own).

#include <fstream>
#include <memory>
#include <regex>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "tests/aws/moto_server.h"
#include "tests/testing/paths.h"

namespace cfnx {
namespace {

const char* const kV1 = R"(Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Topic:
    Type: AWS::SNS::Topic
)";

const char* const kV2 = R"(Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: cfnx-faults-renamed
  Topic:
    Type: AWS::SNS::Topic
  Queue:
    Type: AWS::SQS::Queue
)";

std::vector<std::string> Lines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    out.push_back(line);
  }
  return out;
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

// "cfnx: debug: aws: N retries in all" from a command's output; -1 when absent.
int RetriesReported(const std::string& output) {
  std::smatch m;
  if (!std::regex_search(output, m, std::regex("aws: ([0-9]+) retries in all"))) {
    return -1;
  }
  return std::stoi(m[1]);
}

class FaultTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!MotoAvailable()) {
      GTEST_SKIP() << "python3 with moto is not installed";
    }
    moto_ = std::make_unique<MotoServer>();
    ASSERT_TRUE(moto_->ok()) << "moto did not start; see " << moto_->log_path();
    // moto loads its CloudFormation backend at the first call, in seconds: not through the proxy.
    ASSERT_EQ(RunShell("curl -sf -o /dev/null -H 'Authorization: AWS4-HMAC-SHA256 "
                       "Credential=AKIDCFNXTEST0001/20260101/us-east-1/cloudformation/"
                       "aws4_request, SignedHeaders=host, Signature=0' -d Action=ListExports "
                       "-d Version=2010-05-15 " +
                           moto_->url() + "/",
                       {}, "/")
                  .exit_code,
              0);
    log_ = MakeTempDir("cfnx-faults") + "/faults.log";
    proxy_ = std::make_unique<LoopbackServer>(
        std::vector<std::string>{"python3", AwsTestToolsDir() + "/fault_proxy.py", "--port",
                                 "{PORT}", "--upstream", moto_->url(), "--every", "3", "--faults",
                                 "throttle,error500,drop,stall,slow", "--stall-seconds", "6",
                                 "--slow-seconds", "0.5", "--log", log_},
        std::map<std::string, std::string>{}, "/moto-api/");
    ASSERT_TRUE(proxy_->ok()) << "the proxy did not start; see " << proxy_->log_path();
    sandbox_ = std::make_unique<CfnxSandbox>(cfnx::testing::BinaryDir() + "/cfnx", proxy_->url());
  }

  // Runs a command; checks that its reported retries equal the faults injected meanwhile that
  // call for a retry (every kind but "slow").
  CommandResult RunCounted(const std::string& args) {
    size_t before = Lines(log_).size();
    CommandResult r = sandbox_->Cfnx(args + " --debug --cli-read-timeout 3");
    std::vector<std::string> faults = Lines(log_);
    int retried = 0;
    for (size_t i = before; i < faults.size(); ++i) {
      kinds_.insert(
          faults[i].substr(faults[i].find(' ') + 1,
                           faults[i].find(' ', faults[i].find(' ') + 1) - faults[i].find(' ') - 1));
      retried += faults[i].find(" slow ") == std::string::npos ? 1 : 0;
    }
    EXPECT_GT(faults.size(), before) << "no fault injected during: cfnx " << args;
    int reported = RetriesReported(r.output);
    EXPECT_EQ(reported, static_cast<int>(Count(r.output, "; retry "))) << r.output;
    EXPECT_GE(reported, retried) << r.output;
    EXPECT_EQ(r.output.find("cfnx-test-secret"), std::string::npos) << "secret in --debug output";
    return r;
  }

  std::unique_ptr<MotoServer> moto_;
  std::unique_ptr<LoopbackServer> proxy_;
  std::unique_ptr<CfnxSandbox> sandbox_;
  std::string log_;
  std::set<std::string> kinds_;
};

TEST_F(FaultTest, DeployUpdateAndDestroyEndRightThroughFaults) {
  sandbox_->Write("v1.yaml", kV1);
  sandbox_->Write("v2.yaml", kV2);
  CommandResult create = RunCounted("deploy v1.yaml --stack faulty --backend aws --yes");
  ASSERT_EQ(create.exit_code, 0) << create.output;
  EXPECT_NE(create.output.find("Stack 'faulty': CREATE_COMPLETE"), std::string::npos)
      << create.output;

  CommandResult update = RunCounted("deploy v2.yaml --stack faulty --backend aws --yes");
  ASSERT_EQ(update.exit_code, 0) << update.output;
  EXPECT_NE(update.output.find("Stack 'faulty': UPDATE_COMPLETE"), std::string::npos)
      << update.output;

  CommandResult destroy = RunCounted("destroy --stack faulty --backend aws --yes");
  ASSERT_EQ(destroy.exit_code, 0) << destroy.output;
  EXPECT_NE(destroy.output.find("DELETE_COMPLETE"), std::string::npos) << destroy.output;

  EXPECT_EQ(kinds_, (std::set<std::string>{"throttle", "error500", "drop", "stall", "slow"}));
  // --debug says what each retry was for.
  std::string all = create.output + update.output + destroy.output;
  EXPECT_NE(all.find("HTTP 400 Throttling in "), std::string::npos) << all;
  EXPECT_NE(all.find("HTTP 500 InternalFailure in "), std::string::npos) << all;
  EXPECT_NE(all.find("no answer for 3 s (--cli-read-timeout)"), std::string::npos) << all;
  EXPECT_NE(all.find("Transferred a partial file"), std::string::npos) << all;
}

// With a fault on every call of a retried request (one in one), the attempts run out and the
// command says so instead of hanging or crashing.
TEST_F(FaultTest, AttemptsRunOutWithAClearMessage) {
  proxy_.reset();
  proxy_ = std::make_unique<LoopbackServer>(
      std::vector<std::string>{"python3", AwsTestToolsDir() + "/fault_proxy.py", "--port", "{PORT}",
                               "--upstream", moto_->url(), "--every", "1", "--faults", "error500",
                               "--log", log_},
      std::map<std::string, std::string>{}, "/moto-api/");
  ASSERT_TRUE(proxy_->ok()) << proxy_->log_path();
  sandbox_ = std::make_unique<CfnxSandbox>(cfnx::testing::BinaryDir() + "/cfnx", proxy_->url());
  sandbox_->env()["AWS_MAX_ATTEMPTS"] = "2";
  sandbox_->Write("v1.yaml", kV1);
  CommandResult r = sandbox_->Cfnx("plan v1.yaml --stack faulty --backend aws --debug");
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("InternalFailure"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("no attempts left of 2"), std::string::npos) << r.output;
  EXPECT_EQ(Lines(log_).size(), 2u);
}

}  // namespace
}  // namespace cfnx
