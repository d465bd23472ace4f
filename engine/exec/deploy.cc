// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0

#include <algorithm>
#include <thread>

#include "engine/ast/json_convert.h"
#include "engine/backend/local/crash_point.h"
#include "engine/exec/executor_internal.h"
#include "engine/exec/signals.h"
#include "engine/model/template.h"
#include "engine/model/update_policy.h"

namespace cfnx {
namespace {

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

// What the planner and the executor agree on before a deployment: the stack as stored, the
// parameter values (given, else the deployed value, else the Default) and their resolution.
struct Prepared {
  std::optional<StoredStack> existing;
  std::map<std::string, std::string> given;
  std::map<std::string, ExecJson> parameters;
  std::map<std::string, bool> conditions;
  // SSM parameter types: the values they resolve with (name -> value) and which SSM parameter
  // each names (parameter -> name).
  std::map<std::string, std::string> ssm;
  std::map<std::string, std::string> ssm_names;
};

// The parameters as stored and compared: SSM parameter types keep the SSM name (what
// DescribeStacks shows as ParameterValue); their values go to ResolvedParameters().
ExecJson StoredParameters(const std::map<std::string, ExecJson>& parameters,
                          const std::map<std::string, std::string>& ssm_names) {
  ExecJson out = ExecJson::object();
  for (const auto& [k, v] : parameters) {
    auto name = ssm_names.find(k);
    out[k] = name != ssm_names.end() ? ExecJson(name->second) : v;
  }
  return out;
}

ExecJson ResolvedParameters(const std::map<std::string, ExecJson>& parameters,
                            const std::map<std::string, std::string>& ssm_names) {
  ExecJson out = ExecJson::object();
  for (const auto& [k, name] : ssm_names) {
    auto v = parameters.find(k);
    if (v != parameters.end())
      out[k] = ParameterText(v->second);
  }
  return out;
}

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
  if (req.ssm_parameters) {
    p.ssm = *req.ssm_parameters;
  } else if (p.existing && p.existing->resolved_parameters.is_object()) {
    // Without --ssm-parameters, an SSM parameter the stack resolved before keeps that value.
    for (auto it = p.existing->resolved_parameters.begin();
         it != p.existing->resolved_parameters.end(); ++it) {
      if (p.existing->parameters.contains(it.key()))
        p.ssm.emplace(ParameterText(p.existing->parameters[it.key()]), ParameterText(it.value()));
    }
  }
  CFNX_ASSIGN_OR_RETURN(p.parameters, ResolveParameters(t, p.given, p.ssm, &p.ssm_names));
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
    if (r["Type"] == "AWS::CloudFormation::Stack" && req.nested_templates.contains(it.key()))
      continue;  // a stack of its own (nested_stack.cc), not a simulated resource
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
  options.stack_policy_during_update = req.stack_policy_during_update;
  options.ssm_parameters = p.ssm;
  if (!Parse(req.on_failure, &options.on_failure))
    return Error{"--on-failure must be ROLLBACK, DELETE or DO_NOTHING"};
  DiagnosticCollector diags;
  Plan plan = ComputePlan(state, model, functions_, schemas_, options, diags);
  for (const Diagnostic& d : diags.diagnostics()) {
    if (d.severity == Severity::kError)
      return Error{"Template error: " + d.message};
  }
  PlanNestedStacks(req, plan);
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
  ExecJson params_json = StoredParameters(p.parameters, p.ssm_names);
  std::vector<StoredResource> rows =
      existing ? store_.GetResources(req.stack_name) : std::vector<StoredResource>{};
  if (existing && !existing->template_json.is_null() && SameJson(existing->template_json, t) &&
      SameJson(existing->parameters, params_json) &&
      SameJson(existing->resolved_parameters, ResolvedParameters(p.parameters, p.ssm_names)) &&
      std::all_of(rows.begin(), rows.end(),
                  [](const StoredResource& r) { return r.role == "current"; }) &&
      NestedTemplatesDeployed(store_, req.stack_name, req.nested_templates) &&
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
      case DiagCode::kE9014:
      case DiagCode::kE9015:
      case DiagCode::kE9016:
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
  ctx->ssm_names = p.ssm_names;
  ctx->conditions = p.conditions;
  ctx->region = req.region;
  ctx->account_id = req.account_id;
  ctx->partition = req.partition;
  ctx->parallel = req.parallel;
  ctx->nested_templates = req.nested_templates;
  ctx->fault_prefix = req.fault_prefix;
  ctx->auto_signal = req.auto_signal;
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
                        // Resolved values (what the run resolves with); SSM names beside them.
                        {"parameters", StoredParameters(p.parameters, {})},
                        {"ssm_names", p.ssm_names},
                        {"region", req.region},
                        {"account_id", req.account_id},
                        {"partition", req.partition},
                        {"parallel", req.parallel},
                        {"rollback_order", rollback_order},
                        {"cleanup_order", cleanup_order},
                        {"nested_templates", req.nested_templates},
                        {"fault_prefix", req.fault_prefix}};
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
  // Termination protection and a new stack policy take effect as the operation starts, as
  // CreateStack's EnableTerminationProtection and StackPolicyBody do; a new stack starts
  // from the defaults.
  StackSettings settings = creating ? StackSettings{} : store_.GetStackSettings(req.stack_name);
  bool settings_changed = creating;
  if (req.enable_termination_protection && !settings.termination_protection) {
    settings.termination_protection = true;
    settings_changed = true;
  }
  if (!req.stack_policy.is_null() && settings.stack_policy != req.stack_policy) {
    settings.stack_policy = req.stack_policy;
    settings_changed = true;
  }
  CFNX_RETURN_IF_ERROR(store_.Write([&](StateStore::Tx& tx) {
    op.id = tx.AddOperation(op);
    started.operation = op.id;
    tx.PutStack(stack);
    tx.AddEvent(started);
    if (settings_changed)
      tx.PutStackSettings(req.stack_name, settings);
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
  // Changes whose replacement the change set could not decide (Replacement Conditional).
  std::set<std::string> conditional;
  for (const Change& c : plan.change_set.changes) {
    if (c.resource_change.replacement == Replacement::kConditional)
      conditional.insert(c.resource_change.logical_id);
  }
  // A resource's UpdatePolicy with its intrinsics resolved (null when none or unresolvable).
  auto update_policy_of = [&](const ExecJson& r) {
    if (!r.contains("UpdatePolicy"))
      return ExecJson();
    ResolveContext rc = make_resolver();
    ErrorOr<ExecJson> resolved = Resolve(r["UpdatePolicy"], rc);
    return resolved.ok() ? *resolved : ExecJson();
  };
  // An update carried out in place: what its UpdatePolicy adds to it (engine/model/
  // update_policy.h): a rolling update's batches, CodeDeploy's traffic shifting.
  auto in_place = [&](Step& step, const ExecJson& r, const StoredResource& live) {
    step.action = "update";
    step.signals = nullptr;
    ExecJson policy = update_policy_of(r);
    auto changed = [&](const char* key) {
      return live.properties.value(key, ExecJson()) != step.properties.value(key, ExecJson());
    };
    if (step.type == "AWS::AutoScaling::AutoScalingGroup") {
      std::optional<RollingUpdate> rolling = RollingUpdateOf(policy);
      bool triggered = false;
      for (const char* key : {"LaunchConfigurationName", "LaunchTemplate", "MixedInstancesPolicy",
                              "VPCZoneIdentifier"})
        triggered = triggered || changed(key);
      int64_t instances = GroupInstances(step.properties);
      if (rolling && triggered && instances > 0)
        step.rolling = RollingUpdateData(*rolling, instances);
    }
    if (step.type == "AWS::Lambda::Alias" && changed("FunctionVersion") && policy.is_object() &&
        policy.contains("CodeDeployLambdaAliasUpdate")) {
      step.note = DescribePolicyUpdate(step.type, policy, {"FunctionVersion"}, step.properties) +
                  ". The local backend shifts the traffic at once and runs no traffic hooks.";
    }
  };
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
      if (type == "AWS::CloudFormation::Stack" && ctx.nested_templates.contains(id))
        step.nested = NestedStepData(ctx, id, live);
      if (planned.action == StepAction::kCreate || planned.action == StepAction::kReplace) {
        // A new physical resource waits for the signals its CreationPolicy (or, for a wait
        // condition, its properties) asks for.
        ResolveContext rc = make_resolver();
        ErrorOr<ExecJson> policy = ExecJson();
        if (r.contains("CreationPolicy"))
          policy = Resolve(r["CreationPolicy"], rc);
        ErrorOr<std::optional<SignalWait>> wait = std::optional<SignalWait>();
        if (!policy.ok()) {
          wait = policy.error();
        } else {
          wait = SignalWaitFor(type, *policy, step.properties);
        }
        if (!wait.ok()) {
          std::string why = wait.error().message;
          resolve_failures.push_back(StoredEvent{0, ctx.stack.name, ctx.op.id, StateStore::Now(),
                                                 id, live ? live->physical_id : "", type,
                                                 live ? "UPDATE_FAILED" : "CREATE_FAILED", why});
          if (failure.empty())
            failure = id + ": " + why;
          continue;
        }
        if (wait->has_value())
          step.signals = (*wait)->ToJson();
      }
      switch (planned.action) {
        case StepAction::kCreate:
          step.action = "create";
          steps.push_back(step);
          break;
        case StepAction::kUpdate:
          in_place(step, r, *live);
          steps.push_back(step);
          break;
        case StepAction::kReplace:
          if (conditional.count(id) && live) {
            // Decided now, from the values this deployment produced: replaced only if a
            // create-only property, or one the UpdatePolicy replaces on, really changes.
            ExecJson policy = update_policy_of(r);
            if (provider_.simulator()
                    .ReplacementPath(type, live->properties, step.properties)
                    .empty() &&
                PolicyReplacementProperty(type, policy, live->properties, step.properties)
                    .empty()) {
              in_place(step, r, *live);
              if (step.note.empty())
                step.note =
                    "Replacement was Conditional: the values this deployment produced leave "
                    "every property that forces replacement unchanged, so the update is in place.";
              steps.push_back(step);
              break;
            }
          }
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
  ctx.stack.parameters = StoredParameters(ctx.parameters, ctx.ssm_names);
  ctx.stack.resolved_parameters = ResolvedParameters(ctx.parameters, ctx.ssm_names);
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
    tx.AddTemplateHistory(ctx.stack.name, ctx.stack.generation, ctx.template_json,
                          ctx.stack.parameters);
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

}  // namespace cfnx
