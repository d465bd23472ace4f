// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include <algorithm>
#include <functional>
#include <thread>

#include "engine/backend/local/crash_point.h"
#include "engine/exec/executor_internal.h"
#include "engine/exec/signals.h"

namespace cfnx {
namespace {

std::string ProgressStatus(const std::string& action) {
  if (action == "create")
    return "CREATE_IN_PROGRESS";
  if (action == "delete")
    return "DELETE_IN_PROGRESS";
  if (action == "retain")
    return "";
  return "UPDATE_IN_PROGRESS";
}

std::string ProgressReason(const std::string& action) {
  if (action == "replace" || action == "replace_create")
    return "Requested update requires the creation of a new physical resource; hence creating "
           "one.";
  if (action == "replace_delete")
    return "Requested update requires the deletion of the existing physical resource first "
           "(replacementStrategy delete_then_create).";
  if (action == "restore" || action == "unreplace" || action == "recreate")
    return "Rolling back to the previous state of the resource.";
  return "";
}

}  // namespace

Executor::Executor(StateStore& store, LocalProvider& provider, const FunctionRegistry& functions,
                   const SchemaFacts& schemas, ExecObserver* observer)
    : store_(store),
      provider_(provider),
      functions_(functions),
      schemas_(schemas),
      observer_(observer) {}

void Executor::Emit(const std::vector<StoredEvent>& events) {
  if (observer_ == nullptr)
    return;
  std::lock_guard<std::mutex> guard(observer_mutex_);
  for (const StoredEvent& e : events)
    observer_->OnEvent(e);
}

std::unique_ptr<Executor::OpContext> Executor::LoadContext(const Operation& op) {
  auto ctx = std::make_unique<OpContext>();
  ctx->op = op;
  if (std::optional<StoredStack> s = store_.GetStack(op.stack))
    ctx->stack = *s;
  const ExecJson& d = op.desired;
  if (d.is_object()) {
    ctx->template_json = ObjectField(d, "template");
    // (d["parameters"] on this const object without the key was undefined behaviour, an
    // assertion failure in builds with assertions.)
    ExecJson parameters = ObjectField(d, "parameters");
    for (auto it = parameters.begin(); it != parameters.end(); ++it)
      ctx->parameters[it.key()] = it.value();
    ExecJson ssm_names = ObjectField(d, "ssm_names");
    for (auto it = ssm_names.begin(); it != ssm_names.end(); ++it)
      ctx->ssm_names[it.key()] = ParameterText(it.value());
    ctx->region = StringField(d, "region", "us-east-1");
    ctx->account_id = StringField(d, "account_id", "123456789012");
    ctx->partition = StringField(d, "partition", "aws");
    ctx->parallel =
        static_cast<int>(std::clamp<int64_t>(IntField(d, "parallel", 4), 1, 64));  // --parallel
    ExecJson rollback = ObjectField(d, "rollback_order");
    ctx->rollback_position = Positions(Field(rollback, "waves"));
    ctx->rollback_cleanup_position = Positions(Field(rollback, "cleanup"));
    ctx->cleanup_position = Positions(Field(d, "cleanup_order"));
    ctx->nested_templates = ObjectField(d, "nested_templates");
    ctx->fault_prefix = StringField(d, "fault_prefix");
  }
  for (const StoredResource& r : store_.GetResources(op.stack)) {
    if (r.role == "current")
      ctx->live[r.logical_id] = r;
  }
  int64_t max_seq = 0;
  for (const JournalEntry& e : store_.GetJournal(op.id))
    max_seq = std::max(max_seq, e.seq);
  ctx->next_seq = max_seq + 1;
  return ctx;
}

Status Executor::SetStackStatus(OpContext& ctx, const std::string& status,
                                const std::string& reason, const std::string& phase) {
  ctx.stack.status = status;
  ctx.stack.status_reason = reason;
  ctx.stack.updated_at = StateStore::Now();
  StoredEvent e{0,
                ctx.stack.name,
                ctx.op.id,
                ctx.stack.updated_at,
                ctx.stack.name,
                ctx.stack.stack_id,
                "AWS::CloudFormation::Stack",
                status,
                reason};
  CFNX_RETURN_IF_ERROR(store_.Write([&](StateStore::Tx& tx) {
    tx.PutStack(ctx.stack);
    tx.AddEvent(e);
    if (phase == "DONE") {
      tx.FinishOperation(ctx.op.id);
    } else {
      tx.SetOperationPhase(ctx.op.id, phase);
    }
  }));
  ctx.op.phase = phase;
  CrashPoint();
  Emit({e});
  return {};
}

ProviderOutcome Executor::CallProvider(OpContext& ctx, const Step& step, const std::string& token) {
  if (IsNestedStackStep(step))
    return CallNestedStack(ctx, step, token);
  // In a nested stack, --fail names the resource by its path from the root stack.
  std::string address = ctx.fault_prefix.empty() ? "" : ctx.fault_prefix + step.logical_id;
  SimRequest req{ctx.stack.name, ctx.stack.stack_id, step.logical_id, step.type,       ctx.region,
                 ctx.account_id, ctx.partition,      token,           step.properties, address};
  const std::string& a = step.action;
  if (a == "create" || a == "replace" || a == "replace_create" || a == "recreate")
    return provider_.Create(req);
  if (a == "update" || a == "restore")
    return provider_.Update(req, step.before.physical_id);
  if (a == "delete" || a == "replace_delete")
    return provider_.Delete(address.empty() ? step.logical_id : address, step.type,
                            step.before.physical_id);
  if (a == "retain")
    return provider_.Retain(step.type, step.before.physical_id);
  return ProviderOutcome{true, step.before.physical_id, step.before.attributes, ""};  // unreplace
}

ProviderOutcome Executor::Probe(const JournalEntry& entry) {
  Step step = Step::FromEntry(entry);
  if (IsNestedStackStep(step))
    return ProbeNestedStack(entry);
  const std::string& a = step.action;
  ProviderOutcome interrupted{false, "", nullptr,
                              "Operation interrupted: cfnx stopped before the provider call "
                              "completed; it was not applied"};
  if (a == "create" || a == "replace" || a == "replace_create" || a == "recreate") {
    if (std::optional<CloudResource> c = store_.GetCloudByToken(entry.token))
      return ProviderOutcome{true, c->physical_id, c->attributes, ""};
    return interrupted;
  }
  if (a == "update" || a == "restore") {
    std::optional<CloudResource> c = store_.GetCloud(step.type, step.before.physical_id);
    if (c && c->last_token == entry.token)
      return ProviderOutcome{true, c->physical_id, c->attributes, ""};
    return interrupted;
  }
  if (a == "delete" || a == "replace_delete" || a == "retain") {
    std::optional<CloudResource> c = store_.GetCloud(step.type, step.before.physical_id);
    if (!c || c->retained)
      return ProviderOutcome{true, step.before.physical_id, nullptr, ""};
    return interrupted;
  }
  return ProviderOutcome{true, step.before.physical_id, step.before.attributes, ""};
}

void Executor::Apply(StateStore::Tx& tx, OpContext& ctx, const JournalEntry& entry,
                     const ProviderOutcome& outcome, std::vector<StoredEvent>* events) {
  Step step = Step::FromEntry(entry);
  const std::string& a = step.action;
  const std::string& stack = ctx.stack.name;
  std::string status;
  std::string physical = outcome.ok ? outcome.physical_id : step.before.physical_id;
  std::lock_guard<std::mutex> guard(ctx.mu);
  // A new resource that waits for signals stays in progress until they come (AwaitStepSignals).
  const bool awaits_signals = outcome.ok && !step.signals.is_null() &&
                              (a == "create" || a == "replace" || a == "replace_create");
  auto new_row = [&](const std::string& row_status, int64_t created_by) {
    StoredResource r;
    r.logical_id = step.logical_id;
    r.physical_id = outcome.physical_id;
    r.type = step.type;
    r.status = row_status;
    r.properties = step.properties;
    r.attributes = outcome.attributes.is_null() ? ExecJson::object() : outcome.attributes;
    r.deletion_policy = step.deletion_policy;
    r.update_replace_policy = step.update_replace_policy;
    r.created_by_op = created_by;
    tx.PutResource(stack, r);
    ctx.live[r.logical_id] = r;
  };
  if (a == "create") {
    status = awaits_signals ? "CREATE_IN_PROGRESS"
             : outcome.ok   ? "CREATE_COMPLETE"
                            : "CREATE_FAILED";
    if (outcome.ok)
      new_row(status, ctx.op.id);
  } else if (a == "replace" || a == "replace_create" || a == "recreate") {
    status = awaits_signals ? "UPDATE_IN_PROGRESS"
             : outcome.ok   ? "UPDATE_COMPLETE"
                            : "UPDATE_FAILED";
    if (outcome.ok) {
      if (a == "replace") {
        StoredResource old = step.before;
        old.role = "replaced";
        tx.PutResource(stack, old);
      }
      new_row(status, a == "recreate" ? step.before.created_by_op : ctx.op.id);
    }
  } else if (a == "update" || a == "restore") {
    status = outcome.ok ? "UPDATE_COMPLETE" : "UPDATE_FAILED";
    if (outcome.ok && a == "update" && !step.rolling.is_null())
      status = "UPDATE_IN_PROGRESS";  // until the rolling update's batches are done
    if (outcome.ok) {
      StoredResource r = step.before;
      r.status = status;
      r.properties = step.properties;
      r.attributes = outcome.attributes;
      tx.PutResource(stack, r);
      ctx.live[r.logical_id] = r;
    }
  } else if (a == "replace_delete") {
    status = outcome.ok ? "UPDATE_IN_PROGRESS" : "UPDATE_FAILED";
    if (outcome.ok) {
      tx.DeleteResource(stack, step.logical_id, step.before.physical_id);
      ctx.live.erase(step.logical_id);
    }
  } else if (a == "unreplace") {
    status = "UPDATE_COMPLETE";
    StoredResource abandoned = step.new_row;
    abandoned.role = "rollback";
    tx.PutResource(stack, abandoned);
    StoredResource old = step.before;
    old.role = "current";
    old.status = status;
    tx.PutResource(stack, old);
    ctx.live[old.logical_id] = old;
  } else if (a == "delete" || a == "retain") {
    if (outcome.ok) {
      status = a == "delete" ? "DELETE_COMPLETE" : "DELETE_SKIPPED";
      tx.DeleteResource(stack, step.logical_id, step.before.physical_id);
      auto it = ctx.live.find(step.logical_id);
      if (it != ctx.live.end() && it->second.physical_id == step.before.physical_id)
        ctx.live.erase(it);
    } else {
      status = "DELETE_FAILED";
      StoredResource r = step.before;
      r.status = status;
      tx.PutResource(stack, r);
    }
  }
  std::string reason = outcome.ok ? "" : outcome.reason;
  if (a == "replace_delete" && outcome.ok)
    reason = "Deleted the existing physical resource " + step.before.physical_id;
  if (a == "retain" && outcome.ok)
    reason = "Resource retained (DeletionPolicy or UpdateReplacePolicy Retain)";
  if (awaits_signals)
    reason = WaitingReason(stack, step.logical_id, SignalWait::FromJson(step.signals));
  if (outcome.ok && a == "update" && !step.rolling.is_null())
    reason = RollingUpdateStartReason(step.rolling);
  ExecJson data = step.ToData();
  data["reason"] = reason;
  tx.SetJournalPhase(entry.operation, entry.seq, outcome.ok ? "done" : "failed",
                     outcome.ok ? outcome.physical_id : entry.physical_id, data);
  StoredEvent e{0,         stack,  ctx.op.id, StateStore::Now(), step.logical_id, physical,
                step.type, status, reason};
  tx.AddEvent(e);
  events->push_back(e);
}

bool Executor::RunStep(OpContext& ctx, Step& step, std::string* reason) {
  std::string token = "op" + std::to_string(ctx.op.id) + "-" + std::to_string(step.seq);
  JournalEntry entry{ctx.op.id, step.seq, step.logical_id,         step.action,
                     "intent",  token,    step.before.physical_id, step.ToData()};
  std::vector<StoredEvent> events;
  std::string progress = ProgressStatus(step.action);
  Status s = store_.Write([&](StateStore::Tx& tx) {
    tx.AddJournal(entry);
    if (!progress.empty()) {
      StoredEvent e{0,
                    ctx.stack.name,
                    ctx.op.id,
                    StateStore::Now(),
                    step.logical_id,
                    step.before.physical_id,
                    step.type,
                    progress,
                    step.note.empty() ? ProgressReason(step.action) : step.note};
      tx.AddEvent(e);
      events.push_back(e);
    }
  });
  if (!s.ok()) {
    *reason = s.error().message;
    return false;
  }
  CrashPoint();
  Emit(events);
  events.clear();
  ProviderOutcome outcome = CallProvider(ctx, step, token);
  s = store_.Write([&](StateStore::Tx& tx) { Apply(tx, ctx, entry, outcome, &events); });
  if (!s.ok()) {
    *reason = s.error().message;
    return false;
  }
  CrashPoint();
  Emit(events);
  if (!outcome.ok) {
    *reason = outcome.reason;
    return false;
  }
  const std::string& a = step.action;
  if (!step.signals.is_null() && (a == "create" || a == "replace" || a == "replace_create"))
    return AwaitStepSignals(ctx, step, reason);
  if (a == "update" && !step.rolling.is_null())
    return RunRollingUpdate(ctx, step, reason);
  return true;
}

// Runs `steps` in seq order when parallel is 1, else with up to `ctx.parallel` workers.
bool Executor::RunSteps(OpContext& ctx, std::vector<Step>& steps, std::string* reason) {
  // Units: a delete_then_create replacement is two steps that run in order.
  std::vector<std::vector<Step*>> units;
  for (Step& step : steps) {
    step.seq = ctx.next_seq++;
    if (step.action == "replace_create" && !units.empty() &&
        units.back().back()->action == "replace_delete" &&
        units.back().back()->logical_id == step.logical_id) {
      units.back().push_back(&step);
    } else {
      units.push_back({&step});
    }
  }
  std::vector<std::string> reasons(units.size());
  std::vector<char> ok(units.size(), 1);
  auto run_unit = [&](size_t i) {
    for (Step* step : units[i]) {
      if (!RunStep(ctx, *step, &reasons[i])) {
        ok[i] = 0;
        return;
      }
    }
  };
  size_t workers = std::min<size_t>(static_cast<size_t>(std::max(ctx.parallel, 1)), units.size());
  if (workers <= 1) {
    for (size_t i = 0; i < units.size(); ++i)
      run_unit(i);
  } else {
    std::atomic<size_t> next{0};
    std::vector<std::thread> threads;
    for (size_t w = 0; w < workers; ++w) {
      threads.emplace_back([&] {
        for (size_t i = next++; i < units.size(); i = next++)
          run_unit(i);
      });
    }
    for (std::thread& t : threads)
      t.join();
  }
  bool all_ok = true;
  for (size_t i = 0; i < units.size(); ++i) {
    if (!ok[i]) {
      if (all_ok)
        *reason = units[i].front()->logical_id + ": " + reasons[i];
      all_ok = false;
    }
  }
  return all_ok;
}

}  // namespace cfnx
