// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The JSON forms of cfnx/plan.h: DescribeChangeSet's shape for the change set, plus cfnx's own
// sections (execution order, rollback plan, forecast). Field names and enum spellings are AWS's
// (botocore/data/cloudformation/2010-05-15/service-2.json).

#include <algorithm>
#include <array>
#include <iterator>

#include "cfnx/plan.h"
#include "engine/plan/json_fields.h"

namespace cfnx {
namespace {

using internal::JsonReader;

template <typename E, size_t N>
std::string_view NameIn(const std::array<std::string_view, N>& names, E v) {
  return names[static_cast<size_t>(v)];
}
template <typename E, size_t N>
bool ParseIn(const std::array<std::string_view, N>& names, std::string_view name, E* v) {
  auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end()) {
    return false;
  }
  *v = static_cast<E>(std::distance(names.begin(), it));
  return true;
}

constexpr std::array<std::string_view, 5> kChangeAction = {"Add", "Modify", "Remove", "Import",
                                                           "Dynamic"};
constexpr std::array<std::string_view, 3> kReplacement = {"True", "False", "Conditional"};
constexpr std::array<std::string_view, 7> kAttribute = {
    "Properties",          "Metadata", "CreationPolicy", "UpdatePolicy", "DeletionPolicy",
    "UpdateReplacePolicy", "Tags"};
constexpr std::array<std::string_view, 3> kRecreation = {"Never", "Conditionally", "Always"};
constexpr std::array<std::string_view, 2> kEvaluation = {"Static", "Dynamic"};
constexpr std::array<std::string_view, 5> kChangeSource = {
    "ResourceReference", "ParameterReference", "ResourceAttribute", "DirectModification",
    "Automatic"};
constexpr std::array<std::string_view, 6> kPolicyAction = {
    "Delete", "Retain", "Snapshot", "ReplaceAndDelete", "ReplaceAndRetain", "ReplaceAndSnapshot"};
constexpr std::array<std::string_view, 3> kOnFailure = {"ROLLBACK", "DELETE", "DO_NOTHING"};
constexpr std::array<std::string_view, 3> kAttributeChange = {"Add", "Remove", "Modify"};
constexpr std::array<std::string_view, 6> kStepAction = {"Create", "Update",         "Replace",
                                                         "Delete", "DeleteReplaced", "Retain"};
constexpr std::array<std::string_view, 6> kCompensation = {
    "None", "Delete", "Restore", "DeleteReplacement", "Retain", "Recreate"};

}  // namespace

#define CFNX_PLAN_ENUM(Type, table)            \
  std::string_view Name(Type v) {              \
    return NameIn(table, v);                   \
  }                                            \
  bool Parse(std::string_view name, Type* v) { \
    return ParseIn(table, name, v);            \
  }
CFNX_PLAN_ENUM(ChangeAction, kChangeAction)
CFNX_PLAN_ENUM(Replacement, kReplacement)
CFNX_PLAN_ENUM(ResourceAttribute, kAttribute)
CFNX_PLAN_ENUM(RequiresRecreation, kRecreation)
CFNX_PLAN_ENUM(EvaluationType, kEvaluation)
CFNX_PLAN_ENUM(ChangeSource, kChangeSource)
CFNX_PLAN_ENUM(PolicyAction, kPolicyAction)
CFNX_PLAN_ENUM(OnStackFailure, kOnFailure)
CFNX_PLAN_ENUM(AttributeChangeType, kAttributeChange)
CFNX_PLAN_ENUM(StepAction, kStepAction)
CFNX_PLAN_ENUM(CompensationAction, kCompensation)
#undef CFNX_PLAN_ENUM

