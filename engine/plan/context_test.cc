// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/plan/context.h"

#include <map>
#include <string>

#include <gtest/gtest.h>

#include "cfnx/diagnostic.h"
#include "cfnx/source.h"
#include "engine/model/template.h"
#include "engine/parse/loader.h"
#include "engine/plan/planner.h"
#include "functions/register.h"

namespace cfnx::plan_internal {
namespace {

Json Parse(const char* text) {
  return Json::parse(text);
}

const std::string kKaa = kKnownAfterApply;

// The builder on its own: an EvalContext without an evaluator knows no intrinsic's value.

TEST(ContextTest, StringifiesScalarsAsProvidersReceiveThem) {
  // From AWS's published ENI change set: booleans and numbers reach providers as strings.
  Json resource = Parse(R"({"Type": "AWS::EC2::NetworkInterface", "Properties": {
      "SecondaryPrivateIpAddressCount": 0, "SourceDestCheck": false, "Weight": 0.5,
      "Nothing": null, "PrivateIpAddresses": [{"Primary": true, "PrivateIpAddress": "10.0.0.5"}],
      "Tags": {"Big": 18446744073709551615, "Negative": -3}}})");
  EvalContext ctx;
  ContextInputs in;
  in.resource = &resource;
  in.ctx = &ctx;
  EXPECT_EQ(BuildResourceContext(in),
            R"({"Properties":{"SecondaryPrivateIpAddressCount":"0","SourceDestCheck":"false",)"
            R"("Weight":"0.5","Nothing":null,)"
            R"("PrivateIpAddresses":[{"Primary":"true","PrivateIpAddress":"10.0.0.5"}],)"
            R"("Tags":{"Big":"18446744073709551615","Negative":"-3"}}})");
}

TEST(ContextTest, KnownAfterApplyWhereTheValueIsUnknown) {
  Json resource = Parse(R"({"Properties": {
      "Value": {"Ref": "Topic"},
      "Items": ["fixed", {"Fn::GetAtt": ["Queue", "Arn"]}],
      "Secret": "{{resolve:secretsmanager:db}}",
      "Type": "String"}})");
  EvalContext ctx;
  ContextInputs in;
  in.resource = &resource;
  in.ctx = &ctx;
  EXPECT_EQ(BuildResourceContext(in), R"({"Properties":{"Value":")" + kKaa +
                                          R"(","Items":["fixed",")" + kKaa +
                                          R"("],"Secret":"{{resolve:secretsmanager:db}}",)"
                                          R"("Type":"String"}})");
  // The caller's rule (the planner's DynamicValue) decides for dynamic references too.
  in.known_after_apply = [](const Json& v) {
    return v.is_string();
  };
  EXPECT_NE(BuildResourceContext(in).find(R"("Secret":")" + kKaa + "\""), std::string::npos);
}

TEST(ContextTest, DeployedValuesFillWhatTheTemplateCannotResolve) {
  Json resource = Parse(R"({"Properties": {"Endpoint": {"Fn::GetAtt": ["Queue", "Arn"]},
                                           "Ports": [{"Ref": "Port"}],
                                           "Other": {"Fn::GetAtt": ["Gone", "Arn"]}}})");
  Json deployed = Parse(R"({"Endpoint": "arn:deployed", "Ports": [8080]})");
  EvalContext ctx;
  ContextInputs in;
  in.resource = &resource;
  in.ctx = &ctx;
  in.deployed = &deployed;
  EXPECT_EQ(
      BuildResourceContext(in),
      R"({"Properties":{"Endpoint":"arn:deployed","Ports":["8080"],"Other":")" + kKaa + R"("}})");
}

TEST(ContextTest, NeverShowsANoEchoValueFromDeployedProperties) {
  Json resource = Parse(R"({"Properties": {
      "Password": {"Ref": "Secret"},
      "Url": {"Fn::Sub": "https://${Host}:${Secret}@x"},
      "Name": {"Ref": "Plain"}}})");
  // What the deployed stack recorded: resolved values, the secret in clear.
  Json deployed = Parse(R"({"Password": "hunter2", "Url": "https://h:hunter2@x", "Name": "app"})");
  EvalContext ctx;
  ctx.no_echo.insert("Secret");
  ContextInputs in;
  in.resource = &resource;
  in.ctx = &ctx;
  in.deployed = &deployed;
  std::string context = BuildResourceContext(in);
  EXPECT_EQ(context, R"({"Properties":{"Password":"****","Url":"****","Name":"app"}})");
  EXPECT_EQ(context.find("hunter2"), std::string::npos);
  EXPECT_TRUE(RefersToNoEcho(resource["Properties"]["Url"], ctx));
  EXPECT_FALSE(RefersToNoEcho(resource["Properties"]["Name"], ctx));
}

