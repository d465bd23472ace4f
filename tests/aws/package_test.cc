// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// A SAM application with local artifacts (`CodeUri: ./src`, a layer's `ContentUri`) deployed
// to moto on loopback: the artifacts are zipped deterministically, uploaded under their
// content hash to --s3-bucket/--s3-prefix (checked with python's zipfile), skipped when
// already there, and the stack is created and updated; a path leading outside the template's
// tree is refused before anything is uploaded. AWS::Include snippets are packaged too.

#include <gtest/gtest.h>

#include "tests/aws/moto_server.h"
#include "tests/testing/paths.h"

namespace cfnx {
namespace {

const char* const kSamApp = R"(Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: ./src
      Handler: app.handler
      Runtime: python3.12
      Layers:
        - !Ref Deps
  Deps:
    Type: AWS::Serverless::LayerVersion
    Properties:
      ContentUri: layer/
Outputs:
  FunctionName:
    Value: !Ref Fn
)";

class PackageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (MotoAvailable()) {
      server_ = new MotoServer();
    }
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
    sandbox_ = std::make_unique<CfnxSandbox>(cfnx::testing::BinaryDir() + "/cfnx", server_->url());
  }
  void MakeBucket(const std::string& name) {
    ASSERT_EQ(Shell("curl -sf -X PUT " + server_->url() + "/" + name).exit_code, 0);
  }
  CommandResult Shell(const std::string& command) {
    return RunShell(command, sandbox_->env(), sandbox_->dir());
  }
  // The key after "Uploaded WHAT to s3://cfnx-artifacts/" in `output`.
  static std::string UploadedKey(const std::string& output, const std::string& what) {
    std::string marker = "Uploaded " + what + " to s3://cfnx-artifacts/";
    size_t at = output.find(marker);
    if (at == std::string::npos) {
      return "";
    }
    at += marker.size();
    return output.substr(at, output.find('\n', at) - at);
  }

  static MotoServer* server_;
  std::unique_ptr<CfnxSandbox> sandbox_;
};
MotoServer* PackageTest::server_ = nullptr;

TEST_F(PackageTest, SamApplicationWithLocalCodeUriDeploysToMoto) {
  MakeBucket("cfnx-artifacts");
  sandbox_->Write("template.yaml", kSamApp);
  sandbox_->Write("src/app.py", "def handler(event, context):\n    return 1\n");
  sandbox_->Write("src/lib/helpers.py", "X = 1\n");
  sandbox_->Write("layer/python/dep.py", "Y = 2\n");
  const std::string deploy =
      "deploy template.yaml --stack samapp --backend aws --yes --s3-bucket cfnx-artifacts "
      "--s3-prefix app --capabilities CAPABILITY_IAM CAPABILITY_AUTO_EXPAND";

  CommandResult no_bucket = sandbox_->Cfnx(
      "deploy template.yaml --stack samapp --backend aws --yes --capabilities CAPABILITY_IAM "
      "CAPABILITY_AUTO_EXPAND");
  EXPECT_EQ(no_bucket.exit_code, 1) << no_bucket.output;
  EXPECT_NE(no_bucket.output.find("the template names local artifacts (/Resources/Fn/Properties/"
                                  "CodeUri ./src, /Resources/Deps/Properties/ContentUri layer/): "
                                  "pass --s3-bucket"),
            std::string::npos)
      << no_bucket.output;

  CommandResult create = sandbox_->Cfnx(deploy);
  ASSERT_EQ(create.exit_code, 0) << create.output;
  EXPECT_NE(create.output.find("Stack 'samapp': CREATE_COMPLETE"), std::string::npos)
      << create.output;
  std::string code_key = UploadedKey(create.output, "/Resources/Fn/Properties/CodeUri ./src");
  std::string layer_key =
      UploadedKey(create.output, "/Resources/Deps/Properties/ContentUri layer/");
  ASSERT_EQ(code_key.size(), std::string("app/").size() + 64 + 4) << create.output;
  EXPECT_EQ(code_key.substr(0, 4), "app/");
  EXPECT_EQ(code_key.substr(code_key.size() - 4), ".zip");
  EXPECT_NE(layer_key, "") << create.output;
  // The function CloudFormation made reads its code from the uploaded object.
  CommandResult template_body =
      sandbox_->Cfnx("describe --stack samapp --backend aws --format json");
  ASSERT_EQ(template_body.exit_code, 0) << template_body.output;
  EXPECT_NE(template_body.output.find("AWS::Lambda::Function"), std::string::npos)
      << template_body.output;

  // The object is a zip python reads, with the files at their relative paths.
  // (moto tells services apart by the credential scope of the Authorization header.)
  CommandResult listed = Shell(
      "curl -sf -H 'Authorization: AWS4-HMAC-SHA256 Credential=AKIDCFNXTEST0001/20260101/"
      "us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0' -o code.zip " +
      server_->url() + "/cfnx-artifacts/" + code_key +
      " && python3 -c 'import zipfile; z = zipfile.ZipFile(\"code.zip\"); "
      "assert z.testzip() is None; print(sorted(z.namelist()))'");
  ASSERT_EQ(listed.exit_code, 0) << listed.output;
  EXPECT_EQ(listed.output, "['app.py', 'lib/helpers.py']\n");

  // Unchanged: nothing uploaded, nothing to change.
  CommandResult again = sandbox_->Cfnx(deploy);
  ASSERT_EQ(again.exit_code, 0) << again.output;
  EXPECT_NE(again.output.find("Artifact already in s3://cfnx-artifacts/" + code_key),
            std::string::npos)
      << again.output;
  EXPECT_EQ(again.output.find("Uploaded "), std::string::npos) << again.output;
  EXPECT_NE(again.output.find("No changes"), std::string::npos) << again.output;

  // New code: a new key, and the function is updated.
  sandbox_->Write("src/app.py", "def handler(event, context):\n    return 2\n");
  CommandResult update = sandbox_->Cfnx(deploy);
  ASSERT_EQ(update.exit_code, 0) << update.output;
  std::string new_key = UploadedKey(update.output, "/Resources/Fn/Properties/CodeUri ./src");
  EXPECT_NE(new_key, "") << update.output;
  EXPECT_NE(new_key, code_key);
  EXPECT_NE(update.output.find("Stack 'samapp': UPDATE_COMPLETE"), std::string::npos)
      << update.output;

  CommandResult destroy = sandbox_->Cfnx("destroy --stack samapp --backend aws --yes");
  EXPECT_EQ(destroy.exit_code, 0) << destroy.output;
}