namespace {

// Reads an enum-valued string field; records an error for an unknown spelling.
template <typename E>
void EnumField(JsonReader& in, std::string_view key, E* out) {
  std::string text;
  in.String(key, &text);
  if (!text.empty() && !Parse(text, out)) {
    in.Fail(key, "a known value (got '" + text + "')");
  }
}
template <typename E>
void OptionalEnumField(JsonReader& in, std::string_view key, std::optional<E>* out) {
  std::string text;
  in.String(key, &text);
  if (text.empty()) {
    return;
  }
  E v{};
  if (!Parse(text, &v)) {
    in.Fail(key, "a known value (got '" + text + "')");
    return;
  }
  *out = v;
}

// Reads an optional string field: nullopt when absent or null (an empty string is kept).
void OptionalString(JsonReader& in, std::string_view key, std::optional<std::string>* out) {
  OrderedJson probe;
  in.Any(key, &probe);
  if (probe.is_string()) {
    *out = probe.get<std::string>();
  } else if (!probe.is_null()) {
    in.Fail(key, "a string");
  }
}

OrderedJson TargetToJson(const ResourceTarget& t) {
  OrderedJson j = OrderedJson::object();
  j["Attribute"] = Name(t.attribute);
  if (!t.name.empty()) {
    j["Name"] = t.name;
  }
  if (!t.path.empty()) {
    j["Path"] = t.path;
  }
  j["RequiresRecreation"] = Name(t.requires_recreation);
  if (t.before_value) {
    j["BeforeValue"] = *t.before_value;
  }
  if (t.after_value) {
    j["AfterValue"] = *t.after_value;
  }
  if (t.attribute_change_type) {
    j["AttributeChangeType"] = Name(*t.attribute_change_type);
  }
  return j;
}

OrderedJson DetailToJson(const ResourceChangeDetail& d) {
  OrderedJson j = OrderedJson::object();
  j["Target"] = TargetToJson(d.target);
  j["Evaluation"] = Name(d.evaluation);
  j["ChangeSource"] = Name(d.change_source);
  if (!d.causing_entity.empty()) {
    j["CausingEntity"] = d.causing_entity;
  }
  return j;
}

OrderedJson ResourceChangeToJson(const ResourceChange& rc) {
  OrderedJson j = OrderedJson::object();
  if (rc.policy_action) {
    j["PolicyAction"] = Name(*rc.policy_action);
  }
  j["Action"] = Name(rc.action);
  j["LogicalResourceId"] = rc.logical_id;
  if (!rc.physical_id.empty()) {
    j["PhysicalResourceId"] = rc.physical_id;
  }
  j["ResourceType"] = rc.resource_type;
  if (rc.replacement) {
    j["Replacement"] = Name(*rc.replacement);
  }
  // Every action carries Scope and Details, empty unless the resource is modified: what
  // DescribeChangeSet returns (AWS's documented "Adding and removing resources" example).
  OrderedJson scope = OrderedJson::array();
  for (ResourceAttribute a : rc.scope) {
    scope.push_back(Name(a));
  }
  j["Scope"] = std::move(scope);
  OrderedJson details = OrderedJson::array();
  for (const ResourceChangeDetail& d : rc.details) {
    details.push_back(DetailToJson(d));
  }
  j["Details"] = std::move(details);
  if (rc.before_context) {
    j["BeforeContext"] = *rc.before_context;
  }
  if (rc.after_context) {
    j["AfterContext"] = *rc.after_context;
  }
  if (!rc.change_set_id.empty()) {
    j["ChangeSetId"] = rc.change_set_id;
  }
  return j;
}

void ReadTarget(JsonReader& in, ResourceTarget* t) {
  EnumField(in, "Attribute", &t->attribute);
  in.String("Name", &t->name);
  in.String("Path", &t->path);
  EnumField(in, "RequiresRecreation", &t->requires_recreation);
  OrderedJson probe;
  in.Any("BeforeValue", &probe);
  if (probe.is_string()) {
    t->before_value = probe.get<std::string>();
  }
  probe = nullptr;
  in.Any("AfterValue", &probe);
  if (probe.is_string()) {
    t->after_value = probe.get<std::string>();
  }
  OptionalEnumField(in, "AttributeChangeType", &t->attribute_change_type);
}

void ReadDetail(JsonReader& in, ResourceChangeDetail* d) {
  OrderedJson target;
  in.Object("Target", &target);
  if (in.ok()) {
    if (target.is_null()) {
      target = OrderedJson::object();
    }
    JsonReader tin(target, "/Target");
    ReadTarget(tin, &d->target);
    if (!tin.ok()) {
      in.Fail("Target", "a valid ResourceTargetDefinition: " + tin.error());
    }
  }
  EnumField(in, "Evaluation", &d->evaluation);
  EnumField(in, "ChangeSource", &d->change_source);
  in.String("CausingEntity", &d->causing_entity);
}

void ReadScope(JsonReader& in, std::vector<ResourceAttribute>* scope) {
  std::vector<std::string> names;
  in.StringList("Scope", &names);
  for (const std::string& n : names) {
    ResourceAttribute a{};
    if (!Parse(n, &a)) {
      in.Fail("Scope", "a list of known attributes (got '" + n + "')");
      return;
    }
    scope->push_back(a);
  }
}

void ReadChange(JsonReader& in, Change* c) {
  in.Int("HookInvocationCount", &c->hook_invocation_count);
  OrderedJson rcj;
  in.Object("ResourceChange", &rcj);
  if (!in.ok()) {
    return;
  }
  if (rcj.is_null()) {
    rcj = OrderedJson::object();
  }
  JsonReader rin(rcj, "/ResourceChange");
  ResourceChange& rc = c->resource_change;
  OptionalEnumField(rin, "PolicyAction", &rc.policy_action);
  EnumField(rin, "Action", &rc.action);
  rin.RequiredString("LogicalResourceId", &rc.logical_id);
  rin.String("PhysicalResourceId", &rc.physical_id);
  rin.String("ResourceType", &rc.resource_type);
  OptionalEnumField(rin, "Replacement", &rc.replacement);
  ReadScope(rin, &rc.scope);
  rin.List("Details", &rc.details, ReadDetail);
  OptionalString(rin, "BeforeContext", &rc.before_context);
  OptionalString(rin, "AfterContext", &rc.after_context);
  rin.String("ChangeSetId", &rc.change_set_id);
  if (!rin.ok()) {
    in.Fail("ResourceChange", "a valid ResourceChange: " + rin.error());
  }
}

void ReadParameter(JsonReader& in, StackParameter* p) {
  in.RequiredString("ParameterKey", &p->key);
  in.String("ParameterValue", &p->value);
  in.String("ResolvedValue", &p->resolved_value);
}

OrderedJson StepToJson(const PlanStep& s) {
  OrderedJson j = OrderedJson::object();
  j["LogicalResourceId"] = s.logical_id;
  j["ResourceType"] = s.resource_type;
  j["Action"] = Name(s.action);
  j["DependsOn"] = s.depends_on;
  if (!s.replacement_strategy.empty()) {
    j["ReplacementStrategy"] = s.replacement_strategy;
  }
  j["Compensation"] = Name(s.compensation);
  if (!s.compensation_reason.empty()) {
    j["CompensationReason"] = s.compensation_reason;
  }
  return j;
}

void ReadStep(JsonReader& in, PlanStep* s) {
  in.RequiredString("LogicalResourceId", &s->logical_id);
  in.String("ResourceType", &s->resource_type);
  EnumField(in, "Action", &s->action);
  in.StringList("DependsOn", &s->depends_on);
  in.String("ReplacementStrategy", &s->replacement_strategy);
  EnumField(in, "Compensation", &s->compensation);
  in.String("CompensationReason", &s->compensation_reason);
}

OrderedJson WavesToJson(const std::vector<PlanWave>& waves) {
  OrderedJson j = OrderedJson::array();
  for (const PlanWave& w : waves) {
    OrderedJson steps = OrderedJson::array();
    for (const PlanStep& s : w.steps) {
      steps.push_back(StepToJson(s));
    }
    j.push_back(std::move(steps));
  }
  return j;
}

// Waves are lists of step lists: [[step, ...], ...].
template <typename Wave, typename ReadFn>
void ReadWaves(JsonReader& in, std::string_view key, std::vector<Wave>* out, ReadFn read) {
  OrderedJson arr;
  in.Any(key, &arr);
  if (arr.is_null()) {
    return;
  }
  if (!arr.is_array()) {
    in.Fail(key, "a list of waves");
    return;
  }
  for (size_t i = 0; i < arr.size() && in.ok(); ++i) {
    OrderedJson holder = {{"Steps", arr[i]}};
    JsonReader win(holder, "/" + std::string(key) + "/" + std::to_string(i));
    Wave wave;
    win.List("Steps", &wave.steps, read);
    if (!win.ok()) {
      in.Fail(key, "a list of waves: " + win.error());
      return;
    }
    out->push_back(std::move(wave));
  }
}

OrderedJson RollbackStepToJson(const RollbackStep& s) {
  OrderedJson j = OrderedJson::object();
  j["LogicalResourceId"] = s.logical_id;
  j["ResourceType"] = s.resource_type;
  j["Action"] = Name(s.action);
  if (!s.reason.empty()) {
    j["Reason"] = s.reason;
  }
  return j;
}

void ReadRollbackStep(JsonReader& in, RollbackStep* s) {
  in.RequiredString("LogicalResourceId", &s->logical_id);
  in.String("ResourceType", &s->resource_type);
  EnumField(in, "Action", &s->action);
  in.String("Reason", &s->reason);
}

OrderedJson RollbackToJson(const RollbackPlan& r) {
  OrderedJson j = OrderedJson::object();
  j["OnFailure"] = Name(r.on_failure);
  j["SuccessStatuses"] = r.success_statuses;
  j["FailureStatuses"] = r.failure_statuses;
  OrderedJson waves = OrderedJson::array();
  for (const RollbackWave& w : r.waves) {
    OrderedJson steps = OrderedJson::array();
    for (const RollbackStep& s : w.steps) {
      steps.push_back(RollbackStepToJson(s));
    }
    waves.push_back(std::move(steps));
  }
  j["Waves"] = std::move(waves);
  OrderedJson cleanup = OrderedJson::array();
  for (const RollbackStep& s : r.cleanup) {
    cleanup.push_back(RollbackStepToJson(s));
  }
  j["Cleanup"] = std::move(cleanup);
  j["Retained"] = r.retained;
  return j;
}

void ReadRollback(JsonReader& in, RollbackPlan* r) {
  EnumField(in, "OnFailure", &r->on_failure);
  in.StringList("SuccessStatuses", &r->success_statuses);
  in.StringList("FailureStatuses", &r->failure_statuses);
  ReadWaves(in, "Waves", &r->waves, ReadRollbackStep);
  in.List("Cleanup", &r->cleanup, ReadRollbackStep);
  in.StringList("Retained", &r->retained);
}

OrderedJson DiagnosticToJson(const Diagnostic& d) {
  const DiagCodeInfo& info = GetDiagCodeInfo(d.code);
  OrderedJson j = OrderedJson::object();
  j["Code"] = info.id;
  j["Severity"] = SeverityName(d.severity);
  j["Path"] = d.path.ToString();
  j["Message"] = d.message;
  return j;
}

void ReadDiagnostic(JsonReader& in, Diagnostic* d) {
  std::string code, severity, path, message;
  in.RequiredString("Code", &code);
  in.String("Severity", &severity);
  in.String("Path", &path);
  in.String("Message", &message);
  const std::vector<DiagCodeInfo>& all = AllDiagCodes();
  auto it =
      std::find_if(all.begin(), all.end(), [&](const DiagCodeInfo& i) { return i.id == code; });
  if (it == all.end()) {
    in.Fail("Code", "a known diagnostic code (got '" + code + "')");
    return;
  }
  d->code = static_cast<DiagCode>(std::distance(all.begin(), it));
  d->severity = it->severity;
  for (Severity s : {Severity::kError, Severity::kWarning, Severity::kInfo}) {
    if (SeverityName(s) == severity) {
      d->severity = s;
    }
  }
  std::vector<std::string> segments;
  size_t start = 1;
  while (start <= path.size() && !path.empty()) {
    size_t slash = path.find('/', start);
    segments.push_back(path.substr(start, slash - start));
    if (slash == std::string::npos) {
      break;
    }
    start = slash + 1;
  }
  d->path = TemplatePath(std::move(segments));
  d->message = std::move(message);
}

}  // namespace

