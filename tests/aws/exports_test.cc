// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Exports across two stacks against moto on loopback: ListExports and ListImports become the
// StackState cfnx plans with. The consumer's live plan resolves the producer's export; the
// producer's update that removes the export is forecast as E9003 naming the consumer, and
// destroying the producer is refused with E9008 until cfnx has destroyed the consumer.
//
// moto 5 leaves gaps, filled here: it answers ListImports with a 500, so
// tests/aws/fault_proxy.py (with no faults) in front of it answers ListImports from the stacks'
// templates (--list-imports); and stacks it creates through change sets neither get outputs and
// exports nor resolve Fn::ImportValue ("No export named ... found"), so both stacks are created
// with CreateStack, directly.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/aws/moto_server.h"
#include "tests/testing/paths.h"

namespace cfnx {
namespace {

const char* const kProducer =
    R"({"Resources": {"Topic": {"Type": "AWS::SNS::Topic"}},
        "Outputs": {"TopicArn": {"Value": {"Ref": "Topic"},
                                 "Export": {"Name": "shared-topic-arn"}}}})";

// The update that drops the export.
const char* const kProducerV2 = R"(Resources:
  Topic:
    Type: AWS::SNS::Topic
)";

const char* const kConsumer = R"(Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      Tags:
        - Key: topic
          Value: !ImportValue shared-topic-arn
)";

class ExportsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!MotoAvailable()) {
      GTEST_SKIP() << "python3 with moto is not installed";
    }
    moto_ = std::make_unique<MotoServer>();
    ASSERT_TRUE(moto_->ok()) << "moto did not start; see " << moto_->log_path();
    proxy_ = std::make_unique<LoopbackServer>(
        std::vector<std::string>{"python3", AwsTestToolsDir() + "/fault_proxy.py", "--port",
                                 "{PORT}", "--upstream", moto_->url(), "--list-imports"},
        std::map<std::string, std::string>{}, "/moto-api/");
    ASSERT_TRUE(proxy_->ok()) << "the proxy did not start; see " << proxy_->log_path();
    sandbox_ = std::make_unique<CfnxSandbox>(cfnx::testing::BinaryDir() + "/cfnx", proxy_->url());
  }

  // CreateStack straight to moto (moto tells services apart by the credential scope of the
  // Authorization header; it does not check signatures).
  bool CreateStack(const std::string& name, const std::string& file) {
    CommandResult r = RunShell(
        "curl -sf -H 'Authorization: AWS4-HMAC-SHA256 Credential=AKIDCFNXTEST0001/20260101/"
        "us-east-1/cloudformation/aws4_request, SignedHeaders=host, Signature=0' "
        "-d Action=CreateStack -d Version=2010-05-15 -d StackName=" +
            name + " --data-urlencode TemplateBody@" + file + " " + moto_->url() + "/",
        sandbox_->env(), sandbox_->dir());
    EXPECT_EQ(r.exit_code, 0) << r.output;
    return r.exit_code == 0;
  }

  std::unique_ptr<MotoServer> moto_;
  std::unique_ptr<LoopbackServer> proxy_;
  std::unique_ptr<CfnxSandbox> sandbox_;
};

TEST_F(ExportsTest, ImportsAcrossTwoStacksArePlannedAndProtected) {
  sandbox_->Write("producer.json", kProducer);
  sandbox_->Write("producer-v2.yaml", kProducerV2);
  sandbox_->Write("consumer.yaml", kConsumer);
  ASSERT_TRUE(CreateStack("producer", "producer.json"));

  CommandResult producer = sandbox_->Cfnx("describe --stack producer --backend aws --format json");
  ASSERT_EQ(producer.exit_code, 0) << producer.output;
  nlohmann::json described = nlohmann::json::parse(producer.output, nullptr, false);
  ASSERT_FALSE(described.is_discarded()) << producer.output;
  std::string topic_arn = described["Outputs"][0].value("OutputValue", "");
  ASSERT_EQ(topic_arn.rfind("arn:aws:sns:us-east-1:", 0), 0u) << producer.output;

  // The live exports resolve the import in the plan.
  CommandResult plan = sandbox_->Cfnx(
      "plan consumer.yaml --stack consumer --backend aws "
      "--format json");
  ASSERT_EQ(plan.exit_code, 0) << plan.output;
  EXPECT_NE(plan.output.find(topic_arn), std::string::npos) << plan.output;

  CommandResult processed = sandbox_->Cfnx("transform consumer.yaml -o consumer.json");
  ASSERT_EQ(processed.exit_code, 0) << processed.output;
  ASSERT_TRUE(CreateStack("consumer", "consumer.json"));

  // ListImports names the consumer: dropping the export is forecast to fail...
  CommandResult update = sandbox_->Cfnx("plan producer-v2.yaml --stack producer --backend aws");
  EXPECT_EQ(update.exit_code, 1) << update.output;
  EXPECT_NE(update.output.find("This update removes export 'shared-topic-arn', which stack(s) "
                               "consumer import; CloudFormation will refuse it."),
            std::string::npos)
      << update.output;
  // ... and deleting the producer is refused before asking.
  CommandResult refused = sandbox_->Cfnx("destroy --stack producer --backend aws --yes");
  EXPECT_EQ(refused.exit_code, 1) << refused.output;
  EXPECT_NE(refused.output.find("E9008"), std::string::npos) << refused.output;
  EXPECT_NE(refused.output.find("Stack 'producer' exports 'shared-topic-arn', which stack(s) "
                                "consumer import"),
            std::string::npos)
      << refused.output;

  // Once the consumer is gone, the producer goes too.
  CommandResult gone = sandbox_->Cfnx("destroy --stack consumer --backend aws --yes");
  ASSERT_EQ(gone.exit_code, 0) << gone.output;
  CommandResult destroyed = sandbox_->Cfnx("destroy --stack producer --backend aws --yes");
  EXPECT_EQ(destroyed.exit_code, 0) << destroyed.output;
  EXPECT_NE(destroyed.output.find("DELETE_COMPLETE"), std::string::npos) << destroyed.output;
}

}  // namespace
}  // namespace cfnx
