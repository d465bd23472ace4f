// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cfnx/plan.h"

namespace cfnx {
namespace {

TEST(PlanJsonTest, EnumSpellingsAreAws) {
  EXPECT_EQ(Name(ChangeAction::kModify), "Modify");
  EXPECT_EQ(Name(Replacement::kConditional), "Conditional");
  EXPECT_EQ(Name(ResourceAttribute::kUpdateReplacePolicy), "UpdateReplacePolicy");
  EXPECT_EQ(Name(RequiresRecreation::kConditionally), "Conditionally");
  EXPECT_EQ(Name(ChangeSource::kDirectModification), "DirectModification");
  EXPECT_EQ(Name(PolicyAction::kReplaceAndSnapshot), "ReplaceAndSnapshot");
  EXPECT_EQ(Name(OnStackFailure::kDoNothing), "DO_NOTHING");
  PolicyAction p{};
  EXPECT_TRUE(Parse("Retain", &p));
  EXPECT_EQ(p, PolicyAction::kRetain);
  EXPECT_FALSE(Parse("retain", &p));
}

// AWS's documented "directly editing a template" example: a Tags change on an instance.
TEST(PlanJsonTest, ChangeSetMatchesDescribeChangeSetShape) {
  ChangeSet cs;
  cs.change_set_name = "SampleChangeSet-direct";
  cs.stack_name = "SampleStack";
  cs.stack_id = "arn:aws:cloudformation:us-east-1:123456789012:stack/SampleStack/1";
  cs.change_set_type = "UPDATE";
  ResourceChange rc;
  rc.action = ChangeAction::kModify;
  rc.logical_id = "MyEC2Instance";
  rc.physical_id = "i-1abc23d4";
  rc.resource_type = "AWS::EC2::Instance";
  rc.replacement = Replacement::kFalse;
  rc.scope = {ResourceAttribute::kTags};
  ResourceChangeDetail d;
  d.target.attribute = ResourceAttribute::kTags;
  d.target.requires_recreation = RequiresRecreation::kNever;
  rc.details.push_back(d);
  cs.changes.push_back(Change{rc, 0});
  OrderedJson j = ChangeSetToJson(cs);
  EXPECT_EQ(j["Changes"][0].dump(),
            R"({"Type":"Resource","ResourceChange":{"Action":"Modify",)"
            R"("LogicalResourceId":"MyEC2Instance","PhysicalResourceId":"i-1abc23d4",)"
            R"("ResourceType":"AWS::EC2::Instance","Replacement":"False","Scope":["Tags"],)"
            R"("Details":[{"Target":{"Attribute":"Tags","RequiresRecreation":"Never"},)"
            R"("Evaluation":"Static","ChangeSource":"DirectModification"}]}})");
  ErrorOr<ChangeSet> back = ChangeSetFromJson(j);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(ChangeSetToJson(*back), j);
}

TEST(PlanJsonTest, PlanRoundTrips) {
  Plan plan;
  plan.state_fingerprint = "0123456789abcdef";
  PlanStep step;
  step.logical_id = "Queue";
  step.resource_type = "AWS::SQS::Queue";
  step.action = StepAction::kReplace;
  step.replacement_strategy = "create_then_delete";
  step.compensation = CompensationAction::kDeleteReplacement;
  plan.order.waves.push_back(PlanWave{{step}});
  plan.rollback.on_failure = OnStackFailure::kRollback;
  plan.rollback.success_statuses = {"UPDATE_IN_PROGRESS", "UPDATE_COMPLETE"};
  plan.rollback.waves.push_back(
      RollbackWave{{RollbackStep{"Queue", "AWS::SQS::Queue", CompensationAction::kDelete, "x"}}});
  plan.rollback.retained = {"Bucket"};
  plan.forecast.push_back(
      MakeDiagnostic(DiagCode::kE1001, {}, TemplatePath{"Resources", "Queue"}, "something"));
  OrderedJson j = PlanToJson(plan);
  ErrorOr<Plan> back = PlanFromJson(j);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(PlanToJson(*back), j);
  EXPECT_EQ(back->forecast[0].path.ToString(), "/Resources/Queue");
}

// InputsFingerprint follows StateFingerprint and round trips; a plan without one (the executor's
// own, or saved by an older cfnx) writes none and reads back empty.
TEST(PlanJsonTest, InputsFingerprintRoundTripsAndIsOmittedWhenEmpty) {
  Plan plan;
  plan.state_fingerprint = "0123456789abcdef";
  OrderedJson without = PlanToJson(plan);
  EXPECT_FALSE(without.contains("InputsFingerprint"));
  ErrorOr<Plan> old = PlanFromJson(without);
  ASSERT_TRUE(old.ok()) << old.error().message;
  EXPECT_EQ(old->inputs_fingerprint, "");
  plan.inputs_fingerprint = "fedcba9876543210";
  OrderedJson j = PlanToJson(plan);
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) {
    keys.push_back(it.key());
  }
  EXPECT_EQ(keys, (std::vector<std::string>{"ChangeSet", "ExecutionOrder", "RollbackPlan",
                                            "Forecast", "StateFingerprint", "InputsFingerprint"}));
  ErrorOr<Plan> back = PlanFromJson(j);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->inputs_fingerprint, "fedcba9876543210");
}