OrderedJson ChangeSetToJson(const ChangeSet& cs) {
  OrderedJson j = OrderedJson::object();
  j["ChangeSetName"] = cs.change_set_name;
  if (!cs.change_set_id.empty()) {
    j["ChangeSetId"] = cs.change_set_id;
  }
  if (!cs.stack_id.empty()) {
    j["StackId"] = cs.stack_id;
  }
  j["StackName"] = cs.stack_name;
  j["ChangeSetType"] = cs.change_set_type;
  OrderedJson params = OrderedJson::array();
  for (const StackParameter& p : cs.parameters) {
    OrderedJson pj = {{"ParameterKey", p.key}, {"ParameterValue", p.value}};
    if (!p.resolved_value.empty()) {
      pj["ResolvedValue"] = p.resolved_value;
    }
    params.push_back(std::move(pj));
  }
  j["Parameters"] = std::move(params);
  j["ExecutionStatus"] = cs.execution_status;
  j["Status"] = cs.status;
  if (!cs.status_reason.empty()) {
    j["StatusReason"] = cs.status_reason;
  }
  j["Capabilities"] = cs.capabilities;
  if (cs.include_nested_stacks) {
    j["IncludeNestedStacks"] = true;
  }
  if (!cs.parent_change_set_id.empty()) {
    j["ParentChangeSetId"] = cs.parent_change_set_id;
  }
  if (!cs.root_change_set_id.empty()) {
    j["RootChangeSetId"] = cs.root_change_set_id;
  }
  OrderedJson changes = OrderedJson::array();
  for (const Change& c : cs.changes) {
    OrderedJson cj = OrderedJson::object();
    cj["Type"] = "Resource";
    if (c.hook_invocation_count > 0) {
      cj["HookInvocationCount"] = c.hook_invocation_count;
    }
    cj["ResourceChange"] = ResourceChangeToJson(c.resource_change);
    changes.push_back(std::move(cj));
  }
  j["Changes"] = std::move(changes);
  return j;
}