TEST(ContextTest, PoliciesFollowPropertiesInAwsOrder) {
  Json resource = Parse(R"({"Type": "AWS::EC2::NetworkInterface",
      "DeletionPolicy": "Retain", "UpdateReplacePolicy": "Retain",
      "Metadata": {"a": 1}, "DependsOn": "X"})");
  EvalContext ctx;
  ContextInputs in;
  in.resource = &resource;
  in.ctx = &ctx;
  // AWS's ENI example: {"Properties":{...},"UpdateReplacePolicy":"Retain","DeletionPolicy":...}
  EXPECT_EQ(BuildResourceContext(in),
            R"({"Properties":{},"UpdateReplacePolicy":"Retain","DeletionPolicy":"Retain"})");
}

// Through the planner, whose evaluators resolve intrinsics.

class FactsNone : public SchemaFacts {
 public:
  TypeFacts Find(std::string_view) const override { return {}; }
};

struct Planned {
  Plan plan;
  std::map<std::string, const ResourceChange*> by_id;
};

// Plans `desired` (JSON) against a stack deployed from `deployed` (JSON), whose resources get
// physical id "phys-ID" and an Arn "arn:ID".
std::unique_ptr<Planned> PlanIt(const char* desired, const char* deployed,
                                std::map<std::string, std::string> parameters,
                                std::map<std::string, std::string> previous = {},
                                std::map<std::string, Json> deployed_properties = {}) {
  StackState state;
  state.stack_name = "app";
  state.stack_id = "arn:aws:cloudformation:us-east-1:123456789012:stack/app/1";
  state.status = "CREATE_COMPLETE";
  state.template_body = Parse(deployed);
  for (auto it = state.template_body["Resources"].begin();
       it != state.template_body["Resources"].end(); ++it) {
    StackResource r;
    r.logical_id = it.key();
    r.type = it.value()["Type"].get<std::string>();
    r.physical_id = "phys-" + it.key();
    r.status = "CREATE_COMPLETE";
    r.attributes = Json::object({{"Arn", "arn:" + it.key()}});
    if (auto props = deployed_properties.find(it.key()); props != deployed_properties.end()) {
      r.properties = props->second;
    }
    state.resources.push_back(r);
  }
  for (const auto& [key, value] : previous) {
    StackParameter p;
    p.key = key;
    p.value = value;
    state.parameters.push_back(p);
  }
  SourceManager sources;
  DiagnosticCollector diags;
  FileId file = sources.AddFile("t.json", desired);
  Document doc = LoadTemplate(sources, file, diags);
  Template model = BuildModel(doc, diags);
  PlanOptions options;
  options.stack_name = "app";
  options.parameters = std::move(parameters);
  auto out = std::make_unique<Planned>();
  out->plan = ComputePlan(state, model, BuiltinFunctions(), FactsNone(), options, diags);
  for (const Change& c : out->plan.change_set.changes) {
    out->by_id[c.resource_change.logical_id] = &c.resource_change;
  }
  return out;
}

TEST(ContextTest, PlannerGivesEachActionItsSides) {
  std::unique_ptr<Planned> p = PlanIt(R"({
    "Resources": {
      "Kept": {"Type": "AWS::SNS::Topic", "Properties": {"DisplayName": "v2"}},
      "Added": {"Type": "AWS::SQS::Queue", "DeletionPolicy": "Retain",
                "Properties": {"DelaySeconds": 5}}}})",
                                      R"({"Resources": {
      "Kept": {"Type": "AWS::SNS::Topic", "Properties": {"DisplayName": "v1"}},
      "Removed": {"Type": "AWS::S3::Bucket", "UpdateReplacePolicy": "Retain",
                  "Properties": {"VersioningConfiguration": {"Status": "Enabled"}}}}})",
                                      {});
  ASSERT_EQ(p->by_id.size(), 3u);
  const ResourceChange& kept = *p->by_id["Kept"];
  EXPECT_EQ(kept.action, ChangeAction::kModify);
  EXPECT_EQ(kept.before_context, R"({"Properties":{"DisplayName":"v1"}})");
  EXPECT_EQ(kept.after_context, R"({"Properties":{"DisplayName":"v2"}})");
  const ResourceChange& added = *p->by_id["Added"];
  EXPECT_EQ(added.action, ChangeAction::kAdd);
  EXPECT_FALSE(added.before_context.has_value());
  EXPECT_EQ(added.after_context,
            R"({"Properties":{"DelaySeconds":"5"},"DeletionPolicy":"Retain"})");
  const ResourceChange& removed = *p->by_id["Removed"];
  EXPECT_EQ(removed.action, ChangeAction::kRemove);
  EXPECT_EQ(removed.before_context, R"({"Properties":{"VersioningConfiguration":)"
                                    R"({"Status":"Enabled"}},"UpdateReplacePolicy":"Retain"})");
  EXPECT_FALSE(removed.after_context.has_value());
}

