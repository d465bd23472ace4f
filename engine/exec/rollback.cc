// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include <algorithm>

#include "engine/backend/local/crash_point.h"
#include "engine/exec/executor_internal.h"

namespace cfnx {
ErrorOr<ExecResult> Executor::RunCleanup(OpContext& ctx) {
  // In the order of the plan's cleanup waves (what the plan did not foresee goes last).
  std::vector<StoredResource> rows;
  for (const StoredResource& r : store_.GetResources(ctx.stack.name)) {
    if (r.role != "current")
      rows.push_back(r);
  }
  const std::map<std::string, size_t>& order = ctx.cleanup_position;
  auto position = [&](const StoredResource& r) {
    auto it = order.find(r.logical_id);
    return it == order.end() ? SIZE_MAX : it->second;
  };
  std::stable_sort(rows.begin(), rows.end(), [&](const StoredResource& a, const StoredResource& b) {
    size_t oa = position(a), ob = position(b);
    return oa != ob ? oa < ob : a.logical_id < b.logical_id;
  });
  std::vector<Step> steps;
  for (const StoredResource& r : rows) {
    Step step;
    step.logical_id = r.logical_id;
    step.type = r.type;
    step.before = r;
    step.properties = r.properties;
    std::string policy = r.role == "replaced" ? r.update_replace_policy : r.deletion_policy;
    step.action = Retains(policy, r.created_by_op == ctx.op.id) ? "retain" : "delete";
    steps.push_back(step);
  }
  int parallel = ctx.parallel;
  ctx.parallel = 1;
  std::string ignored;
  (void)RunSteps(ctx, steps, &ignored);  // cleanup failures do not fail the update
  ctx.parallel = parallel;
  CFNX_RETURN_IF_ERROR(SetStackStatus(ctx, "UPDATE_COMPLETE", "", "DONE"));
  ExecResult result;
  result.succeeded = true;
  result.status = "UPDATE_COMPLETE";
  result.operation = ctx.op.id;
  return result;
}

ErrorOr<ExecResult> Executor::RunRollback(OpContext& ctx, const std::string& reason) {
  bool creating = ctx.op.kind == "CREATE";
  ExecResult result;
  result.operation = ctx.op.id;
  result.message = reason;
  if (ctx.op.phase == "RUNNING") {
    if (ctx.op.on_failure == "DO_NOTHING") {
      std::string status = creating ? "CREATE_FAILED" : "UPDATE_FAILED";
      CFNX_RETURN_IF_ERROR(SetStackStatus(ctx, status, reason, "FAILED"));
      result.status = status;
      return result;
    }
    std::string rolling_back = !creating                       ? "UPDATE_ROLLBACK_IN_PROGRESS"
                               : ctx.op.on_failure == "DELETE" ? "DELETE_IN_PROGRESS"
                                                               : "ROLLBACK_IN_PROGRESS";
    CFNX_RETURN_IF_ERROR(SetStackStatus(ctx, rolling_back, reason, "ROLLBACK"));
  }
  std::vector<JournalEntry> journal = store_.GetJournal(ctx.op.id);
  std::map<std::string, int64_t> created_seq;  // physical id -> seq of the step that made it
  std::set<int64_t> undone;
  for (const JournalEntry& e : journal) {
    if (e.phase == "done" &&
        (e.action == "create" || e.action == "replace" || e.action == "replace_create"))
      created_seq[e.physical_id] = e.seq;
    if (e.phase == "done" && IntField(e.data, "undo") != 0)
      undone.insert(IntField(e.data, "undo"));
  }
  // Compensations run in the plan's rollback order; what the plan did not foresee runs
  // last, most recently created first.
  auto position_in = [](const std::map<std::string, size_t>& order, const std::string& logical_id) {
    auto it = order.find(logical_id);
    return it == order.end() ? SIZE_MAX : it->second;
  };
  auto position = [&](const std::string& logical_id) {
    return position_in(ctx.rollback_position, logical_id);
  };
  auto by_creation_desc = [&](std::vector<StoredResource>& rows,
                              const std::map<std::string, size_t>& order) {
    std::stable_sort(
        rows.begin(), rows.end(), [&](const StoredResource& a, const StoredResource& b) {
          size_t pa = position_in(order, a.logical_id), pb = position_in(order, b.logical_id);
          if (pa != pb)
            return pa < pb;
          int64_t sa = created_seq.count(a.physical_id) ? created_seq[a.physical_id] : 0;
          int64_t sb = created_seq.count(b.physical_id) ? created_seq[b.physical_id] : 0;
          return sa != sb ? sa > sb : a.logical_id > b.logical_id;
        });
  };
  int parallel = ctx.parallel;
  ctx.parallel = 1;
  std::string step_failure;
  // One step per row, in the rows' order: deleted, or kept when its DeletionPolicy is Retain.
  auto deletion_steps = [](const std::vector<StoredResource>& rows) {
    std::vector<Step> steps;
    for (const StoredResource& r : rows) {
      Step step;
      step.logical_id = r.logical_id;
      step.type = r.type;
      step.before = r;
      step.properties = r.properties;
      step.action = r.deletion_policy == "Retain" ? "retain" : "delete";
      steps.push_back(std::move(step));
    }
    return steps;
  };

  if (creating) {
    std::vector<StoredResource> rows = store_.GetResources(ctx.stack.name);
    by_creation_desc(rows, ctx.rollback_position);
    std::vector<Step> steps = deletion_steps(rows);
    bool ok = RunSteps(ctx, steps, &step_failure);
    ctx.parallel = parallel;
    if (!ok) {
      CFNX_RETURN_IF_ERROR(SetStackStatus(ctx, "ROLLBACK_FAILED", step_failure, "ROLLBACK_FAILED"));
      result.status = "ROLLBACK_FAILED";
      return result;
    }
    if (ctx.op.on_failure == "DELETE") {
      CFNX_RETURN_IF_ERROR(store_.Write([&](StateStore::Tx& tx) {
        tx.SetExports(ctx.stack.name, {});
        tx.SetImports(ctx.stack.name, {});
      }));
      CFNX_RETURN_IF_ERROR(SetStackStatus(ctx, "DELETE_COMPLETE", "", "DONE"));
      result.status = "DELETE_COMPLETE";
      return result;
    }
    CFNX_RETURN_IF_ERROR(SetStackStatus(ctx, "ROLLBACK_COMPLETE", "", "DONE"));
    result.status = "ROLLBACK_COMPLETE";
    return result;
  }

  if (ctx.op.phase == "ROLLBACK" || ctx.op.phase == "ROLLBACK_FAILED") {
    std::vector<StoredResource> rows = store_.GetResources(ctx.stack.name);
    std::vector<Step> steps;
    std::vector<JournalEntry> ordered(journal.rbegin(), journal.rend());
    std::stable_sort(ordered.begin(), ordered.end(),
                     [&](const JournalEntry& a, const JournalEntry& b) {
                       return position(a.logical_id) < position(b.logical_id);
                     });
    for (const JournalEntry& e : ordered) {
      if (e.phase != "done" || undone.count(e.seq))
        continue;
      Step original = Step::FromEntry(e);
      Step step;
      step.logical_id = e.logical_id;
      step.type = original.type;
      step.undo = e.seq;
      if (e.action == "update") {
        step.action = "restore";
        step.before = original.before;
        step.before.properties = original.properties;  // what is deployed now
        step.properties = original.before.properties;
        step.deletion_policy = original.before.deletion_policy;
        step.update_replace_policy = original.before.update_replace_policy;
        // A nested stack goes back to the template it had (engine/exec/nested_stack.cc).
        if (original.nested.is_object())
          step.nested = ObjectField(original.nested, "Previous");
      } else if (e.action == "replace") {
        step.action = "unreplace";
        step.before = original.before;
        for (const StoredResource& r : rows) {
          if (r.logical_id == e.logical_id && r.physical_id == e.physical_id)
            step.new_row = r;
        }
        if (step.new_row.physical_id.empty())
          continue;
      } else if (e.action == "replace_create") {
        step.action = "delete";
        for (const StoredResource& r : rows) {
          if (r.logical_id == e.logical_id && r.physical_id == e.physical_id)
            step.before = r;
        }
        if (step.before.physical_id.empty())
          continue;
        step.properties = step.before.properties;
      } else if (e.action == "replace_delete") {
        step.action = "recreate";
        step.before = original.before;
        step.properties = original.before.properties;
        step.deletion_policy = original.before.deletion_policy;
        step.update_replace_policy = original.before.update_replace_policy;
      } else {
        continue;
      }
      steps.push_back(step);
    }
    if (!RunSteps(ctx, steps, &step_failure)) {
      ctx.parallel = parallel;
      CFNX_RETURN_IF_ERROR(
          SetStackStatus(ctx, "UPDATE_ROLLBACK_FAILED", step_failure, "ROLLBACK_FAILED"));
      result.status = "UPDATE_ROLLBACK_FAILED";
      return result;
    }
    CFNX_RETURN_IF_ERROR(SetStackStatus(ctx, "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS", "",
                                        "ROLLBACK_CLEANUP"));
  }
  // Cleanup: delete what the failed update created.
  std::vector<StoredResource> rows;
  for (const StoredResource& r : store_.GetResources(ctx.stack.name)) {
    if (r.role == "rollback" || r.created_by_op == ctx.op.id)
      rows.push_back(r);
  }
  by_creation_desc(rows, ctx.rollback_cleanup_position);
  std::vector<Step> steps = deletion_steps(rows);
  (void)RunSteps(ctx, steps, &step_failure);
  ctx.parallel = parallel;
  CFNX_RETURN_IF_ERROR(SetStackStatus(ctx, "UPDATE_ROLLBACK_COMPLETE", "", "DONE"));
  result.status = "UPDATE_ROLLBACK_COMPLETE";
  return result;
}

Status Executor::ReconcileJournal(OpContext& ctx) {
  for (const JournalEntry& entry : store_.GetJournal(ctx.op.id)) {
    if (entry.phase != "intent")
      continue;
    ProviderOutcome outcome = Probe(entry);
    std::vector<StoredEvent> events;
    CFNX_RETURN_IF_ERROR(
        store_.Write([&](StateStore::Tx& tx) { Apply(tx, ctx, entry, outcome, &events); }));
    CrashPoint();
    Emit(events);
  }
  return {};
}

ErrorOr<std::optional<ExecResult>> Executor::Recover(const std::string& stack) {
  // The operation records come from the state database: whatever in them still does not have
  // the shape cfnx wrote becomes an error, not an uncaught exception.
  try {
    return RecoverOperation(stack);
  } catch (const nlohmann::json::exception& e) {
    return Error{"the state database's record of the interrupted operation on stack '" + stack +
                 "' is malformed (" + e.what() + "); it was not recovered"};
  }
}

ErrorOr<std::optional<ExecResult>> Executor::RecoverOperation(const std::string& stack) {
  std::optional<Operation> op = store_.GetActiveOperation(stack);
  if (!op || op->phase == "FAILED" || op->phase == "ROLLBACK_FAILED")
    return std::optional<ExecResult>();
  std::unique_ptr<OpContext> ctx = LoadContext(*op);
  CFNX_RETURN_IF_ERROR(ReconcileJournal(*ctx));
  std::string reason = "Operation interrupted: " + op->holder + " stopped before it finished";
  ErrorOr<ExecResult> result = Error{""};
  if (op->phase == "RUNNING") {
    if (op->kind == "DELETE") {
      result = RunDelete(*ctx);
    } else {
      if (ctx->op.on_failure == "DO_NOTHING")
        ctx->op.on_failure = "ROLLBACK";  // nothing consistent to leave behind otherwise
      result = RunRollback(*ctx, reason);
    }
  } else if (op->phase == "CLEANUP") {
    result = RunCleanup(*ctx);
  } else {
    result = RunRollback(*ctx, reason);
  }
  if (!result.ok())
    return Error{result.error().message};
  return std::optional<ExecResult>(*result);
}

ErrorOr<ExecResult> Executor::Rollback(const std::string& stack) {
  CFNX_ASSIGN_OR_RETURN(std::optional<ExecResult> recovered, Recover(stack));
  if (recovered)
    return *recovered;
  std::optional<Operation> op = store_.GetActiveOperation(stack);
  if (!op) {
    std::optional<StoredStack> s = store_.GetStack(stack);
    if (!s)
      return Error{"Stack with id " + stack + " does not exist"};
    return Error{"stack '" + stack + "' is in " + s->status + "; there is nothing to roll back"};
  }
  std::unique_ptr<OpContext> ctx = LoadContext(*op);
  ctx->op.on_failure = "ROLLBACK";
  if (op->phase == "FAILED") {
    ctx->op.phase = "RUNNING";
    return RunRollback(*ctx, "Rollback requested by the user");
  }
  CFNX_RETURN_IF_ERROR(SetStackStatus(
      *ctx, op->kind == "CREATE" ? "ROLLBACK_IN_PROGRESS" : "UPDATE_ROLLBACK_IN_PROGRESS",
      "Continuing the rollback", "ROLLBACK"));
  return RunRollback(*ctx, "Continuing the rollback");
}

}  // namespace cfnx