ErrorOr<ChangeSet> ChangeSetFromJson(const OrderedJson& json) {
  ChangeSet cs;
  JsonReader in(json, "");
  in.String("ChangeSetName", &cs.change_set_name);
  in.String("ChangeSetId", &cs.change_set_id);
  in.String("StackId", &cs.stack_id);
  in.String("StackName", &cs.stack_name);
  in.String("ChangeSetType", &cs.change_set_type);
  in.List("Parameters", &cs.parameters, ReadParameter);
  in.String("ExecutionStatus", &cs.execution_status);
  in.String("Status", &cs.status);
  in.String("StatusReason", &cs.status_reason);
  in.StringList("Capabilities", &cs.capabilities);
  in.Bool("IncludeNestedStacks", &cs.include_nested_stacks);
  in.String("ParentChangeSetId", &cs.parent_change_set_id);
  in.String("RootChangeSetId", &cs.root_change_set_id);
  in.List("Changes", &cs.changes, ReadChange);
  if (!in.ok()) {
    return Error{"invalid change set: " + in.error()};
  }
  return cs;
}

OrderedJson PlanToJson(const Plan& plan) {
  OrderedJson j = OrderedJson::object();
  j["ChangeSet"] = ChangeSetToJson(plan.change_set);
  OrderedJson order = OrderedJson::object();
  order["Waves"] = WavesToJson(plan.order.waves);
  order["CleanupWaves"] = WavesToJson(plan.order.cleanup_waves);
  j["ExecutionOrder"] = std::move(order);
  j["RollbackPlan"] = RollbackToJson(plan.rollback);
  OrderedJson forecast = OrderedJson::array();
  for (const Diagnostic& d : plan.forecast) {
    forecast.push_back(DiagnosticToJson(d));
  }
  j["Forecast"] = std::move(forecast);
  j["StateFingerprint"] = plan.state_fingerprint;
  if (!plan.inputs_fingerprint.empty()) {
    j["InputsFingerprint"] = plan.inputs_fingerprint;
  }
  if (!plan.nested.empty()) {
    OrderedJson nested = OrderedJson::array();
    for (const NestedPlan& n : plan.nested) {
      nested.push_back({{"LogicalResourceId", n.logical_id},
                        {"TemplateURL", n.template_url},
                        {"StackName", n.stack_name},
                        {"Plan", PlanToJson(n.plan)}});
    }
    j["NestedPlans"] = std::move(nested);
  }
  return j;
}

