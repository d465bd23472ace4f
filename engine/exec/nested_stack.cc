// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Nested stacks on the local backend. An AWS::CloudFormation::Stack resource whose template
// cfnx read (DeployRequest::nested_templates) is a stack of its own in the state store, named
// as CloudFormation names it, "<parent>-<LogicalId>-<13 characters>". The parent's provider call
// for the resource deploys, updates or destroys that stack with this same executor (under the
// child stack's lock); the resource's physical id is the child's stack id (what Ref returns)
// and its attributes are "Outputs.<Key>" (what Fn::GetAtt Child.Outputs.Key returns).
//
//   create   the child is created with --on-failure DELETE: a child that fails deletes itself,
//            its resource is CREATE_FAILED and the parent rolls back.
//   update   the child is updated with --on-failure ROLLBACK (it rolls itself back when it
//            fails); the journaled step keeps the template the child had, so when the parent
//            fails later its rollback ("restore") deploys that template to the child again.
//   delete   the child stack is destroyed (cleanup, rollback of a creation, `cfnx destroy`).
//
// `--fail Child/Topic[:create|update|delete]` fails resource Topic of the stack nested as Child
// (ctx.fault_prefix); `--fail Child` fails the nested stack resource itself.

#include <optional>

#include "engine/exec/executor_internal.h"
#include "engine/plan/nested_stacks.h"