TEST(ContextTest, PlannerResolvesKnownValuesAndMarksTheRest) {
  std::unique_ptr<Planned> p = PlanIt(R"({
    "Parameters": {"Secret": {"Type": "String", "NoEcho": true}, "Env": {"Type": "String"}},
    "Conditions": {"Prod": {"Fn::Equals": [{"Ref": "Env"}, "prod"]}},
    "Resources": {
      "Kept": {"Type": "AWS::SNS::Topic", "Properties": {"DisplayName": "v2"}},
      "Fresh": {"Type": "AWS::SQS::Queue"},
      "Added": {"Type": "AWS::SQS::Queue",
                "DeletionPolicy": {"Fn::If": ["Prod", "Snapshot", "Delete"]},
                "Properties": {"Topic": {"Ref": "Kept"},
                               "TopicName": {"Fn::GetAtt": ["Kept", "TopicName"]},
                               "Peer": {"Fn::GetAtt": ["Fresh", "Arn"]},
                               "Where": {"Fn::Sub": "${AWS::Region}-${Env}"},
                               "Retention": {"Fn::If": ["Prod", 30, {"Ref": "AWS::NoValue"}]},
                               "Password": {"Ref": "Secret"}}}}})",
                                      R"({"Resources": {
      "Kept": {"Type": "AWS::SNS::Topic", "Properties": {"DisplayName": "v1"}}}})",
                                      {{"Secret", "hunter2"}, {"Env", "dev"}});
  ASSERT_EQ(p->by_id.count("Added"), 1u);
  // Kept is updated in place: its Ref (physical id) stays known, but a GetAtt of it may change
  // (a Dynamic detail, as the planner decides); Fresh is created, so its Arn is unknown.
  EXPECT_EQ(p->by_id["Added"]->after_context,
            R"({"Properties":{"Topic":"phys-Kept","TopicName":")" + kKaa + R"(","Peer":")" + kKaa +
                R"(","Where":"us-east-1-dev","Password":"****"},"DeletionPolicy":"Delete"})");
}

TEST(ContextTest, ParameterChangeGivesResolvedContextsAndKnownAfterApplyDetail) {
  const char* tmpl = R"({
    "Parameters": {"Purpose": {"Type": "String"}},
    "Resources": {"Instance": {"Type": "AWS::EC2::Instance",
                               "Properties": {"Tags": [{"Key": "Purpose",
                                                        "Value": {"Ref": "Purpose"}}]}}}})";
  std::unique_ptr<Planned> p =
      PlanIt(tmpl, tmpl, {{"Purpose", "production"}}, {{"Purpose", "testing"}});
  ASSERT_EQ(p->by_id.count("Instance"), 1u);
  const ResourceChange& rc = *p->by_id["Instance"];
  ASSERT_EQ(rc.details.size(), 2u);
  // AWS's documented pair: DirectModification/Dynamic, then ParameterReference/Static.
  EXPECT_EQ(rc.details[0].evaluation, EvaluationType::kDynamic);
  EXPECT_EQ(rc.details[0].target.after_value, kKaa);
  EXPECT_EQ(rc.details[1].target.after_value, "production");
  EXPECT_EQ(rc.before_context, R"({"Properties":{"Tags":[{"Key":"Purpose","Value":"testing"}]}})");
  EXPECT_EQ(rc.after_context,
            R"({"Properties":{"Tags":[{"Key":"Purpose","Value":"production"}]}})");
}

// A NoEcho parameter that only the deployed template declares is still a secret.
TEST(ContextTest, SecretsOfTheDeployedTemplateStayMasked) {
  std::unique_ptr<Planned> p =
      PlanIt(R"({
    "Resources": {"Setting": {"Type": "AWS::SSM::Parameter",
                              "Properties": {"Type": "String", "Value": "public"}}}})",
             R"({
    "Parameters": {"Old": {"Type": "String", "NoEcho": "true"}},
    "Resources": {"Setting": {"Type": "AWS::SSM::Parameter",
                              "Properties": {"Type": "String", "Value": {"Ref": "Old"}}}}})",
             {}, {{"Old", "hunter2"}},
             // As the local backend records them: resolved.
             {{"Setting", Parse(R"({"Type": "String", "Value": "hunter2"})")}});
  ASSERT_EQ(p->by_id.count("Setting"), 1u);
  const ResourceChange& rc = *p->by_id["Setting"];
  ASSERT_EQ(rc.details.size(), 1u);
  EXPECT_EQ(rc.details[0].target.before_value, "****");
  EXPECT_EQ(rc.details[0].target.after_value, "public");
  EXPECT_EQ(rc.before_context, R"({"Properties":{"Type":"String","Value":"****"}})");
  EXPECT_EQ(PlanToJson(p->plan).dump().find("hunter2"), std::string::npos);
}

}  // namespace
}  // namespace cfnx::plan_internal