namespace {

// Nested plans deeper than this are refused: cfnx nests stacks at most 8 levels
// (engine/api/nested_templates.h), and a saved plan is outside input.
constexpr int kMaxNestedPlanDepth = 16;

ErrorOr<Plan> PlanFromJsonAt(const OrderedJson& json, int depth);

}  // namespace

ErrorOr<Plan> PlanFromJson(const OrderedJson& json) {
  return PlanFromJsonAt(json, 0);
}

namespace {

ErrorOr<Plan> PlanFromJsonAt(const OrderedJson& json, int depth) {
  Plan plan;
  JsonReader in(json, "");
  OrderedJson cs, order, rollback;
  in.Object("ChangeSet", &cs);
  in.Object("ExecutionOrder", &order);
  in.Object("RollbackPlan", &rollback);
  in.String("StateFingerprint", &plan.state_fingerprint);
  in.String("InputsFingerprint", &plan.inputs_fingerprint);
  in.List("Forecast", &plan.forecast, ReadDiagnostic);
  OrderedJson nested;
  in.Any("NestedPlans", &nested);
  if (!in.ok()) {
    return Error{"invalid plan: " + in.error()};
  }
  if (!nested.is_null() && !nested.is_array()) {
    return Error{"invalid plan: NestedPlans must be a list"};
  }
  if (nested.is_array() && !nested.empty() && depth >= kMaxNestedPlanDepth) {
    return Error{"invalid plan: NestedPlans nested more than " +
                 std::to_string(kMaxNestedPlanDepth) + " levels deep"};
  }
  for (const OrderedJson& n : nested.is_array() ? nested : OrderedJson::array()) {
    NestedPlan child;
    JsonReader nin(n, "/NestedPlans");
    OrderedJson child_plan;
    nin.RequiredString("LogicalResourceId", &child.logical_id);
    nin.String("TemplateURL", &child.template_url);
    nin.String("StackName", &child.stack_name);
    nin.Object("Plan", &child_plan);
    if (!nin.ok()) {
      return Error{"invalid plan: " + nin.error()};
    }
    ErrorOr<Plan> read = PlanFromJsonAt(child_plan, depth + 1);
    if (!read.ok()) {
      return Error{"nested plan " + child.logical_id + ": " + read.error().message};
    }
    child.plan = std::move(*read);
    plan.nested.push_back(std::move(child));
  }
  for (OrderedJson* section : {&cs, &order, &rollback}) {
    if (section->is_null()) {
      *section = OrderedJson::object();
    }
  }
  CFNX_ASSIGN_OR_RETURN(plan.change_set, ChangeSetFromJson(cs));
  JsonReader oin(order, "/ExecutionOrder");
  ReadWaves(oin, "Waves", &plan.order.waves, ReadStep);
  ReadWaves(oin, "CleanupWaves", &plan.order.cleanup_waves, ReadStep);
  JsonReader rin(rollback, "/RollbackPlan");
  ReadRollback(rin, &plan.rollback);
  if (!oin.ok() || !rin.ok()) {
    return Error{"invalid plan: " + (oin.ok() ? rin.error() : oin.error())};
  }
  return plan;
}

}  // namespace

}  // namespace cfnx
