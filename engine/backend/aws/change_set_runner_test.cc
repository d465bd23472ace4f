// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The change-set runner against recorded, AWS-shaped awsQuery answers served by a stub
// transport (emulators leave out Replacement and Details): the comparison with cfnx's plan,
// --require-plan-match refusing and deleting the change set, "no changes", and a rollback
// followed to UPDATE_ROLLBACK_COMPLETE.

#include "engine/backend/aws/change_set_runner.h"

#include <gtest/gtest.h>

#include "engine/backend/aws/change_set_compare.h"

namespace cfnx {
namespace {

// Answers each awsQuery Action from a script: the answers of one action in order (the last
// one repeats).
class StubCloudFormation : public HttpTransport {
 public:
  std::map<std::string, std::vector<std::string>> answers;
  std::vector<std::string> actions;
  HttpResult Send(const HttpRequest& request) override {
    size_t start = request.body.find("Action=") + 7;
    std::string action = request.body.substr(start, request.body.find('&', start) - start);
    actions.push_back(action);
    std::vector<std::string>& list = answers[action];
    std::string body = list.empty() ? "" : list.front();
    if (list.size() > 1) {
      list.erase(list.begin());
    }
    if (body.rfind("<ErrorResponse>", 0) == 0) {
      return HttpResponse{400, {}, body};
    }
    return HttpResponse{200,
                        {},
                        "<" + action + "Response><" + action + "Result>" + body + "</" + action +
                            "Result></" + action + "Response>"};
  }
};

const char* const kStack =
    "<Stacks><member><StackName>app</StackName><StackId>arn:aws:cloudformation:us-east-1:1:"
    "stack/app/1</StackId><StackStatus>%s</StackStatus></member></Stacks>";

std::string Stack(const std::string& status) {
  std::string s = kStack;
  return s.replace(s.find("%s"), 2, status);
}

// A recorded DescribeChangeSet: the bucket replaced because its name changed.
const char* const kReplaceBucket =
    "<ChangeSetId>arn:cs</ChangeSetId><StackId>arn:aws:cloudformation:us-east-1:1:stack/app/1"
    "</StackId><Status>CREATE_COMPLETE</Status><ExecutionStatus>AVAILABLE</ExecutionStatus>"
    "<Changes><member><Type>Resource</Type><ResourceChange><Action>Modify</Action>"
    "<LogicalResourceId>Bucket</LogicalResourceId><PhysicalResourceId>old</PhysicalResourceId>"
    "<ResourceType>AWS::S3::Bucket</ResourceType><Replacement>True</Replacement><Scope>"
    "<member>Properties</member></Scope><Details><member><Target><Attribute>Properties"
    "</Attribute><Name>BucketName</Name><RequiresRecreation>Always</RequiresRecreation>"
    "</Target><Evaluation>Static</Evaluation><ChangeSource>DirectModification</ChangeSource>"
    "</member></Details></ResourceChange></member></Changes>";

OrderedJson PlannedBucket(const std::string& replacement, const std::string& recreation) {
  return OrderedJson::parse(R"([{"Type": "Resource", "ResourceChange": {"Action": "Modify",
      "LogicalResourceId": "Bucket", "ResourceType": "AWS::S3::Bucket", "Replacement": ")" +
                            replacement + R"(", "Details": [{"Target": {"Attribute": "Properties",
      "Name": "BucketName", "RequiresRecreation": ")" +
                            recreation + R"("}, "Evaluation": "Static",
      "ChangeSource": "DirectModification"}]}}])");
}

struct Recorder : AwsObserver {
  std::vector<std::string> lines;
  void OnEvent(const StackEvent& e) override { lines.push_back(e.logical_id + " " + e.status); }
  void OnMessage(const std::string& line) override { lines.push_back(line); }
};

struct Fixture {
  std::shared_ptr<StubCloudFormation> stub = std::make_shared<StubCloudFormation>();
  std::unique_ptr<AwsClient> client;
  std::unique_ptr<CloudFormationClient> cfn;
  Fixture() {
    AwsClientOptions o;
    o.region = "us-east-1";
    o.endpoints.flag = "http://127.0.0.1:9";
    o.transport = stub;
    o.credentials = []() -> ErrorOr<AwsCredentials> {
      return AwsCredentials{"AKIDEXAMPLE12345678", "secret", "", "", "test"};
    };
    client = std::make_unique<AwsClient>(std::move(o));
    cfn = std::make_unique<CloudFormationClient>(*client);
  }
  PollSchedule NoWait() {
    return PollSchedule{[](double) {
    }};
  }
};

TEST(ChangeSetCompareTest, AgreesOnlyWhenEveryDetailAgrees) {
  Fixture f;
  f.stub->answers["DescribeChangeSet"] = {kReplaceBucket};
  ErrorOr<AwsChangeSet> cs = f.cfn->DescribeChangeSet("app", "arn:cs");
  ASSERT_TRUE(cs.ok()) << cs.error().message;
  EXPECT_TRUE(CompareChangeSets(PlannedBucket("True", "Always"), cs->changes).empty());
  EXPECT_EQ(CompareChangeSets(PlannedBucket("False", "Never"), cs->changes),
            (std::vector<std::string>{
                "Bucket: Replacement True in CloudFormation's change set, False in cfnx's plan",
                "Bucket: Properties.BucketName RequiresRecreation Always in CloudFormation's "
                "change set, Never in cfnx's plan"}));
  EXPECT_EQ(CompareChangeSets(OrderedJson::array(), cs->changes),
            (std::vector<std::string>{
                "Bucket: CloudFormation's change set says Modify, cfnx plans no change"}));
}