// AWS's "Viewing property-level changes" example: the contexts follow Details, as JSON text.
TEST(PlanJsonTest, ContextsFollowDetailsAndRoundTrip) {
  ChangeSet cs;
  ResourceChange rc;
  rc.action = ChangeAction::kModify;
  rc.logical_id = "MyEC2Instance";
  rc.resource_type = "AWS::EC2::Instance";
  rc.before_context = R"({"Properties":{"Tags":[{"Value":"testing","Key":"Purpose"}]}})";
  rc.after_context = R"({"Properties":{"Tags":[{"Value":"Test","Key":"Test"}]}})";
  cs.changes.push_back(Change{rc, 0});
  rc.logical_id = "Added";
  rc.action = ChangeAction::kAdd;
  rc.before_context.reset();
  rc.after_context = "";  // present but empty: kept apart from absent
  cs.changes.push_back(Change{rc, 0});
  OrderedJson j = ChangeSetToJson(cs);
  const OrderedJson& modify = j["Changes"][0]["ResourceChange"];
  std::vector<std::string> keys;
  for (auto it = modify.begin(); it != modify.end(); ++it) {
    keys.push_back(it.key());
  }
  EXPECT_EQ(keys, (std::vector<std::string>{"Action", "LogicalResourceId", "ResourceType", "Scope",
                                            "Details", "BeforeContext", "AfterContext"}));
  EXPECT_EQ(modify["BeforeContext"],
            R"({"Properties":{"Tags":[{"Value":"testing","Key":"Purpose"}]}})");
  EXPECT_FALSE(j["Changes"][1]["ResourceChange"].contains("BeforeContext"));
  EXPECT_EQ(j["Changes"][1]["ResourceChange"]["AfterContext"], "");
  ErrorOr<ChangeSet> back = ChangeSetFromJson(j);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->changes[0].resource_change.before_context,
            cs.changes[0].resource_change.before_context);
  EXPECT_FALSE(back->changes[1].resource_change.before_context.has_value());
  EXPECT_EQ(back->changes[1].resource_change.after_context, std::optional<std::string>(""));
  EXPECT_EQ(ChangeSetToJson(*back), j);
}

TEST(PlanJsonTest, RejectsAContextThatIsNotText) {
  OrderedJson j =
      OrderedJson::parse(R"({"Changes":[{"ResourceChange":{"LogicalResourceId":"A","Action":"Add",)"
                         R"("AfterContext":{"Properties":{}}}}]})");
  ErrorOr<ChangeSet> cs = ChangeSetFromJson(j);
  ASSERT_FALSE(cs.ok());
  EXPECT_NE(cs.error().message.find("AfterContext"), std::string::npos) << cs.error().message;
}

TEST(PlanJsonTest, RejectsUnknownEnumValues) {
  OrderedJson j = OrderedJson::parse(
      R"({"Changes":[{"ResourceChange":{"LogicalResourceId":"A","Action":"Mangle"}}]})");
  ErrorOr<ChangeSet> cs = ChangeSetFromJson(j);
  ASSERT_FALSE(cs.ok());
  EXPECT_NE(cs.error().message.find("Mangle"), std::string::npos) << cs.error().message;
}

// Nested change sets (IncludeNestedStacks): ids, the parent's ChangeSetId and the child's own
// plan read back; a saved plan nesting without bound is refused, not followed.
TEST(PlanJsonTest, NestedPlansReadBackAndAreBounded) {
  Plan parent;
  parent.change_set.stack_name = "app";
  parent.change_set.change_set_id = "cfnx-plan";
  parent.change_set.include_nested_stacks = true;
  Change c;
  c.resource_change.logical_id = "Child";
  c.resource_change.resource_type = "AWS::CloudFormation::Stack";
  c.resource_change.change_set_id = "cfnx-plan/Child";
  parent.change_set.changes.push_back(c);
  NestedPlan child;
  child.logical_id = "Child";
  child.template_url = "child.yaml";
  child.stack_name = "app-Child-ABCDEFGHIJKLM";
  child.plan.change_set.change_set_id = "cfnx-plan/Child";
  child.plan.change_set.parent_change_set_id = "cfnx-plan";
  child.plan.change_set.root_change_set_id = "cfnx-plan";
  parent.nested.push_back(child);
  OrderedJson j = PlanToJson(parent);
  EXPECT_EQ(j["ChangeSet"]["IncludeNestedStacks"], true);
  EXPECT_EQ(j["ChangeSet"]["Changes"][0]["ResourceChange"]["ChangeSetId"], "cfnx-plan/Child");
  EXPECT_EQ(j["NestedPlans"][0]["Plan"]["ChangeSet"]["ParentChangeSetId"], "cfnx-plan");
  ErrorOr<Plan> back = PlanFromJson(j);
  ASSERT_TRUE(back.ok()) << back.error().message;
  ASSERT_EQ(back->nested.size(), 1u);
  EXPECT_EQ(back->nested[0].stack_name, "app-Child-ABCDEFGHIJKLM");
  EXPECT_EQ(PlanToJson(*back), j);
  // A plan without nested stacks has no NestedPlans key (older saved plans read the same).
  EXPECT_FALSE(PlanToJson(Plan{}).contains("NestedPlans"));

  OrderedJson deep = PlanToJson(Plan{});
  for (int i = 0; i < 40; ++i) {
    OrderedJson outer = PlanToJson(Plan{});
    outer["NestedPlans"] = OrderedJson::array({{{"LogicalResourceId", "C"}, {"Plan", deep}}});
    deep = std::move(outer);
  }
  ErrorOr<Plan> refused = PlanFromJson(deep);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("levels deep"), std::string::npos)
      << refused.error().message;
}

}  // namespace
}  // namespace cfnx
