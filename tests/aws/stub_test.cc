// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The comparison and rollback paths of the `cfnx` executable against recorded, AWS-shaped
// CloudFormation answers (tests/aws/scenarios/*.json) played by tests/aws/stub_cloudformation.py
// on loopback: moto's change sets carry no Replacement or Details and it has no rollback state
// machine. The stub logs every call, so the tests check what cfnx asked CloudFormation to do
// (and not do), not only what it printed.

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "tests/aws/moto_server.h"
#include "tests/testing/paths.h"

namespace cfnx {
namespace {

// v1 (as deployed in the scenarios) renamed: the bucket is replaced.
const char* const kV2 = R"({"Resources": {
  "Bucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "cfnx-app-v2"}},
  "Topic": {"Type": "AWS::SNS::Topic"}}})";

class StubTest : public ::testing::Test {
 protected:
  void Start(const std::string& scenario) {
    if (std::system("python3 -c 'import http.server' >/dev/null 2>&1") != 0) {
      GTEST_SKIP() << "python3 is not installed";
    }
    log_ = MakeTempDir("cfnx-stub") + "/calls.log";
    stub_ = std::make_unique<LoopbackServer>(
        std::vector<std::string>{"python3", AwsTestToolsDir() + "/stub_cloudformation.py", "--port",
                                 "{PORT}", "--scenario",
                                 AwsTestToolsDir() + "/scenarios/" + scenario, "--log", log_},
        std::map<std::string, std::string>{}, "/");
    ASSERT_TRUE(stub_->ok()) << "the stub did not start; see " << stub_->log_path();
    sandbox_ = std::make_unique<CfnxSandbox>(cfnx::testing::BinaryDir() + "/cfnx", stub_->url());
    sandbox_->Write("v2.json", kV2);
  }
  // The actions the stub was called with, in order, one per line.
  std::string Actions() const {
    std::ifstream in(log_);
    std::string out;
    for (std::string line; std::getline(in, line);) {
      out += line.substr(0, line.find(' ')) + "\n";
    }
    return out;
  }
  std::string Calls() const {
    std::ifstream in(log_);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }

  std::unique_ptr<LoopbackServer> stub_;
  std::unique_ptr<CfnxSandbox> sandbox_;
  std::string log_;
};

TEST_F(StubTest, RequirePlanMatchRefusesADifferentChangeSetAndDeletesIt) {
  Start("plan_mismatch.json");
  CommandResult r =
      sandbox_->Cfnx("deploy v2.json --stack app --backend aws --yes --require-plan-match");
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("CloudFormation's change set differs from cfnx's plan:\n"
                          "  - Topic: CloudFormation's change set says Modify, cfnx plans no "
                          "change\n"),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("the change set differs from the plan and --require-plan-match is "
                          "set; it was deleted and nothing was deployed"),
            std::string::npos)
      << r.output;
  EXPECT_EQ(Actions(),
            "DescribeStacks\nListExports\nGetTemplate\nListStackResources\nDescribeStacks\n"
            "CreateChangeSet\nDescribeChangeSet\nDescribeChangeSet\nDeleteChangeSet\n");
  // The change set deleted is the one created (by the id CloudFormation gave).
  EXPECT_NE(Calls().find("DeleteChangeSet ChangeSetName=arn:aws:cloudformation:us-east-1:"
                         "123456789012:changeSet/cfnx-recorded/"),
            std::string::npos)
      << Calls();
}

TEST_F(StubTest, AMatchingChangeSetWithReplacementAndDetailsIsExecuted) {
  Start("plan_match.json");
  CommandResult r =
      sandbox_->Cfnx("deploy v2.json --stack app --backend aws --yes --require-plan-match");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("CloudFormation's change set matches cfnx's plan"), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("Stack 'app': UPDATE_COMPLETE"), std::string::npos) << r.output;
  EXPECT_NE(Calls().find("ExecuteChangeSet ChangeSetName=arn:aws:cloudformation"),
            std::string::npos)
      << Calls();
  EXPECT_EQ(Calls().find("DeleteChangeSet"), std::string::npos) << Calls();
  // Not a terminal: plain event lines, no progress line, no escape sequences.
  EXPECT_NE(r.output.find("UPDATE_IN_PROGRESS                             AWS::S3::Bucket"),
            std::string::npos)
      << r.output;
  EXPECT_EQ(r.output.find('\x1b'), std::string::npos) << r.output;
}

// On a terminal (script(1) gives cfnx one) a progress line is drawn and rewritten in place.
TEST_F(StubTest, OnATerminalAProgressLineFollowsTheEvents) {
  Start("plan_match.json");
  sandbox_->env()["TERM"] = "xterm";
  CommandResult r = RunShell("script -qec \"'" + (cfnx::testing::BinaryDir() + "/cfnx") +
                                 "' deploy v2.json --stack app --backend aws --yes\" /dev/null",
                             sandbox_->env(), sandbox_->dir());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("\r\x1b[2K\x1b[1mUPDATE_IN_PROGRESS\x1b[0m  1/1 resources done"),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("Stack 'app': UPDATE_COMPLETE"), std::string::npos) << r.output;
}

