// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include <functional>

#include "engine/exec/executor_internal.h"

namespace cfnx {
namespace {

// Positions for deleting in reverse dependency order: higher runs first. The template is the
// stored one (outside input): without a map of resources, there is no order.
std::map<std::string, size_t> DeleteOrder(const ExecJson& template_json) {
  std::map<std::string, size_t> order;
  if (!template_json.is_object() || !template_json.contains("Resources") ||
      !template_json["Resources"].is_object())
    return order;
  std::set<std::string> all;
  for (auto it = template_json["Resources"].begin(); it != template_json["Resources"].end(); ++it)
    all.insert(it.key());
  ErrorOr<std::vector<std::vector<std::string>>> waves =
      ComputeWaves(ResourceDependencies(template_json, all));
  if (!waves.ok())
    return order;
  size_t index = 0;
  for (const auto& wave : *waves) {
    for (const std::string& id : wave)
      order[id] = ++index;
  }
  return order;
}

}  // namespace

ErrorOr<ExecResult> Executor::RunDelete(OpContext& ctx) {
  std::map<std::string, size_t> order = DeleteOrder(ctx.stack.template_json);
  std::vector<StoredResource> rows = store_.GetResources(ctx.stack.name);
  // Group by position in reverse dependency order; each group may run in parallel.
  std::map<size_t, std::vector<Step>, std::greater<size_t>> groups;
  for (const StoredResource& r : rows) {
    Step step;
    step.logical_id = r.logical_id;
    step.type = r.type;
    step.before = r;
    step.properties = r.properties;
    step.action = Retains(r.deletion_policy, false) ? "retain" : "delete";
    size_t position =
        r.role != "current" || !order.count(r.logical_id) ? SIZE_MAX : order[r.logical_id];
    groups[position].push_back(step);
  }
  std::string failure;
  for (auto& [position, steps] : groups) {
    (void)position;
    std::string step_failure;
    if (!RunSteps(ctx, steps, &step_failure)) {
      failure = step_failure;
      break;  // what remains depends on what could not be deleted
    }
  }
  ExecResult result;
  result.operation = ctx.op.id;
  if (!failure.empty()) {
    CFNX_RETURN_IF_ERROR(SetStackStatus(ctx, "DELETE_FAILED", failure, "DONE"));
    result.status = "DELETE_FAILED";
    result.message = failure;
    return result;
  }
  CFNX_RETURN_IF_ERROR(store_.Write([&](StateStore::Tx& tx) {
    tx.SetExports(ctx.stack.name, {});
    tx.SetImports(ctx.stack.name, {});
    tx.DeleteAllResources(ctx.stack.name);
  }));
  ctx.stack.outputs = ExecJson::array();
  CFNX_RETURN_IF_ERROR(SetStackStatus(ctx, "DELETE_COMPLETE", "", "DONE"));
  result.succeeded = true;
  result.status = "DELETE_COMPLETE";
  return result;
}

std::string TerminationProtectionRefusal(const std::string& stack) {
  return "Stack [" + stack +
         "] cannot be deleted while TerminationProtection is enabled; turn it off first with "
         "`cfnx update-termination-protection --stack " +
         stack + " --disable`";
}

ErrorOr<ExecResult> Executor::Destroy(const std::string& stack_name, const std::string& holder,
                                      int parallel) {
  CFNX_ASSIGN_OR_RETURN(std::optional<ExecResult> recovered, Recover(stack_name));
  (void)recovered;
  std::optional<StoredStack> stack = store_.GetStack(stack_name);
  if (!stack || stack->status == "DELETE_COMPLETE")
    return Error{"Stack with id " + stack_name + " does not exist"};
  if (std::optional<Operation> parked = store_.GetActiveOperation(stack_name)) {
    // A parked failed operation: deleting the stack ends it.
    (void)store_.Write([&](StateStore::Tx& tx) { tx.FinishOperation(parked->id); });
  }
  // `cfnx destroy` refuses with this same forecast before asking; it is checked again here,
  // just before the DELETE operation is recorded, because only this stack is locked: while the
  // user was asked (or for a library caller) another stack may have started importing.
  if (store_.GetStackSettings(stack_name).termination_protection)
    return Error{TerminationProtectionRefusal(stack_name)};
  std::string refused;
  for (const Diagnostic& d : ForecastStackDeletion(StoredStackState(store_, stack_name))) {
    if (d.severity == Severity::kError)
      refused += (refused.empty() ? "" : "\n") + ForecastLine(d);
  }
  if (!refused.empty())
    return Error{refused};
  Operation op;
  op.stack = stack_name;
  op.kind = "DELETE";
  op.phase = "RUNNING";
  op.on_failure = "ROLLBACK";
  op.holder = holder;
  op.prior = ExecJson{{"stack", StackToJson(*stack)}, {"resources", ExecJson::array()}};
  op.desired = ExecJson{{"template", ExecJson()}, {"parallel", parallel}};
  CFNX_RETURN_IF_ERROR(store_.Write([&](StateStore::Tx& tx) { op.id = tx.AddOperation(op); }));
  std::unique_ptr<OpContext> ctx = LoadContext(op);
  CFNX_RETURN_IF_ERROR(SetStackStatus(*ctx, "DELETE_IN_PROGRESS", "User Initiated", "RUNNING"));
  return RunDelete(*ctx);
}

}  // namespace cfnx
