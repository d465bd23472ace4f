// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The AWS backend end to end against moto on loopback (tests/aws/moto_server.h): the real
// `cfnx` executable plans from live state, deploys through change sets (create, update with a
// replacement, no changes, a template over 51,200 bytes through S3), lists, describes and
// destroys; the live-state plan matches the local backend's for the same history. SigV4 is
// checked against moto with signature checking on. (moto's change sets set no stack outputs or
// exports, so cross-stack exports are not exercised here.)

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "engine/backend/aws/aws_client.h"
#include "engine/backend/aws/curl_transport.h"
#include "tests/aws/moto_server.h"
#include "tests/testing/paths.h"

namespace cfnx {
namespace {

class MotoTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!MotoAvailable()) {
      return;
    }
    server_ = new MotoServer();
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  void SetUp() override {
    if (server_ == nullptr) {
      GTEST_SKIP() << "python3 with moto is not installed";
    }
    ASSERT_TRUE(server_->ok()) << "moto did not start; see " << server_->log_path();
    dir_ = MakeTempDir("cfnx-aws-test");
    env_ = {{"AWS_ENDPOINT_URL", server_->url()},
            {"AWS_ACCESS_KEY_ID", "AKIDCFNXTEST0001"},
            {"AWS_SECRET_ACCESS_KEY", "cfnx-test-secret"},
            {"AWS_REGION", "us-east-1"},
            {"HOME", dir_},
            {"CFNX_STATE", dir_ + "/state.db"}};
  }

  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ + "/" + name) << text;
  }
  CommandResult Cfnx(const std::string& args) {
    return RunShell("'" + testing::BinaryDir() + "/cfnx' " + args, env_, dir_);
  }

  static MotoServer* server_;
  std::string dir_;
  std::map<std::string, std::string> env_;
};
MotoServer* MotoTest::server_ = nullptr;

const char* const kV1 = R"(Parameters:
  Env:
    Type: String
    Default: dev
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub "cfnx-${AWS::StackName}-${Env}"
  Topic:
    Type: AWS::SNS::Topic
Outputs:
  BucketName:
    Value: !Ref Bucket
    Export:
      Name: !Sub "${AWS::StackName}-Bucket"
)";

// BucketName is create-only: the bucket is replaced; a queue is added.
const char* const kV2 = R"(Parameters:
  Env:
    Type: String
    Default: dev
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub "cfnx-${AWS::StackName}-${Env}-v2"
  Topic:
    Type: AWS::SNS::Topic
  Queue:
    Type: AWS::SQS::Queue
Outputs:
  BucketName:
    Value: !Ref Bucket
    Export:
      Name: !Sub "${AWS::StackName}-Bucket"
)";

// (logical id, action, replacement, detail targets) of a plan's JSON, for comparing plans made
// from different backends (physical ids and values differ).
std::string Shape(const std::string& plan_json) {
  nlohmann::json plan = nlohmann::json::parse(plan_json, nullptr, false);
  if (plan.is_discarded()) {
    return "not JSON: " + plan_json;
  }
  std::string out;
  for (const nlohmann::json& c : plan["ChangeSet"]["Changes"]) {
    const nlohmann::json& rc = c["ResourceChange"];
    out += rc.value("LogicalResourceId", "") + " " + rc.value("Action", "") + " " +
           rc.value("Replacement", "-");
    for (const nlohmann::json& d : rc.value("Details", nlohmann::json::array())) {
      out += " [" + d["Target"].value("Attribute", "") + "." + d["Target"].value("Name", "") + " " +
             d["Target"].value("RequiresRecreation", "") + "]";
    }
    out += "\n";
  }
  return out;
}

