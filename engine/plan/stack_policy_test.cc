// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/plan/stack_policy.h"

#include <gtest/gtest.h>

#include "engine/parse/loader.h"

namespace cfnx {
namespace {

OrderedJson Policy(std::string_view text) {
  return OrderedJson::parse(text);
}

TEST(StackPolicyTest, WithoutAPolicyEveryUpdateIsAllowed) {
  PolicyVerdict v =
      EvaluateStackPolicy(OrderedJson(), "Update:Replace", "Db", "AWS::RDS::DBInstance");
  EXPECT_TRUE(v.allowed);
  EXPECT_EQ(v.statement, -1);
}

TEST(StackPolicyTest, APolicyDeniesWhatNoStatementAllows) {
  OrderedJson p = Policy(R"({"Statement": [{"Effect": "Allow", "Action": "Update:Modify",
      "Principal": "*", "Resource": "LogicalResourceId/Web"}]})");
  EXPECT_TRUE(EvaluateStackPolicy(p, "Update:Modify", "Web", "AWS::EC2::Instance").allowed);
  PolicyVerdict replace = EvaluateStackPolicy(p, "Update:Replace", "Web", "AWS::EC2::Instance");
  EXPECT_FALSE(replace.allowed);
  EXPECT_EQ(replace.statement, -1);
  EXPECT_FALSE(EvaluateStackPolicy(p, "Update:Modify", "Db", "AWS::EC2::Instance").allowed);
  // A policy without statements protects everything.
  EXPECT_FALSE(
      EvaluateStackPolicy(Policy(R"({"Statement": []})"), "Update:Modify", "Web", "T").allowed);
}

TEST(StackPolicyTest, AnExplicitDenyWinsOverAnyAllow) {
  OrderedJson p = Policy(R"({"Statement": [
      {"Effect": "Deny", "Action": ["Update:Replace", "Update:Delete"], "Principal": "*",
       "Resource": "LogicalResourceId/Prod*"},
      {"Effect": "Allow", "Action": "Update:*", "Principal": "*", "Resource": "*"}]})");
  PolicyVerdict v = EvaluateStackPolicy(p, "Update:Delete", "ProdDb", "AWS::RDS::DBInstance");
  EXPECT_FALSE(v.allowed);
  EXPECT_EQ(v.statement, 0);
  PolicyVerdict modify = EvaluateStackPolicy(p, "Update:Modify", "ProdDb", "AWS::RDS::DBInstance");
  EXPECT_TRUE(modify.allowed);
  EXPECT_EQ(modify.statement, 1);
  EXPECT_TRUE(EvaluateStackPolicy(p, "Update:Replace", "TestDb", "AWS::RDS::DBInstance").allowed);
}

TEST(StackPolicyTest, NotActionNotResourceAndResourceTypeConditions) {
  OrderedJson p = Policy(R"({"Statement": [
      {"Effect": "Allow", "NotAction": "Update:Delete", "Principal": "*",
       "NotResource": "LogicalResourceId/Vault"},
      {"Effect": "Deny", "Action": "Update:*", "Principal": "*", "Resource": "*",
       "Condition": {"StringLike": {"ResourceType": ["AWS::RDS::*"]}}},
      {"Effect": "Allow", "Action": "Update:Delete", "Principal": "*", "Resource": "*",
       "Condition": {"StringNotEquals": {"ResourceType": "AWS::S3::Bucket"}}}]})");
  EXPECT_TRUE(EvaluateStackPolicy(p, "Update:Replace", "Web", "AWS::EC2::Instance").allowed);
  EXPECT_FALSE(EvaluateStackPolicy(p, "Update:Modify", "Vault", "AWS::KMS::Key").allowed);
  EXPECT_FALSE(EvaluateStackPolicy(p, "Update:Modify", "Db", "AWS::RDS::DBCluster").allowed);
  EXPECT_TRUE(EvaluateStackPolicy(p, "Update:Delete", "Queue", "AWS::SQS::Queue").allowed);
  EXPECT_FALSE(EvaluateStackPolicy(p, "Update:Delete", "Logs", "AWS::S3::Bucket").allowed);
}

TEST(StackPolicyTest, WildcardsMatchAsIamDoes) {
  EXPECT_TRUE(PolicyWildcardMatch("*", ""));
  EXPECT_TRUE(PolicyWildcardMatch("LogicalResourceId/Db*", "LogicalResourceId/DbOrders"));
  EXPECT_TRUE(PolicyWildcardMatch("LogicalResourceId/Db?", "LogicalResourceId/Db1"));
  EXPECT_FALSE(PolicyWildcardMatch("LogicalResourceId/Db?", "LogicalResourceId/Db12"));
  EXPECT_TRUE(PolicyWildcardMatch("a*b*c", "aXXbYYbc"));
  EXPECT_FALSE(PolicyWildcardMatch("a*b*c", "aXXbYYb"));
  EXPECT_FALSE(PolicyWildcardMatch("db*", "DbOrders"));  // case-sensitive
  // Many stars against a long text stay fast (no exponential backtracking).
  EXPECT_FALSE(PolicyWildcardMatch(std::string(40, '*') + "b", std::string(100000, 'a')));
}