// Ctrl-C while following: cfnx stops watching, says how to follow and cancel, exits 130; the
// update goes on (nothing is cancelled or deleted behind the user's back).
TEST_F(StubTest, CtrlCStopsWatchingAndSaysHowToCancel) {
  Start("watch_interrupted.json");
  CommandResult r =
      RunShell("'" + (cfnx::testing::BinaryDir() + "/cfnx") +
                   "' deploy v2.json --stack app --backend aws --yes > out.txt 2>&1 & pid=$!; "
                   "sleep 4; kill -INT $pid; wait $pid; echo \"exit=$?\"; cat out.txt",
               sandbox_->env(), sandbox_->dir());
  EXPECT_NE(r.output.find("exit=130"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("Stopped watching stack 'app' (UPDATE_IN_PROGRESS): CloudFormation "
                          "goes on with the operation."),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("aws cloudformation cancel-update-stack --stack-name app"),
            std::string::npos)
      << r.output;
  EXPECT_NE(Calls().find("ExecuteChangeSet"), std::string::npos) << Calls();
  EXPECT_EQ(Calls().find("DeleteChangeSet"), std::string::npos) << Calls();
}

// --resources-to-import: an IMPORT change set naming the resource and its identifier, compared
// with cfnx's plan (Action Import) and executed to IMPORT_COMPLETE.
TEST_F(StubTest, ResourcesToImportMakeAnImportChangeSet) {
  Start("import.json");
  sandbox_->Write("import.json", R"({"Resources": {
  "Bucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "cfnx-app-v1"}},
  "Topic": {"Type": "AWS::SNS::Topic"},
  "Legacy": {"Type": "AWS::S3::Bucket", "DeletionPolicy": "Retain",
             "Properties": {"BucketName": "legacy-data-bucket"}}}})");
  sandbox_->Write("imports.json", R"([{"ResourceType": "AWS::S3::Bucket",
  "LogicalResourceId": "Legacy", "ResourceIdentifier": {"BucketName": "legacy-data-bucket"}}])");
  CommandResult r = sandbox_->Cfnx(
      "deploy import.json --stack app --backend aws --yes --require-plan-match "
      "--resources-to-import imports.json");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("(IMPORT)"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("CloudFormation's change set matches cfnx's plan"), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("Stack 'app': IMPORT_COMPLETE"), std::string::npos) << r.output;
  EXPECT_NE(Calls().find("ChangeSetType=IMPORT"), std::string::npos) << Calls();
  EXPECT_NE(Calls().find("ResourcesToImport.member.1.LogicalResourceId=Legacy "
                         "ResourcesToImport.member.1.ResourceIdentifier.entry.1.key=BucketName "
                         "ResourcesToImport.member.1.ResourceIdentifier.entry.1.value="
                         "legacy-data-bucket ResourcesToImport.member.1.ResourceType="
                         "AWS::S3::Bucket"),
            std::string::npos)
      << Calls();

  // An id the template does not declare is refused before anything is asked of AWS.
  sandbox_->Write("bad.json", R"([{"ResourceType": "AWS::S3::Bucket",
  "LogicalResourceId": "Nowhere", "ResourceIdentifier": {"BucketName": "x"}}])");
  CommandResult bad = sandbox_->Cfnx(
      "deploy import.json --stack app --backend aws --yes --resources-to-import bad.json");
  EXPECT_EQ(bad.exit_code, 1) << bad.output;
  EXPECT_NE(bad.output.find("--resources-to-import bad.json: 'Nowhere' is not a resource of "
                            "the template"),
            std::string::npos)
      << bad.output;
}

TEST_F(StubTest, RollbackContinuesAFailedUpdateRollback) {
  Start("rollback_continue.json");
  CommandResult r = sandbox_->Cfnx("rollback --stack app --backend aws");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("Continuing the rollback of stack app (UPDATE_ROLLBACK_FAILED)"),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("Stack 'app': UPDATE_ROLLBACK_COMPLETE"), std::string::npos) << r.output;
  EXPECT_EQ(Actions(),
            "DescribeStacks\nDescribeStackEvents\nContinueUpdateRollback\nDescribeStacks\n"
            "DescribeStackEvents\nDescribeStacks\nDescribeStackEvents\n");
  EXPECT_NE(Calls().find("ContinueUpdateRollback ClientRequestToken=cfnx-rollback-"),
            std::string::npos)
      << Calls();
}

TEST_F(StubTest, RollbackOfAFailedUpdateThatFailsAgainExitsTwo) {
  Start("rollback_stack_fails_again.json");
  CommandResult r = sandbox_->Cfnx(
      "rollback --stack app --backend aws --role-arn "
      "arn:aws:iam::123456789012:role/deployer");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("Rolling back stack app (UPDATE_FAILED)"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("Stack 'app': UPDATE_ROLLBACK_FAILED"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("Failure: The following resource(s) failed to update: [Bucket]."),
            std::string::npos)
      << r.output;
  EXPECT_NE(Calls().find("RollbackStack ClientRequestToken=cfnx-rollback-"), std::string::npos)
      << Calls();
  EXPECT_NE(Calls().find("RoleARN=arn:aws:iam::123456789012:role/deployer"), std::string::npos)
      << Calls();
}

TEST_F(StubTest, RollbackOfAStableStackHasNothingToDo) {
  Start("rollback_nothing_to_do.json");
  CommandResult r = sandbox_->Cfnx("rollback --stack app --backend aws");
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("stack 'app' is UPDATE_COMPLETE: there is nothing to roll back"),
            std::string::npos)
      << r.output;
  EXPECT_EQ(Actions(), "DescribeStacks\n");
}

}  // namespace
}  // namespace cfnx
