// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include "engine/exec/executor.h"

#include <algorithm>
#include <atomic>
#include <functional>
#include <set>
#include <thread>

#include "engine/ast/json_convert.h"
#include "engine/backend/local/crash_point.h"
#include "engine/model/template.h"

namespace cfnx {
namespace {

bool SameJson(const ExecJson& a, const ExecJson& b) {
  return nlohmann::json::parse(a.dump()) == nlohmann::json::parse(b.dump());
}

ExecJson RowToJson(const StoredResource& r) {
  ExecJson j = ExecJson::object();
  j["LogicalResourceId"] = r.logical_id;
  j["PhysicalResourceId"] = r.physical_id;
  j["ResourceType"] = r.type;
  j["ResourceStatus"] = r.status;
  j["Role"] = r.role;
  j["Properties"] = r.properties;
  j["Attributes"] = r.attributes;
  j["DeletionPolicy"] = r.deletion_policy;
  j["UpdateReplacePolicy"] = r.update_replace_policy;
  j["CreatedByOperation"] = r.created_by_op;
  return j;
}

// Typed reads of the operation records (`desired`, journal `data`) the state database holds.
// The database is outside input (a hand edit, a damaged file): a field of the wrong type reads
// as its fallback, where ExecJson::value would throw type_error.302 and end the process.
std::string StringField(const ExecJson& j, const char* key, const std::string& fallback = "") {
  auto it = j.is_object() ? j.find(key) : j.end();
  return it != j.end() && it->is_string() ? it->get<std::string>() : fallback;
}

int64_t IntField(const ExecJson& j, const char* key, int64_t fallback = 0) {
  auto it = j.is_object() ? j.find(key) : j.end();
  return it != j.end() && it->is_number_integer() ? it->get<int64_t>() : fallback;
}

ExecJson ObjectField(const ExecJson& j, const char* key) {
  auto it = j.is_object() ? j.find(key) : j.end();
  return it != j.end() && it->is_object() ? *it : ExecJson::object();
}

ExecJson Field(const ExecJson& j, const char* key) {
  auto it = j.is_object() ? j.find(key) : j.end();
  return it != j.end() ? *it : ExecJson();
}

StoredResource RowFromJson(const ExecJson& j) {
  StoredResource r;
  if (!j.is_object())
    return r;
  r.logical_id = StringField(j, "LogicalResourceId");
  r.physical_id = StringField(j, "PhysicalResourceId");
  r.type = StringField(j, "ResourceType");
  r.status = StringField(j, "ResourceStatus");
  r.role = StringField(j, "Role", "current");
  r.properties = ObjectField(j, "Properties");
  r.attributes = ObjectField(j, "Attributes");
  r.deletion_policy = StringField(j, "DeletionPolicy");
  r.update_replace_policy = StringField(j, "UpdateReplacePolicy");
  r.created_by_op = IntField(j, "CreatedByOperation");
  return r;
}

ExecJson StackToJson(const StoredStack& s) {
  ExecJson j = ExecJson::object();
  j["StackName"] = s.name;
  j["StackId"] = s.stack_id;
  j["StackStatus"] = s.status;
  j["Template"] = s.template_json;
  j["Parameters"] = s.parameters;
  j["Outputs"] = s.outputs;
  j["Generation"] = s.generation;
  j["CreatedAt"] = s.created_at;
  return j;
}

std::string Hex(uint64_t v, int digits) {
  static const char* hex = "0123456789abcdef";
  std::string out(static_cast<size_t>(digits), '0');
  for (int i = digits - 1; i >= 0; --i) {
    out[static_cast<size_t>(i)] = hex[v & 15];
    v >>= 4;
  }
  return out;
}

uint64_t Fnv(const std::string& s, uint64_t seed = 1469598103934665603ull) {
  uint64_t h = seed;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::string MakeStackId(const std::string& partition, const std::string& region,
                        const std::string& account, const std::string& name) {
  std::string seed = name + "/" + StateStore::Now();
  uint64_t a = Fnv(seed), b = Fnv(seed, a);
  std::string uuid = Hex(a >> 32, 8) + "-" + Hex((a >> 16) & 0xffff, 4) + "-" + Hex(a & 0xffff, 4) +
                     "-" + Hex(b >> 48, 4) + "-" + Hex(b, 12);
  return "arn:" + partition + ":cloudformation:" + region + ":" + account + ":stack/" + name + "/" +
         uuid;
}

std::string PolicyOf(const ExecJson& resource, const char* key) {
  if (resource.is_object() && resource.contains(key) && resource[key].is_string())
    return resource[key].get<std::string>();
  return "";
}

bool Retains(const std::string& policy, bool created_in_this_operation) {
  if (policy == "Retain")
    return true;
  if (policy == "RetainExceptOnCreate")
    return !created_in_this_operation;
  return false;
}

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

// A parameter value as DescribeStacks shows it: lists comma-joined.
std::string ParameterText(const ExecJson& v) {
  if (v.is_string())
    return v.get<std::string>();
  if (v.is_array()) {
    std::string out;
    for (const ExecJson& item : v)
      out += (out.empty() ? "" : ",") + ParameterText(item);
    return out;
  }
  return v.dump();
}

// The resources of `t` whose Condition holds.
std::set<std::string> IncludedResources(const ExecJson& t,
                                        const std::map<std::string, bool>& conditions) {
  std::set<std::string> out;
  if (!t.is_object() || !t.contains("Resources") || !t["Resources"].is_object())
    return out;
  for (auto it = t["Resources"].begin(); it != t["Resources"].end(); ++it) {
    const ExecJson& r = it.value();
    if (r.is_object() && r.contains("Condition") && r["Condition"].is_string()) {
      auto c = conditions.find(r["Condition"].get<std::string>());
      if (c == conditions.end() || !c->second)
        continue;
    }
    out.insert(it.key());
  }
  return out;
}

// Logical ids in the order the plan's rollback compensates them: {"waves": [...], "cleanup":
// [...]}.
ExecJson RollbackSequence(const Plan& plan) {
  ExecJson waves = ExecJson::array(), cleanup = ExecJson::array();
  for (const RollbackWave& w : plan.rollback.waves)
    for (const RollbackStep& s : w.steps)
      waves.push_back(s.logical_id);
  for (const RollbackStep& s : plan.rollback.cleanup)
    cleanup.push_back(s.logical_id);
  return ExecJson{{"waves", waves}, {"cleanup", cleanup}};
}

// Logical ids in the order of the plan's cleanup waves.
ExecJson CleanupSequence(const Plan& plan) {
  ExecJson ids = ExecJson::array();
  for (const PlanWave& w : plan.order.cleanup_waves)
    for (const PlanStep& s : w.steps)
      ids.push_back(s.logical_id);
  return ids;
}

// Logical id -> first position in `sequence` (a JSON list of ids).
std::map<std::string, size_t> Positions(const ExecJson& sequence) {
  std::map<std::string, size_t> out;
  if (!sequence.is_array())
    return out;
  for (size_t i = 0; i < sequence.size(); ++i) {
    if (sequence[i].is_string())
      out.emplace(sequence[i].get<std::string>(), i);
  }
  return out;
}

}  // namespace

StackState StoredStackState(StateStore& store, const std::string& name) {
  StackState state;
  state.stack_name = name;
  std::map<std::string, std::string> stack_ids;
  for (const StoredStack& s : store.ListStacks())
    stack_ids[s.name] = s.stack_id;
  for (const auto& e : store.GetExports()) {
    StackExport x;
    x.name = e[0];
    x.exporting_stack_id = stack_ids[e[1]];
    x.value = e[2];
    x.importing_stacks = store.GetImporters(e[0]);
    std::sort(x.importing_stacks.begin(), x.importing_stacks.end());
    state.exports.push_back(std::move(x));
  }
  std::optional<StoredStack> stack = store.GetStack(name);
  if (!stack || stack->status == "DELETE_COMPLETE")
    return state;
  state.stack_id = stack->stack_id;
  state.status = stack->status;
  state.status_reason = stack->status_reason;
  state.template_body = stack->template_json;
  if (stack->parameters.is_object()) {
    for (auto it = stack->parameters.begin(); it != stack->parameters.end(); ++it)
      state.parameters.push_back({it.key(), ParameterText(it.value()), ""});
  }
  for (const StoredResource& r : store.GetResources(name)) {
    if (r.role != "current")
      continue;
    StackResource out;
    out.logical_id = r.logical_id;
    out.type = r.type;
    out.physical_id = r.physical_id;
    out.status = r.status;
    out.properties = r.properties.is_object() ? r.properties : ExecJson::object();
    out.attributes = r.attributes.is_object() ? r.attributes : ExecJson::object();
    state.resources.push_back(std::move(out));
  }
  if (stack->outputs.is_array()) {
    for (const ExecJson& o : stack->outputs) {
      state.outputs.push_back({StringField(o, "OutputKey"), StringField(o, "OutputValue"),
                               StringField(o, "Description"), StringField(o, "ExportName")});
    }
  }
  return state;
}

struct Executor::Step {
  std::string action;
  std::string logical_id;
  std::string type;
  ExecJson properties = ExecJson::object();
  StoredResource before;   // the existing row the step acts on, when there is one
  StoredResource new_row;  // unreplace: the replacement being abandoned
  std::string deletion_policy;
  std::string update_replace_policy;
  int64_t undo = 0;  // rollback steps: the journal seq they compensate
  int64_t seq = 0;