TEST(ChangeSetRunnerTest, RequirePlanMatchRefusesAndDeletesTheChangeSet) {
  Fixture f;
  f.stub->answers["DescribeStacks"] = {Stack("UPDATE_COMPLETE")};
  f.stub->answers["CreateChangeSet"] = {"<Id>arn:cs</Id>"};
  f.stub->answers["DescribeChangeSet"] = {"<Status>CREATE_IN_PROGRESS</Status>", kReplaceBucket};
  f.stub->answers["DeleteChangeSet"] = {""};
  Plan plan;  // plans no change at all
  AwsDeployRequest request;
  request.stack_name = "app";
  request.template_body = "{}";
  request.plan = &plan;
  request.require_plan_match = true;
  Recorder recorder;
  ErrorOr<AwsDeployResult> r = RunChangeSet(*f.cfn, request, recorder, f.NoWait());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->refused);
  EXPECT_EQ(r->differences.size(), 1u);
  EXPECT_EQ(f.stub->actions,
            (std::vector<std::string>{"DescribeStacks", "CreateChangeSet", "DescribeChangeSet",
                                      "DescribeChangeSet", "DeleteChangeSet"}));
}

TEST(ChangeSetRunnerTest, FailedChangeSetWithoutChangesIsNoChanges) {
  Fixture f;
  f.stub->answers["DescribeStacks"] = {Stack("CREATE_COMPLETE")};
  f.stub->answers["CreateChangeSet"] = {"<Id>arn:cs</Id>"};
  f.stub->answers["DescribeChangeSet"] = {
      "<Status>FAILED</Status><StatusReason>The submitted information didn't contain changes. "
      "Submit different information to create a change set.</StatusReason>"};
  f.stub->answers["DeleteChangeSet"] = {""};
  Recorder recorder;
  AwsDeployRequest request;
  request.stack_name = "app";
  request.template_body = "{}";
  ErrorOr<AwsDeployResult> r = RunChangeSet(*f.cfn, request, recorder, f.NoWait());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->no_changes);
  EXPECT_TRUE(r->succeeded);
  EXPECT_EQ(f.stub->actions.back(), "DeleteChangeSet");
}

TEST(ChangeSetRunnerTest, FollowsARollbackToItsEnd) {
  Fixture f;
  f.stub->answers["DescribeStacks"] = {Stack("UPDATE_COMPLETE"), Stack("UPDATE_IN_PROGRESS"),
                                       Stack("UPDATE_ROLLBACK_COMPLETE")};
  f.stub->answers["CreateChangeSet"] = {"<Id>arn:cs</Id>"};
  f.stub->answers["DescribeChangeSet"] = {kReplaceBucket};
  f.stub->answers["ExecuteChangeSet"] = {""};
  auto event = [](const std::string& id, const std::string& logical, const std::string& status) {
    return "<member><EventId>" + id + "</EventId><StackName>app</StackName><LogicalResourceId>" +
           logical + "</LogicalResourceId><ResourceType>" +
           (logical == "app" ? "AWS::CloudFormation::Stack" : "AWS::S3::Bucket") +
           "</ResourceType><ResourceStatus>" + status + "</ResourceStatus></member>";
  };
  f.stub->answers["DescribeStackEvents"] = {
      "<StackEvents>" + event("e0", "app", "UPDATE_COMPLETE") + "</StackEvents>",
      "<StackEvents>" + event("e1", "app", "UPDATE_IN_PROGRESS") +
          event("e0", "app", "UPDATE_COMPLETE") + "</StackEvents>",
      "<StackEvents>" + event("e4", "app", "UPDATE_ROLLBACK_COMPLETE") +
          event("e3", "Bucket", "UPDATE_FAILED") + event("e2", "Bucket", "UPDATE_IN_PROGRESS") +
          event("e1", "app", "UPDATE_IN_PROGRESS") + "</StackEvents>"};
  AwsDeployRequest request;
  request.stack_name = "app";
  request.template_body = "{}";
  Recorder recorder;
  ErrorOr<AwsDeployResult> r = RunChangeSet(*f.cfn, request, recorder, f.NoWait());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_FALSE(r->succeeded);
  EXPECT_EQ(r->status, "UPDATE_ROLLBACK_COMPLETE");
  EXPECT_EQ(r->resource_counts["UPDATE_FAILED"], 1);
  std::vector<std::string> events(recorder.lines.end() - 4, recorder.lines.end());
  EXPECT_EQ(events,
            (std::vector<std::string>{"app UPDATE_IN_PROGRESS", "Bucket UPDATE_IN_PROGRESS",
                                      "Bucket UPDATE_FAILED", "app UPDATE_ROLLBACK_COMPLETE"}));
}

TEST(ChangeSetRunnerTest, PollScheduleBacksOff) {
  PollSchedule p;
  EXPECT_EQ(p.Delay(0), 0);
  EXPECT_EQ(p.Delay(1), 1);
  EXPECT_EQ(p.Delay(3), 4);
  EXPECT_EQ(p.Delay(10), 5);
  EXPECT_TRUE(IsInProgressStatus("UPDATE_COMPLETE_CLEANUP_IN_PROGRESS"));
  EXPECT_FALSE(IsInProgressStatus("REVIEW_IN_PROGRESS"));
  EXPECT_FALSE(IsInProgressStatus("UPDATE_ROLLBACK_COMPLETE"));
}

}  // namespace
}  // namespace cfnx