TEST_F(MotoTest, CreateUpdateWithReplacementNoChangesAndDestroy) {
  Write("v1.yaml", kV1);
  Write("v2.yaml", kV2);
  CommandResult plan = Cfnx("plan v1.yaml --stack app --backend aws");
  ASSERT_EQ(plan.exit_code, 0) << plan.output;
  EXPECT_NE(plan.output.find("Bucket"), std::string::npos) << plan.output;

  CommandResult create = Cfnx("deploy v1.yaml --stack app --backend aws --yes");
  ASSERT_EQ(create.exit_code, 0) << create.output;
  EXPECT_NE(create.output.find("Stack 'app': CREATE_COMPLETE"), std::string::npos) << create.output;
  EXPECT_NE(create.output.find("(CREATE)"), std::string::npos) << create.output;

  CommandResult stacks = Cfnx("stacks --backend aws");
  ASSERT_EQ(stacks.exit_code, 0) << stacks.output;
  EXPECT_NE(stacks.output.find("CREATE_COMPLETE"), std::string::npos) << stacks.output;
  CommandResult describe = Cfnx("describe --stack app --backend aws --format json");
  ASSERT_EQ(describe.exit_code, 0) << describe.output;
  nlohmann::json d = nlohmann::json::parse(describe.output, nullptr, false);
  ASSERT_FALSE(d.is_discarded()) << describe.output;
  EXPECT_EQ(d["StackStatus"], "CREATE_COMPLETE");
  EXPECT_EQ(d["Resources"].size(), 2u);
  EXPECT_EQ(d["Parameters"][0]["ParameterValue"], "dev");

  // The live state plans a replacement of the bucket and the new queue.
  CommandResult update_plan = Cfnx("plan v2.yaml --stack app --backend aws --format json");
  ASSERT_EQ(update_plan.exit_code, 0) << update_plan.output;
  EXPECT_EQ(Shape(update_plan.output),
            "Bucket Modify True [Properties.BucketName Always]\nQueue Add -\n");

  CommandResult update = Cfnx("deploy v2.yaml --stack app --backend aws --yes");
  ASSERT_EQ(update.exit_code, 0) << update.output;
  EXPECT_NE(update.output.find("(UPDATE)"), std::string::npos) << update.output;
  EXPECT_NE(update.output.find("Stack 'app': UPDATE_COMPLETE"), std::string::npos) << update.output;
  // moto's change sets carry no Replacement or Details; Bucket and Queue agree with the plan
  // (moto also calls the untouched Topic "Modify", which the comparison reports).
  EXPECT_EQ(update.output.find("  - Bucket:"), std::string::npos) << update.output;
  EXPECT_EQ(update.output.find("  - Queue:"), std::string::npos) << update.output;

  CommandResult again = Cfnx("deploy v2.yaml --stack app --backend aws --yes");
  ASSERT_EQ(again.exit_code, 0) << again.output;
  EXPECT_NE(again.output.find("No changes"), std::string::npos) << again.output;

  CommandResult destroy = Cfnx("destroy --stack app --backend aws --yes");
  ASSERT_EQ(destroy.exit_code, 0) << destroy.output;
  EXPECT_NE(destroy.output.find("DELETE_COMPLETE"), std::string::npos) << destroy.output;
  CommandResult gone = Cfnx("describe --stack app --backend aws");
  EXPECT_EQ(gone.exit_code, 1) << gone.output;
}

TEST_F(MotoTest, LivePlanMatchesTheLocalBackendsForTheSameHistory) {
  Write("v1.yaml", kV1);
  Write("v2.yaml", kV2);
  ASSERT_EQ(Cfnx("deploy v1.yaml --stack twin --backend aws --yes").exit_code, 0);
  ASSERT_EQ(Cfnx("deploy v1.yaml --stack twin --backend local --yes").exit_code, 0);
  CommandResult aws = Cfnx("plan v2.yaml --stack twin --backend aws --format json");
  CommandResult local = Cfnx("plan v2.yaml --stack twin --backend local --format json");
  ASSERT_EQ(aws.exit_code, 0) << aws.output;
  ASSERT_EQ(local.exit_code, 0) << local.output;
  EXPECT_EQ(Shape(aws.output), Shape(local.output));
  EXPECT_NE(Shape(aws.output), "");
  // CFNX_BACKEND selects the backend too.
  env_["CFNX_BACKEND"] = "aws";
  CommandResult by_env = Cfnx("plan v2.yaml --stack twin --format json");
  ASSERT_EQ(by_env.exit_code, 0) << by_env.output;
  EXPECT_EQ(Shape(by_env.output), Shape(aws.output));
}

// SSM parameter types resolve through SSM's GetParameters on the AWS backend, as CloudFormation
// resolves them: the plan shows ResolvedValue and the value flows into properties; a name SSM
// does not hold is E9015, as with --ssm-parameters.
TEST_F(MotoTest, SsmParameterTypesResolveThroughSsm) {
  CommandResult put = RunShell(
      "python3 -c \"import boto3, os; boto3.client('ssm', region_name='us-east-1', "
      "endpoint_url=os.environ['AWS_ENDPOINT_URL']).put_parameter(Name='/cfnx/topic', "
      "Value='orders', Type='String')\"",
      env_, dir_);
  ASSERT_EQ(put.exit_code, 0) << put.output;
  Write("ssm.yaml", R"(Parameters:
  TopicName:
    Type: AWS::SSM::Parameter::Value<String>
    Default: /cfnx/topic
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !Ref TopicName
)");
  CommandResult plan = Cfnx("plan ssm.yaml --stack ssm --backend aws --format json");
  ASSERT_EQ(plan.exit_code, 0) << plan.output;
  EXPECT_NE(plan.output.find("\"ResolvedValue\": \"orders\""), std::string::npos) << plan.output;
  EXPECT_NE(plan.output.find("orders"), plan.output.rfind("orders"))
      << "the value reaches the topic";
  CommandResult missing =
      Cfnx("plan ssm.yaml --stack ssm --backend aws --parameters TopicName=/cfnx/missing");
  EXPECT_EQ(missing.exit_code, 1) << missing.output;
  EXPECT_NE(missing.output.find("E9015"), std::string::npos) << missing.output;
}