namespace cfnx {
namespace {

constexpr char kStackType[] = "AWS::CloudFormation::Stack";
constexpr double kChildLockSeconds = 60;

// CloudFormation ends a nested stack's name with 13 random upper-case letters and digits. cfnx
// derives them from the provider call's token, so a call replayed after a crash finds the stack
// the first attempt made.
std::string Suffix13(const std::string& seed) {
  static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  uint64_t h = 1469598103934665603ull;
  std::string out;
  for (int round = 0; out.size() < 13; ++round) {
    for (unsigned char c : seed + "#" + std::to_string(round)) {
      h ^= c;
      h *= 1099511628211ull;
    }
    for (int i = 0; i < 6 && out.size() < 13; ++i) {
      out += alphabet[h % 36];
      h /= 36;
    }
  }
  return out;
}

std::map<std::string, std::string> ChildParameters(const ExecJson& properties) {
  std::map<std::string, std::string> out;
  ExecJson params = ObjectField(properties, "Parameters");
  for (auto it = params.begin(); it != params.end(); ++it)
    out[it.key()] = ParameterText(it.value());
  return out;
}

// The child stack `physical_id` names, when it is one this store holds.
std::optional<StoredStack> LiveChild(StateStore& store, const std::string& physical_id) {
  std::string name = StackNameOfStackId(physical_id);
  if (name.empty())
    return std::nullopt;
  std::optional<StoredStack> s = store.GetStack(name);
  if (!s || s->stack_id != physical_id)
    return std::nullopt;
  return s;
}

ProviderOutcome Failed(const std::string& reason) {
  return ProviderOutcome{false, "", nullptr, reason};
}

ProviderOutcome Completed(const StoredStack& child) {
  ExecJson attributes = ExecJson::object();
  if (child.outputs.is_array()) {
    for (const ExecJson& o : child.outputs)
      attributes["Outputs." + StringField(o, "OutputKey")] = Field(o, "OutputValue");
  }
  return ProviderOutcome{true, child.stack_id, attributes, ""};
}

std::string NestedOperation(const std::string& action) {
  if (action == "create" || action == "replace" || action == "replace_create" ||
      action == "recreate")
    return "create";
  if (action == "update" || action == "restore")
    return "update";
  return "delete";
}

}  // namespace

std::optional<StoredStack> ParentStackOf(StateStore& store, const std::string& child) {
  std::optional<StoredStack> c = store.GetStack(child);
  if (!c || c->stack_id.empty())
    return std::nullopt;
  for (const StoredStack& s : store.ListStacks()) {
    if (s.name == child)
      continue;
    for (const StoredResource& r : store.GetResources(s.name)) {
      if (r.type == kStackType && r.physical_id == c->stack_id)
        return s;
    }
  }
  return std::nullopt;
}

std::map<std::string, std::string> NestedStackParents(StateStore& store) {
  std::vector<StoredStack> stacks = store.ListStacks();
  std::map<std::string, std::string> by_id;  // stack id -> name
  for (const StoredStack& s : stacks)
    by_id[s.stack_id] = s.name;
  std::map<std::string, std::string> out;
  for (const StoredStack& s : stacks) {
    for (const StoredResource& r : store.GetResources(s.name)) {
      auto child = by_id.find(r.physical_id);
      if (r.type == kStackType && child != by_id.end() && child->second != s.name)
        out[child->second] = s.name;
    }
  }
  return out;
}

ExecJson StoredNestedTemplates(StateStore& store, const std::string& stack) {
  ExecJson out = ExecJson::object();
  for (const StoredResource& r : store.GetResources(stack)) {
    if (r.type != kStackType || r.role != "current")
      continue;
    if (std::optional<StoredStack> child = LiveChild(store, r.physical_id)) {
      out[r.logical_id] = ExecJson{{"Template", child->template_json},
                                   {"Nested", StoredNestedTemplates(store, child->name)}};
    }
  }
  return out;
}

bool NestedTemplatesDeployed(StateStore& store, const std::string& stack,
                             const ExecJson& nested_templates) {
  if (!nested_templates.is_object() || nested_templates.empty())
    return true;
  std::map<std::string, std::string> children;  // logical id -> stack id
  for (const StoredResource& r : store.GetResources(stack)) {
    if (r.type == kStackType && r.role == "current")
      children[r.logical_id] = r.physical_id;
  }
  for (auto it = nested_templates.begin(); it != nested_templates.end(); ++it) {
    auto found = children.find(it.key());
    if (found == children.end())
      return false;
    std::optional<StoredStack> child = LiveChild(store, found->second);
    if (!child || !SameJson(child->template_json, Field(it.value(), "Template")) ||
        !NestedTemplatesDeployed(store, child->name, ObjectField(it.value(), "Nested")))
      return false;
  }
  return true;
}

bool Executor::IsNestedStackStep(const Step& step) {
  if (step.type != kStackType)
    return false;
  if (step.nested.is_object())
    return true;
  return !step.before.physical_id.empty() && LiveChild(store_, step.before.physical_id).has_value();
}

ExecJson Executor::NestedStepData(const OpContext& ctx, const std::string& logical_id,
                                  const std::optional<StoredResource>& live) {
  ExecJson entry = Field(ctx.nested_templates, logical_id.c_str());
  ExecJson data{{"TemplateURL", Field(entry, "TemplateURL")},
                {"Template", Field(entry, "Template")},
                {"Nested", ObjectField(entry, "Nested")}};
  if (live) {
    if (std::optional<StoredStack> child = LiveChild(store_, live->physical_id)) {
      data["Previous"] = ExecJson{{"Template", child->template_json},
                                  {"Nested", StoredNestedTemplates(store_, child->name)}};
    }
  }
  return data;
}

void Executor::PlanNestedStacks(const DeployRequest& request, Plan& plan) {
  PlanOptions options;
  options.stack_name = request.stack_name;
  options.region = request.region;
  options.partition = request.partition;
  options.account_id = request.account_id;
  options.capabilities = request.capabilities;
  Parse(request.on_failure, &options.on_failure);
  DiagnosticCollector ignored;  // the template's problems were reported when it was loaded
  cfnx::PlanNestedStacks(
      request.nested_templates, StoredStackState(store_, request.stack_name), functions_, schemas_,
      options, [this](const std::string& name) { return StoredStackState(store_, name); }, plan,
      ignored);
}

ProviderOutcome Executor::CallNestedStack(OpContext& ctx, const Step& step,
                                          const std::string& token) {
  const std::string& a = step.action;
  if (a == "retain" || a == "unreplace")
    return ProviderOutcome{true, step.before.physical_id, step.before.attributes, ""};
  std::string op = NestedOperation(a);
  std::string address = ctx.fault_prefix + step.logical_id;
  if (provider_.faults().ShouldFail(address, op))
    return Failed("Simulated " + op + " failure injected by --fail " + address + ":" + op);

  std::optional<StoredStack> existing =
      op == "create" ? std::nullopt : LiveChild(store_, step.before.physical_id);
  std::string name = existing ? existing->name
                              : ctx.stack.name + "-" + step.logical_id + "-" +
                                    Suffix13(ctx.stack.stack_id + "/" + token);
  if (op == "delete") {
    if (!existing || existing->status == "DELETE_COMPLETE")
      return ProviderOutcome{true, step.before.physical_id, nullptr, ""};
    ErrorOr<StoreLock> lock = store_.AcquireLock(name, ctx.op.holder, kChildLockSeconds);
    if (!lock.ok())
      return Failed(lock.error().message);
    ErrorOr<ExecResult> result = Destroy(name, ctx.op.holder, ctx.parallel);
    if (!result.ok())
      return Failed(result.error().message);
    if (!result->succeeded)
      return Failed("Embedded stack " + existing->stack_id +
                    " was not successfully deleted: " + result->message);
    return ProviderOutcome{true, step.before.physical_id, nullptr, ""};
  }
  if (op == "update" && !existing)
    return Failed("Nested stack " + step.before.physical_id + " does not exist");

  DeployRequest child;
  child.stack_name = name;
  ExecJson template_json = Field(step.nested, "Template");
  child.template_json = template_json.is_object() ? template_json : existing->template_json;
  child.nested_templates = ObjectField(step.nested, "Nested");
  child.parameters = ChildParameters(step.properties);
  child.region = ctx.region;
  child.account_id = ctx.account_id;
  child.partition = ctx.partition;
  child.on_failure = op == "create" ? "DELETE" : "ROLLBACK";
  child.parallel = ctx.parallel;
  child.holder = ctx.op.holder;
  child.fault_prefix = address + "/";
  child.auto_signal = ctx.auto_signal;
  ErrorOr<StoreLock> lock = store_.AcquireLock(name, ctx.op.holder, kChildLockSeconds);
  if (!lock.ok())
    return Failed(lock.error().message);
  ErrorOr<ExecResult> result = Deploy(child);
  std::optional<StoredStack> after = store_.GetStack(name);
  std::string id = after ? after->stack_id : name;
  if (!result.ok())
    return Failed("Embedded stack " + id + " was not successfully " +
                  (op == "create" ? "created" : "updated") + ": " + result.error().message);
  if (!result->succeeded || !after)
    return Failed("Embedded stack " + id + " was not successfully " +
                  (op == "create" ? "created" : "updated") + ": " + result->message);
  return Completed(*after);
}

ProviderOutcome Executor::ProbeNestedStack(const JournalEntry& entry) {
  Step step = Step::FromEntry(entry);
  ProviderOutcome interrupted{false, "", nullptr,
                              "Operation interrupted: cfnx stopped before the nested stack "
                              "operation completed"};
  std::string op = NestedOperation(step.action);
  if (op == "delete") {
    std::optional<StoredStack> child = LiveChild(store_, step.before.physical_id);
    if (!child || child->status == "DELETE_COMPLETE")
      return ProviderOutcome{true, step.before.physical_id, nullptr, ""};
    (void)Recover(child->name);
    return interrupted;
  }
  // The child's own journal says how far it got: finish (or roll back) its operation first.
  std::string name;
  if (op == "create") {
    std::optional<Operation> parent_op = store_.GetOperation(entry.operation);
    std::optional<StoredStack> parent =
        parent_op ? store_.GetStack(parent_op->stack) : std::nullopt;
    if (!parent)
      return interrupted;
    name =
        parent->name + "-" + step.logical_id + "-" + Suffix13(parent->stack_id + "/" + entry.token);
  } else if (std::optional<StoredStack> child = LiveChild(store_, step.before.physical_id)) {
    name = child->name;
  }
  if (name.empty())
    return interrupted;
  (void)Recover(name);
  std::optional<StoredStack> child = store_.GetStack(name);
  if (!child)
    return interrupted;
  bool done = op == "create" ? child->status == "CREATE_COMPLETE"
                             : child->status == "UPDATE_COMPLETE" &&
                                   SameJson(child->template_json, Field(step.nested, "Template"));
  if (done)
    return Completed(*child);
  if (op == "create" && child->status != "DELETE_COMPLETE")
    (void)Destroy(name, "cfnx recovery", 1);  // nothing in the parent records it
  return interrupted;
}

}  // namespace cfnx