TEST_F(PackageTest, ArtifactsOutsideTheTemplatesTreeAreRefusedBeforeAnyUpload) {
  MakeBucket("cfnx-escape");
  sandbox_->Write("outside/secret.py", "SECRET = 1\n");
  sandbox_->Write("app/template.yaml", std::string(kSamApp));
  sandbox_->Write("app/layer/dep.py", "Y = 2\n");
  ASSERT_EQ(Shell("ln -s ../outside app/src").exit_code, 0);
  CommandResult r = sandbox_->Cfnx(
      "deploy app/template.yaml --stack escape --backend aws --yes --s3-bucket cfnx-escape "
      "--capabilities CAPABILITY_IAM CAPABILITY_AUTO_EXPAND");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("app/template.yaml:6:16: error E5002: "), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("Local artifact './src' of Fn (AWS::Serverless::Function) is outside"),
            std::string::npos)
      << r.output;
  EXPECT_EQ(r.output.find("Uploaded"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("SECRET"), std::string::npos) << r.output;
  CommandResult listing = Shell(
      "curl -sf -H 'Authorization: AWS4-HMAC-SHA256 Credential=AKIDCFNXTEST0001/20260101/"
      "us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0' '" +
      server_->url() + "/cfnx-escape?list-type=2'");
  EXPECT_EQ(listing.exit_code, 0) << listing.output;
  EXPECT_EQ(listing.output.find("<Key>"), std::string::npos) << listing.output;
}

// An AWS::Include snippet with a local Location is packaged like any artifact (aws-cli's
// Fn::Transform handler): `plan --backend aws` names its S3 location in the template it would
// send and still plans what the snippet holds, read from the file it uploads.
TEST_F(PackageTest, IncludeSnippetsArePackagedAndPlanned) {
  MakeBucket("cfnx-include");
  sandbox_->Write("template.yaml", R"(Resources:
  Queue:
    Type: AWS::SQS::Queue
  Fn::Transform:
    Name: AWS::Include
    Parameters:
      Location: snippets/bucket.yaml
)");
  sandbox_->Write("snippets/bucket.yaml", "Bucket:\n  Type: AWS::S3::Bucket\n");
  CommandResult plan = sandbox_->Cfnx(
      "plan template.yaml --stack include --backend aws --s3-bucket cfnx-include -o plan.json");
  ASSERT_EQ(plan.exit_code, 0) << plan.output;
  EXPECT_NE(plan.output.find("+ Bucket (AWS::S3::Bucket)"), std::string::npos) << plan.output;
  EXPECT_NE(plan.output.find("+ Queue (AWS::SQS::Queue)"), std::string::npos) << plan.output;

  CommandResult no_bucket = sandbox_->Cfnx("plan template.yaml --stack include --backend aws");
  EXPECT_EQ(no_bucket.exit_code, 1) << no_bucket.output;
  EXPECT_NE(no_bucket.output.find("the template names local artifacts (/Resources/Fn::Transform/"
                                  "Parameters/Location snippets/bucket.yaml)"),
            std::string::npos)
      << no_bucket.output;
}

}  // namespace
}  // namespace cfnx