TEST_F(MotoTest, LargeTemplateGoesThroughS3) {
  std::string big = kV1;
  big += "Metadata:\n  Padding: \"" + std::string(60000, 'x') + "\"\n";
  Write("big.yaml", big);
  CommandResult refused = Cfnx("deploy big.yaml --stack big --backend aws --yes");
  EXPECT_EQ(refused.exit_code, 1) << refused.output;
  EXPECT_NE(refused.output.find("pass --s3-bucket"), std::string::npos) << refused.output;

  ASSERT_EQ(RunShell("curl -s -X PUT " + server_->url() + "/cfnx-artifacts", env_, dir_).exit_code,
            0);
  CommandResult r = Cfnx(
      "deploy big.yaml --stack big --backend aws --yes --s3-bucket cfnx-artifacts "
      "--s3-prefix templates --debug");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("Uploaded template to s3://cfnx-artifacts/templates/"), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("S3 PutObject"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("CREATE_COMPLETE"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("cfnx-test-secret"), std::string::npos) << "secret in --debug output";
}

TEST_F(MotoTest, MissingCredentialsListWhatWasTried) {
  env_.erase("AWS_ACCESS_KEY_ID");
  env_.erase("AWS_SECRET_ACCESS_KEY");
  Write("v1.yaml", kV1);
  CommandResult r = Cfnx("plan v1.yaml --stack app --backend aws");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("no AWS credentials found; tried:"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("profile default: not in " + dir_ + "/.aws/credentials"),
            std::string::npos)
      << r.output;
}

// moto with IAM checks on (INITIAL_NO_AUTH_ACTION_COUNT): the first three actions make a user
// with a key and a policy; after that every request's SigV4 signature is verified.
TEST(MotoSignatureTest, SignaturesAreAcceptedAndAWrongSecretIsRefused) {
  if (!MotoAvailable()) {
    GTEST_SKIP() << "python3 with moto is not installed";
  }
  MotoServer server(std::map<std::string, std::string>{{"INITIAL_NO_AUTH_ACTION_COUNT", "3"}});
  ASSERT_TRUE(server.ok()) << server.log_path();
  ErrorOr<std::unique_ptr<HttpTransport>> curl = MakeCurlTransport({});
  ASSERT_TRUE(curl.ok());
  std::shared_ptr<HttpTransport> transport = std::move(*curl);
  auto client = [&](AwsCredentials creds) {
    AwsClientOptions o;
    o.region = "us-east-1";
    o.endpoints.flag = server.url();
    o.transport = transport;
    o.credentials = [creds]() -> ErrorOr<AwsCredentials> {
      return creds;
    };
    o.max_attempts = 1;
    return AwsClient(std::move(o));
  };
  AwsClient setup = client({"AKIDSETUP0000000", "setup", "", "", "test"});
  const char* const kIam = "2010-05-08";
  ASSERT_TRUE(setup.Query("iam", kIam, "CreateUser", {{"UserName", "deployer"}})->ok());
  ErrorOr<QueryResponse> key =
      setup.Query("iam", kIam, "CreateAccessKey", {{"UserName", "deployer"}});
  ASSERT_TRUE(key.ok() && key->ok());
  pugi::xml_node k = key->result.child("AccessKey");
  AwsCredentials good{k.child_value("AccessKeyId"), k.child_value("SecretAccessKey"), "", "",
                      "test"};
  ASSERT_TRUE(
      setup
          .Query("iam", kIam, "PutUserPolicy",
                 {{"UserName", "deployer"},
                  {"PolicyName", "all"},
                  {"PolicyDocument", R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow",)"
                                     R"("Action":"*","Resource":"*"}]})"}})
          ->ok());

  AwsClient signed_ok = client(good);
  ErrorOr<QueryResponse> r = signed_ok.Query("cloudformation", "2010-05-15", "DescribeStacks", {});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->ok()) << r->error->Describe("DescribeStacks");

  AwsCredentials bad = good;
  bad.secret_access_key += "x";
  AwsClient refused = client(bad);
  r = refused.Query("cloudformation", "2010-05-15", "DescribeStacks", {});
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_FALSE(r->ok());
  EXPECT_EQ(r->error->code, "SignatureDoesNotMatch");
  EXPECT_NE(r->error->message.find("the credentials were refused"), std::string::npos)
      << r->error->message;
}

}  // namespace
}  // namespace cfnx