class StackPolicyCheckTest : public ::testing::Test {
 protected:
  std::string Check(const std::string& text, std::optional<OrderedJson>* out = nullptr) {
    FileId file = sources_.AddFile("policy.json", text);
    DiagnosticCollector parse;
    Document doc = LoadTemplate(sources_, file, parse);
    DiagnosticCollector diags;
    std::optional<OrderedJson> policy = CheckStackPolicy(doc.root(), diags);
    if (out != nullptr) {
      *out = policy;
    }
    std::string s;
    for (const Diagnostic& d : diags.diagnostics()) {
      s += std::string(GetDiagCodeInfo(d.code).id) + " " + std::to_string(d.range.begin.line) +
           ":" + std::to_string(d.range.begin.column) + " " + d.path.ToString() + ": " + d.message +
           "\n";
    }
    EXPECT_EQ(policy.has_value(), s.empty()) << s;
    return s;
  }
  SourceManager sources_;
};

TEST_F(StackPolicyCheckTest, AValidPolicyIsReturnedAsJson) {
  std::optional<OrderedJson> policy;
  EXPECT_EQ(Check(R"({"Statement": [{"Effect": "Allow", "Action": "Update:*",
                     "Principal": "*", "Resource": "*"}]})",
                  &policy),
            "");
  ASSERT_TRUE(policy);
  EXPECT_EQ((*policy)["Statement"][0]["Action"], "Update:*");
}

TEST_F(StackPolicyCheckTest, EachProblemIsReportedWhereItIs) {
  std::string diags = Check(R"({
  "Statement": [
    {"Effect": "Permit", "Action": "Update:Modfy", "Principal": "*",
     "Resource": "Db"},
    {"Effect": "Deny", "Action": "Update:*", "NotAction": "Update:Delete",
     "Principal": {"AWS": "x"}, "Resource": "*",
     "Condition": {"StringEqual": {"ResourceType": "AWS::S3::Bucket"}}},
    {"Effect": "Allow", "Action": "Update:*", "Principal": "*", "Resourse": "*"}
  ]
})");
  EXPECT_NE(diags.find("E9017 3:16 /Statement/0/Effect: Effect must be \"Allow\" or \"Deny\"."),
            std::string::npos)
      << diags;
  EXPECT_NE(diags.find("E9017 3:36 /Statement/0/Action: Unknown action 'Update:Modfy'; a stack "
                       "policy allows or denies Update:Modify, Update:Replace, Update:Delete or "
                       "Update:*. Did you mean 'Update:Modify'?"),
            std::string::npos)
      << diags;
  EXPECT_NE(diags.find("E9017 4:18 /Statement/0/Resource: Resource 'Db' must be"),
            std::string::npos)
      << diags;
  EXPECT_NE(diags.find("/Statement/1/NotAction: A statement needs exactly one of Action and "
                       "NotAction."),
            std::string::npos)
      << diags;
  EXPECT_NE(diags.find("/Statement/1/Principal: Principal must be \"*\""), std::string::npos)
      << diags;
  EXPECT_NE(diags.find("/Statement/1/Condition/StringEqual: Unknown condition operator "
                       "'StringEqual'"),
            std::string::npos)
      << diags;
  EXPECT_NE(diags.find("Did you mean 'StringEquals'?"), std::string::npos) << diags;
  EXPECT_NE(diags.find("/Statement/2/Resourse: Unknown key 'Resourse' in a policy statement. Did "
                       "you mean 'Resource'?"),
            std::string::npos)
      << diags;
  EXPECT_NE(diags.find("/Statement/2/Resource: A statement needs exactly one of Resource and "
                       "NotResource."),
            std::string::npos)
      << diags;
}

TEST_F(StackPolicyCheckTest, TheDocumentMustHaveAStatementList) {
  EXPECT_NE(Check("[]").find("A stack policy must be an object"), std::string::npos);
  EXPECT_NE(Check(R"({"Statements": []})").find("Unknown key 'Statements'"), std::string::npos);
  EXPECT_NE(Check(R"({"Statement": {}})").find("/Statement: A stack policy needs a Statement list"),
            std::string::npos);
}

}  // namespace
}  // namespace cfnx