  ExecJson ToData() const {
    ExecJson j = ExecJson::object();
    j["type"] = type;
    j["properties"] = properties;
    j["before"] = before.physical_id.empty() ? ExecJson() : RowToJson(before);
    j["new_row"] = new_row.physical_id.empty() ? ExecJson() : RowToJson(new_row);
    j["deletion_policy"] = deletion_policy;
    j["update_replace_policy"] = update_replace_policy;
    j["undo"] = undo;
    return j;
  }
  static Step FromEntry(const JournalEntry& e) {
    Step s;
    s.action = e.action;
    s.logical_id = e.logical_id;
    s.seq = e.seq;
    const ExecJson& d = e.data;
    if (d.is_object()) {
      s.type = StringField(d, "type");
      s.properties = ObjectField(d, "properties");
      s.before = RowFromJson(Field(d, "before"));
      s.new_row = RowFromJson(Field(d, "new_row"));
      s.deletion_policy = StringField(d, "deletion_policy");
      s.update_replace_policy = StringField(d, "update_replace_policy");
      s.undo = IntField(d, "undo");
    }
    return s;
  }
};

struct Executor::OpContext {
  Operation op;
  StoredStack stack;
  ExecJson template_json;
  std::map<std::string, ExecJson> parameters;
  std::map<std::string, bool> conditions;
  std::string region, account_id, partition;
  int parallel = 4;
  std::atomic<int64_t> next_seq{1};
  std::mutex mu;
  std::map<std::string, StoredResource> live;  // logical id -> current row
  std::set<std::string> imports;
  // Positions of logical ids in the plan's rollback waves, its rollback cleanup and its
  // cleanup waves.
  std::map<std::string, size_t> rollback_position;
  std::map<std::string, size_t> rollback_cleanup_position;
  std::map<std::string, size_t> cleanup_position;
};

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
    ctx->region = StringField(d, "region", "us-east-1");
    ctx->account_id = StringField(d, "account_id", "123456789012");
    ctx->partition = StringField(d, "partition", "aws");
    ctx->parallel =
        static_cast<int>(std::clamp<int64_t>(IntField(d, "parallel", 4), 1, 64));  // --parallel
    ExecJson rollback = ObjectField(d, "rollback_order");
    ctx->rollback_position = Positions(Field(rollback, "waves"));
    ctx->rollback_cleanup_position = Positions(Field(rollback, "cleanup"));
    ctx->cleanup_position = Positions(Field(d, "cleanup_order"));
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
  SimRequest req{ctx.stack.name, ctx.stack.stack_id, step.logical_id, step.type,      ctx.region,
                 ctx.account_id, ctx.partition,      token,           step.properties};
  const std::string& a = step.action;
  if (a == "create" || a == "replace" || a == "replace_create" || a == "recreate")
    return provider_.Create(req);
  if (a == "update" || a == "restore")
    return provider_.Update(req, step.before.physical_id);
  if (a == "delete" || a == "replace_delete")
    return provider_.Delete(step.logical_id, step.type, step.before.physical_id);
  if (a == "retain")
    return provider_.Retain(step.type, step.before.physical_id);
  return ProviderOutcome{true, step.before.physical_id, step.before.attributes, ""};  // unreplace
}

ProviderOutcome Executor::Probe(const JournalEntry& entry) {
  Step step = Step::FromEntry(entry);
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
    status = outcome.ok ? "CREATE_COMPLETE" : "CREATE_FAILED";
    if (outcome.ok)
      new_row(status, ctx.op.id);
  } else if (a == "replace" || a == "replace_create" || a == "recreate") {
    status = outcome.ok ? "UPDATE_COMPLETE" : "UPDATE_FAILED";
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
                    ProgressReason(step.action)};
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
  if (!outcome.ok)
    *reason = outcome.reason;
  return outcome.ok;
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

namespace {

// What the planner and the executor agree on before a deployment: the stack as stored, the
// parameter values (given, else the deployed value, else the Default) and their resolution.
struct Prepared {
  std::optional<StoredStack> existing;
  std::map<std::string, std::string> given;
  std::map<std::string, ExecJson> parameters;
  std::map<std::string, bool> conditions;
};

ErrorOr<Prepared> Prepare(StateStore& store, const ResourceSimulator& simulator,
                          const DeployRequest& req) {
  Prepared p;
  p.existing = store.GetStack(req.stack_name);
  if (p.existing && p.existing->status == "DELETE_COMPLETE")
    p.existing.reset();
  const ExecJson& t = req.template_json;
  if (!t.is_object() || !t.contains("Resources") || !t["Resources"].is_object() ||
      t["Resources"].empty())
    return Error{"Template format error: At least one Resources member must be defined."};
  if (req.on_failure != "ROLLBACK" && req.on_failure != "DELETE" && req.on_failure != "DO_NOTHING")
    return Error{"--on-failure must be ROLLBACK, DELETE or DO_NOTHING, not '" + req.on_failure +
                 "'"};
  p.given = req.parameters;
  if (p.existing && p.existing->parameters.is_object() && t.contains("Parameters") &&
      t["Parameters"].is_object()) {
    // As `aws cloudformation deploy`: a parameter not given keeps its deployed value.
    for (auto it = t["Parameters"].begin(); it != t["Parameters"].end(); ++it) {
      if (!p.given.count(it.key()) && p.existing->parameters.contains(it.key()))
        p.given[it.key()] = ParameterText(p.existing->parameters[it.key()]);
    }
  }
  CFNX_ASSIGN_OR_RETURN(p.parameters, ResolveParameters(t, p.given));
  ResolveContext rc;
  rc.template_json = &t;
  rc.parameters = p.parameters;
  rc.region = req.region;
  rc.account_id = req.account_id;
  rc.partition = req.partition;
  rc.stack_name = req.stack_name;
  CFNX_RETURN_IF_ERROR(EvaluateConditions(rc));
  p.conditions = rc.conditions;
  const ExecJson& resources = t["Resources"];
  for (auto it = resources.begin(); it != resources.end(); ++it) {
    const ExecJson& r = it.value();
    if (!r.is_object() || !r.contains("Type") || !r["Type"].is_string())
      return Error{"Template format error: resource " + it.key() + " has no Type"};
    if (r.contains("Condition")) {
      std::string c = r["Condition"].is_string() ? r["Condition"].get<std::string>() : "";
      auto found = p.conditions.find(c);
      if (found == p.conditions.end())
        return Error{"Template format error: Unresolved condition '" + c + "' of resource " +
                     it.key()};
      if (!found->second)
        continue;
    }
    std::string why;
    if (!simulator.Supports(r["Type"].get<std::string>(), &why))
      return Error{"resource " + it.key() + ": " + why};
  }
  return p;
}

}  // namespace

ErrorOr<Plan> Executor::PlanDeploy(const DeployRequest& req) {
  CFNX_ASSIGN_OR_RETURN(std::optional<ExecResult> recovered, Recover(req.stack_name));
  (void)recovered;
  CFNX_ASSIGN_OR_RETURN(Prepared p, Prepare(store_, provider_.simulator(), req));
  StackState state = StoredStackState(store_, req.stack_name);
  Document doc;
  doc.set_root(FromJson(req.template_json, doc));
  DiagnosticCollector model_diags;
  Template model = BuildModel(doc, model_diags);
  PlanOptions options;
  options.stack_name = req.stack_name;
  options.region = req.region;
  options.partition = req.partition;
  options.account_id = req.account_id;
  options.parameters = p.given;
  options.capabilities = req.capabilities;
  if (!Parse(req.on_failure, &options.on_failure))
    return Error{"--on-failure must be ROLLBACK, DELETE or DO_NOTHING"};
  DiagnosticCollector diags;
  Plan plan = ComputePlan(state, model, functions_, schemas_, options, diags);
  for (const Diagnostic& d : diags.diagnostics()) {
    if (d.severity == Severity::kError)
      return Error{"Template error: " + d.message};
  }
  return plan;
}

ErrorOr<ExecResult> Executor::Deploy(const DeployRequest& req) {
  CFNX_ASSIGN_OR_RETURN(std::optional<ExecResult> recovered, Recover(req.stack_name));
  (void)recovered;
  if (std::optional<Operation> parked = store_.GetActiveOperation(req.stack_name)) {
    return Error{"stack '" + req.stack_name + "' is in " + store_.GetStack(req.stack_name)->status +
                 " after a failed operation; run `cfnx rollback --stack " + req.stack_name +
                 "` first"};
  }
  CFNX_ASSIGN_OR_RETURN(Prepared p, Prepare(store_, provider_.simulator(), req));
  std::optional<StoredStack>& existing = p.existing;
  if (existing && (existing->status == "ROLLBACK_COMPLETE" ||
                   existing->status == "ROLLBACK_FAILED" || existing->status == "DELETE_FAILED")) {
    return Error{"stack '" + req.stack_name + "' is in " + existing->status +
                 " state and can not be updated; destroy it first (`cfnx destroy --stack " +
                 req.stack_name + "`)"};
  }
  const ExecJson& t = req.template_json;
  ExecJson params_json = ExecJson::object();
  for (const auto& [k, v] : p.parameters)
    params_json[k] = v;
  std::vector<StoredResource> rows =
      existing ? store_.GetResources(req.stack_name) : std::vector<StoredResource>{};
  if (existing && !existing->template_json.is_null() && SameJson(existing->template_json, t) &&
      SameJson(existing->parameters, params_json) &&
      std::all_of(rows.begin(), rows.end(),
                  [](const StoredResource& r) { return r.role == "current"; }) &&
      (existing->status == "CREATE_COMPLETE" || existing->status == "UPDATE_COMPLETE" ||
       existing->status == "UPDATE_ROLLBACK_COMPLETE")) {
    ExecResult result;
    result.succeeded = true;
    result.no_changes = true;
    result.status = existing->status;
    return result;
  }

  // The plan: the one given (made against this very state), else a new one.
  Plan plan;
  if (req.plan) {
    std::string now = StackStateFingerprint(StoredStackState(store_, req.stack_name));
    if (req.plan->state_fingerprint != now)
      return Error{"the plan was made against another state of stack '" + req.stack_name +
                   "' (fingerprint " + req.plan->state_fingerprint + ", now " + now +
                   "); plan again"};
    plan = *req.plan;
  } else {
    CFNX_ASSIGN_OR_RETURN(plan, PlanDeploy(req));
  }
  // What CloudFormation refuses before it executes anything (at CreateChangeSet or
  // ExecuteChangeSet) is refused here too; failures it meets while executing (a custom-named
  // replacement, an export in use) are simulated by the run and rolled back.
  for (const Diagnostic& d : plan.forecast) {
    switch (d.code) {
      case DiagCode::kE9006:
      case DiagCode::kE9007:
      case DiagCode::kE9008:
      case DiagCode::kE9009:
      case DiagCode::kE9011:
      case DiagCode::kE9012:
        return Error{std::string(GetDiagCodeInfo(d.code).id) + ": " + d.message +
                     " Nothing was deployed."};
      default:
        break;
    }
  }
  // A saved plan records the capabilities its template needs; they must be acknowledged now.
  for (const std::string& needed : plan.change_set.capabilities) {
    if (std::find(req.capabilities.begin(), req.capabilities.end(), needed) ==
        req.capabilities.end())
      return Error{"E9006: The template requires " + needed + "; acknowledge it with " +
                   "--capabilities " + needed + ". Nothing was deployed."};
  }
  for (const Change& c : plan.change_set.changes) {
    if (c.resource_change.action == ChangeAction::kImport)
      return Error{"resource " + c.resource_change.logical_id +
                   ": importing resources is not supported by the local backend"};
  }

  auto ctx = std::make_unique<OpContext>();
  ctx->template_json = t;
  ctx->parameters = p.parameters;
  ctx->conditions = p.conditions;
  ctx->region = req.region;
  ctx->account_id = req.account_id;
  ctx->partition = req.partition;
  ctx->parallel = req.parallel;
  ExecJson rollback_order = RollbackSequence(plan);
  ExecJson cleanup_order = CleanupSequence(plan);
  ctx->rollback_position = Positions(rollback_order["waves"]);
  ctx->rollback_cleanup_position = Positions(rollback_order["cleanup"]);
  ctx->cleanup_position = Positions(cleanup_order);

  bool creating = !existing.has_value();
  StoredStack stack;
  if (existing) {
    stack = *existing;
  } else {
    stack.name = req.stack_name;
    stack.stack_id = MakeStackId(req.partition, req.region, req.account_id, req.stack_name);
    stack.created_at = StateStore::Now();
    stack.parameters = ExecJson::object();
    stack.outputs = ExecJson::array();
  }
  Operation op;
  op.stack = req.stack_name;
  op.kind = creating ? "CREATE" : "UPDATE";
  op.phase = "RUNNING";
  op.on_failure = req.on_failure;
  op.holder = req.holder;
  ExecJson prior_rows = ExecJson::array();
  for (const StoredResource& r : rows)
    prior_rows.push_back(RowToJson(r));
  op.prior = ExecJson{{"stack", existing ? StackToJson(*existing) : ExecJson()},
                      {"resources", prior_rows}};
  op.desired = ExecJson{{"template", t},
                        {"parameters", params_json},
                        {"region", req.region},
                        {"account_id", req.account_id},
                        {"partition", req.partition},
                        {"parallel", req.parallel},
                        {"rollback_order", rollback_order},
                        {"cleanup_order", cleanup_order}};
  std::string status = creating ? "CREATE_IN_PROGRESS" : "UPDATE_IN_PROGRESS";
  stack.status = status;
  stack.status_reason = "User Initiated";
  stack.updated_at = StateStore::Now();
  StoredEvent started{0,
                      stack.name,
                      0,
                      stack.updated_at,
                      stack.name,
                      stack.stack_id,
                      "AWS::CloudFormation::Stack",
                      status,
                      "User Initiated"};
  CFNX_RETURN_IF_ERROR(store_.Write([&](StateStore::Tx& tx) {
    op.id = tx.AddOperation(op);
    started.operation = op.id;
    tx.PutStack(stack);
    tx.AddEvent(started);
  }));
  CrashPoint();
  Emit({started});
  ctx->op = op;
  ctx->stack = stack;
  for (const StoredResource& r : rows) {
    if (r.role == "current")
      ctx->live[r.logical_id] = r;
  }
  ErrorOr<ExecResult> result = RunForward(*ctx, plan);
  if (result.ok())
    result->plan = std::move(plan);
  return result;
}

ErrorOr<ExecResult> Executor::RunForward(OpContext& ctx, const Plan& plan) {
  bool creating = ctx.op.kind == "CREATE";
  auto make_resolver = [&]() {
    ResolveContext rc;
    rc.template_json = &ctx.template_json;
    rc.parameters = ctx.parameters;
    rc.conditions = ctx.conditions;
    rc.region = ctx.region;
    rc.account_id = ctx.account_id;
    rc.partition = ctx.partition;
    rc.stack_name = ctx.stack.name;
    rc.stack_id = ctx.stack.stack_id;
    rc.ref = [&ctx](const std::string& id) -> std::optional<ExecJson> {
      std::lock_guard<std::mutex> guard(ctx.mu);
      auto it = ctx.live.find(id);
      if (it == ctx.live.end())
        return std::nullopt;
      return ExecJson(it->second.physical_id);
    };
    rc.get_att = [&ctx](const std::string& id, const std::string& attr) -> std::optional<ExecJson> {
      std::lock_guard<std::mutex> guard(ctx.mu);
      auto it = ctx.live.find(id);
      if (it == ctx.live.end() || !it->second.attributes.contains(attr))
        return std::nullopt;
      return it->second.attributes[attr];
    };
    rc.import_value = [this, &ctx](const std::string& name) -> std::optional<std::string> {
      for (const auto& e : store_.GetExports()) {
        if (e[0] == name && e[1] != ctx.stack.name)
          return e[2];
      }
      return std::nullopt;
    };
    return rc;
  };
  const ExecJson& resources = ctx.template_json["Resources"];
  std::set<std::string> in_template = IncludedResources(ctx.template_json, ctx.conditions);
  std::string failure;
  for (const PlanWave& wave : plan.order.waves) {
    std::vector<Step> steps;
    std::vector<StoredEvent> resolve_failures;
    for (const PlanStep& planned : wave.steps) {
      const std::string& id = planned.logical_id;
      std::optional<StoredResource> live;
      if (ctx.live.count(id))
        live = ctx.live[id];
      std::string type = planned.resource_type;
      std::string problem;
      ErrorOr<ExecJson> props = ExecJson::object();
      if (!resources.contains(id) || !in_template.count(id)) {
        problem = "the plan changes a resource the template does not have";
      } else {
        const ExecJson& r = resources[id];
        type = r["Type"].get<std::string>();
        ResolveContext rc = make_resolver();
        if (r.contains("Properties"))
          props = Resolve(r["Properties"], rc);
        ctx.imports.insert(rc.imports.begin(), rc.imports.end());
        bool needs_live = planned.action != StepAction::kCreate;
        if (!props.ok()) {
          problem = props.error().message;
        } else if (needs_live != live.has_value()) {
          problem = "the plan does not match the stack (" + std::string(Name(planned.action)) +
                    (live ? " of an existing resource" : " of a resource that does not exist") +
                    "); plan again";
        } else if (live && live->type != type) {
          problem = "Update of resource type is not permitted (" + live->type + " -> " + type + ")";
        }
      }
      if (!problem.empty()) {
        resolve_failures.push_back(StoredEvent{0, ctx.stack.name, ctx.op.id, StateStore::Now(), id,
                                               live ? live->physical_id : "", type,
                                               live ? "UPDATE_FAILED" : "CREATE_FAILED", problem});
        if (failure.empty())
          failure = id + ": " + problem;
        continue;
      }
      const ExecJson& r = resources[id];
      Step step;
      step.logical_id = id;
      step.type = type;
      step.properties = *props;
      step.deletion_policy = PolicyOf(r, "DeletionPolicy");
      step.update_replace_policy = PolicyOf(r, "UpdateReplacePolicy");
      if (live)
        step.before = *live;
      switch (planned.action) {
        case StepAction::kCreate:
          step.action = "create";
          steps.push_back(step);
          break;
        case StepAction::kUpdate:
          step.action = "update";
          steps.push_back(step);
          break;
        case StepAction::kReplace:
          if (planned.replacement_strategy == "delete_then_create") {
            step.action = "replace_delete";
            steps.push_back(step);
            step.action = "replace_create";
            steps.push_back(step);
          } else {
            step.action = "replace";
            steps.push_back(step);
          }
          break;
        default:
          break;  // deletions are cleanup steps
      }
    }
    if (!resolve_failures.empty()) {
      CFNX_RETURN_IF_ERROR(store_.Write([&](StateStore::Tx& tx) {
        for (const StoredEvent& e : resolve_failures)
          tx.AddEvent(e);
      }));
      Emit(resolve_failures);
    }
    std::string step_failure;
    if (!steps.empty() && !RunSteps(ctx, steps, &step_failure) && failure.empty())
      failure = step_failure;
    if (!failure.empty())
      break;
  }
  if (!failure.empty()) {
    return RunRollback(ctx, std::string("The following resource(s) failed to ") +
                                (creating ? "create" : "update") + ": [" +
                                failure.substr(0, failure.find(':')) + "]. " + failure);
  }

  // Outputs and exports.
  ExecJson outputs = ExecJson::array();
  std::vector<std::pair<std::string, std::string>> exports;
  if (ctx.template_json.contains("Outputs")) {
    const ExecJson& outs = ctx.template_json["Outputs"];
    for (auto it = outs.begin(); it != outs.end(); ++it) {
      const ExecJson& o = it.value();
      if (o.contains("Condition") && o["Condition"].is_string() &&
          !ctx.conditions[o["Condition"].get<std::string>()])
        continue;
      ResolveContext rc = make_resolver();
      ErrorOr<ExecJson> value = Resolve(o.value("Value", ExecJson()), rc);
      if (!value.ok())
        return RunRollback(ctx, "Output " + it.key() + ": " + value.error().message);
      ctx.imports.insert(rc.imports.begin(), rc.imports.end());
      std::string text;
      if (value->is_array()) {
        for (const ExecJson& item : *value)
          text += (text.empty() ? "" : ",") +
                  (item.is_string() ? item.get<std::string>() : item.dump());
      } else {
        text = value->is_string() ? value->get<std::string>() : value->dump();
      }
      ExecJson entry{{"OutputKey", it.key()}, {"OutputValue", text}};
      if (o.contains("Description") && o["Description"].is_string())
        entry["Description"] = o["Description"];
      if (o.contains("Export") && o["Export"].is_object() && o["Export"].contains("Name")) {
        ErrorOr<ExecJson> name = Resolve(o["Export"]["Name"], rc);
        if (!name.ok() || !name->is_string())
          return RunRollback(ctx, "Output " + it.key() +
                                      ": the export name does not resolve to "
                                      "a string");
        entry["ExportName"] = *name;
        exports.emplace_back(name->get<std::string>(), text);
      }
      outputs.push_back(entry);
    }
  }
  std::map<std::string, std::string> new_exports(exports.begin(), exports.end());
  if (new_exports.size() != exports.size())
    return RunRollback(ctx, "Template error: two outputs export the same name");
  for (const auto& e : store_.GetExports()) {
    const std::string& name = e[0];
    const std::string& owner = e[1];
    if (owner != ctx.stack.name) {
      if (new_exports.count(name))
        return RunRollback(ctx,
                           "Export with name " + name + " is already exported by stack " + owner);
      continue;
    }
    auto it = new_exports.find(name);
    if (it != new_exports.end() && it->second == e[2])
      continue;
    std::vector<std::string> importers = store_.GetImporters(name);
    importers.erase(std::remove(importers.begin(), importers.end(), ctx.stack.name),
                    importers.end());
    if (!importers.empty()) {
      std::string who;
      for (const std::string& s : importers)
        who += (who.empty() ? "" : ", ") + s;
      return RunRollback(ctx, std::string("Cannot ") +
                                  (it == new_exports.end() ? "delete" : "update") + " export " +
                                  name + " as it is in use by " + who);
    }
  }

  // Commit.
  ctx.stack.template_json = ctx.template_json;
  ExecJson params_json = ExecJson::object();
  for (const auto& [k, v] : ctx.parameters)
    params_json[k] = v;
  ctx.stack.parameters = params_json;
  ctx.stack.outputs = outputs;
  ctx.stack.generation += 1;
  std::string status = creating ? "CREATE_COMPLETE" : "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS";
  ctx.stack.status = status;
  ctx.stack.status_reason = "";
  ctx.stack.updated_at = StateStore::Now();
  StoredEvent done{0,
                   ctx.stack.name,
                   ctx.op.id,
                   ctx.stack.updated_at,
                   ctx.stack.name,
                   ctx.stack.stack_id,
                   "AWS::CloudFormation::Stack",
                   status,
                   ""};
  std::vector<StoredResource> rows = store_.GetResources(ctx.stack.name);
  CFNX_RETURN_IF_ERROR(store_.Write([&](StateStore::Tx& tx) {
    tx.PutStack(ctx.stack);
    tx.AddTemplateHistory(ctx.stack.name, ctx.stack.generation, ctx.template_json, params_json);
    tx.SetExports(ctx.stack.name, exports);
    tx.SetImports(ctx.stack.name, std::vector<std::string>(ctx.imports.begin(), ctx.imports.end()));
    for (StoredResource r : rows) {
      bool keep = in_template.count(r.logical_id) > 0;
      if (r.role == "current" && !keep) {
        r.role = "removed";
      } else if (keep) {
        r.deletion_policy = PolicyOf(resources[r.logical_id], "DeletionPolicy");
        r.update_replace_policy = PolicyOf(resources[r.logical_id], "UpdateReplacePolicy");
      }
      tx.PutResource(ctx.stack.name, r);
    }
    tx.AddEvent(done);
    if (creating) {
      tx.FinishOperation(ctx.op.id);
    } else {
      tx.SetOperationPhase(ctx.op.id, "CLEANUP");
    }
  }));
  ctx.op.phase = creating ? "DONE" : "CLEANUP";
  CrashPoint();
  Emit({done});
  if (creating) {
    ExecResult result;
    result.succeeded = true;
    result.status = status;
    result.operation = ctx.op.id;
    return result;
  }
  return RunCleanup(ctx);
}

namespace {

// Positions for deleting in reverse dependency order: higher runs first.
std::map<std::string, size_t> DeleteOrder(const ExecJson& template_json) {
  std::map<std::string, size_t> order;
  if (!template_json.is_object() || !template_json.contains("Resources"))
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

  if (creating) {
    std::vector<StoredResource> rows = store_.GetResources(ctx.stack.name);
    by_creation_desc(rows, ctx.rollback_position);
    std::vector<Step> steps;
    for (const StoredResource& r : rows) {
      Step step;
      step.logical_id = r.logical_id;
      step.type = r.type;
      step.before = r;
      step.properties = r.properties;
      step.action = r.deletion_policy == "Retain" ? "retain" : "delete";
      steps.push_back(step);
    }
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
  std::vector<Step> steps;
  for (const StoredResource& r : rows) {
    Step step;
    step.logical_id = r.logical_id;
    step.type = r.type;
    step.before = r;
    step.properties = r.properties;
    step.action = r.deletion_policy == "Retain" ? "retain" : "delete";
    steps.push_back(step);
  }
  (void)RunSteps(ctx, steps, &step_failure);
  ctx.parallel = parallel;
  CFNX_RETURN_IF_ERROR(SetStackStatus(ctx, "UPDATE_ROLLBACK_COMPLETE", "", "DONE"));
  result.status = "UPDATE_ROLLBACK_COMPLETE";
  return result;
}

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
