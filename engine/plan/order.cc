// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Stack statuses and rollback behaviour:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-describing-stacks.html
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/stack-failure-options.html
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-deletionpolicy.html

#include "engine/plan/order.h"

#include <algorithm>
#include <map>
#include <set>

namespace cfnx::plan_internal {
namespace {

// Groups `steps` into waves over `graph`: a step waits for the steps it depends on, directly or
// through resources that are not steps. `reverse` orders by dependents instead (deletion).
std::vector<PlanWave> Waves(const std::vector<PlanStep>& steps, const DependencyGraph& graph,
                            bool reverse) {
  const size_t n = graph.nodes().size();
  std::vector<int> step_of(n, -1);
  std::vector<PlanStep> unplaced;
  for (size_t i = 0; i < steps.size(); ++i) {
    if (std::optional<size_t> v = graph.Find(steps[i].logical_id)) {
      step_of[*v] = static_cast<int>(i);
    } else {
      unplaced.push_back(steps[i]);
    }
  }
  std::vector<std::vector<size_t>> edges_in(n);  // what each node waits for
  for (size_t v = 0; v < n; ++v) {
    for (size_t d : graph.dependencies(v)) {
      if (reverse) {
        edges_in[d].push_back(v);
      } else {
        edges_in[v].push_back(d);
      }
    }
  }
  std::vector<size_t> order = graph.order();
  if (reverse) {
    std::reverse(order.begin(), order.end());
  }
  std::vector<int> wave(n, 0);
  // Steps each node (transitively through non-steps) waits for, as step indexes.
  std::vector<std::vector<int>> waits(n);
  std::map<int, std::vector<PlanStep>> by_wave;
  for (size_t v : order) {
    std::set<int> w;
    for (size_t d : edges_in[v]) {
      wave[v] = std::max(wave[v], wave[d] + (step_of[d] >= 0 ? 1 : 0));
      if (step_of[d] >= 0) {
        w.insert(step_of[d]);
      } else {
        w.insert(waits[d].begin(), waits[d].end());
      }
    }
    waits[v].assign(w.begin(), w.end());
    if (step_of[v] >= 0) {
      PlanStep s = steps[step_of[v]];
      for (int i : waits[v]) {
        s.depends_on.push_back(steps[i].logical_id);
      }
      std::sort(s.depends_on.begin(), s.depends_on.end());
      by_wave[wave[v]].push_back(std::move(s));
    }
  }
  std::vector<PlanWave> out;
  for (auto& [w, list] : by_wave) {
    std::sort(list.begin(), list.end(),
              [](const PlanStep& a, const PlanStep& b) { return a.logical_id < b.logical_id; });
    out.push_back(PlanWave{std::move(list)});
  }
  if (!unplaced.empty()) {  // on a cycle: run last, in logical id order
    std::sort(unplaced.begin(), unplaced.end(),
              [](const PlanStep& a, const PlanStep& b) { return a.logical_id < b.logical_id; });
    out.push_back(PlanWave{std::move(unplaced)});
  }
  return out;
}

PlanStep ForwardStep(const StepInfo& s, const OrderInputs& in) {
  PlanStep step{s.logical_id, s.type, s.action, {}, s.replacement_strategy, {}, {}};
  switch (s.action) {
    case StepAction::kCreate: {
      bool keep = s.deletion_policy == "Retain" && !in.retain_except_on_create;
      step.compensation = keep ? CompensationAction::kRetain : CompensationAction::kDelete;
      step.compensation_reason = keep ? "DeletionPolicy Retain keeps the new resource"
                                      : "delete the resource this deployment created";
      break;
    }
    case StepAction::kUpdate:
      step.compensation = CompensationAction::kRestore;
      step.compensation_reason = "update back to the previously deployed properties";
      break;
    case StepAction::kReplace:
      if (s.replacement_strategy == "delete_then_create") {
        step.compensation = CompensationAction::kRecreate;
        step.compensation_reason = "the old resource was deleted first; recreate it";
      } else {
        step.compensation = CompensationAction::kDeleteReplacement;
        step.compensation_reason =
            "delete the new copy in the rollback cleanup; the old one is kept";
      }
      break;
    default:
      break;
  }
  return step;
}

PlanStep CleanupStep(const StepInfo& s) {
  PlanStep step{s.logical_id,
                s.type,
                s.action,
                {},
                {},
                CompensationAction::kNone,
                "cleanup runs only after every change succeeded"};
  return step;
}

std::vector<std::string> SuccessStatuses(bool creating) {
  if (creating) {
    return {"CREATE_IN_PROGRESS", "CREATE_COMPLETE"};
  }
  return {"UPDATE_IN_PROGRESS", "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", "UPDATE_COMPLETE"};
}

std::vector<std::string> FailureStatuses(bool creating, OnStackFailure mode) {
  if (creating) {
    switch (mode) {
      case OnStackFailure::kRollback:
        return {"CREATE_IN_PROGRESS", "ROLLBACK_IN_PROGRESS", "ROLLBACK_COMPLETE"};
      case OnStackFailure::kDelete:
        return {"CREATE_IN_PROGRESS", "DELETE_IN_PROGRESS", "DELETE_COMPLETE"};
      case OnStackFailure::kDoNothing:
        return {"CREATE_IN_PROGRESS", "CREATE_FAILED"};
    }
  }
  if (mode == OnStackFailure::kDoNothing) {
    return {"UPDATE_IN_PROGRESS", "UPDATE_FAILED"};
  }
  // OnFailure DELETE applies to creation only; an update always rolls back.
  return {"UPDATE_IN_PROGRESS", "UPDATE_ROLLBACK_IN_PROGRESS",
          "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS", "UPDATE_ROLLBACK_COMPLETE"};
}

}  // namespace

void BuildOrderAndRollback(const OrderInputs& in, Plan* plan) {
  std::vector<PlanStep> forward, cleanup;
  std::set<std::string> retained;
  for (const StepInfo& s : in.forward) {
    forward.push_back(ForwardStep(s, in));
    if (s.action == StepAction::kCreate && s.deletion_policy == "Retain" &&
        !in.retain_except_on_create) {
      retained.insert(s.logical_id);
    }
  }
  for (const StepInfo& s : in.cleanup) {
    cleanup.push_back(CleanupStep(s));
    if (s.action == StepAction::kRetain) {
      retained.insert(s.logical_id);
    }
  }
  plan->order.waves = Waves(forward, *in.new_graph, /*reverse=*/false);
  plan->order.cleanup_waves = Waves(cleanup, *in.old_graph, /*reverse=*/true);

  RollbackPlan& r = plan->rollback;
  r.on_failure = in.on_failure;
  r.success_statuses = SuccessStatuses(in.creating);
  r.failure_statuses = FailureStatuses(in.creating, in.on_failure);
  if (in.importing) {
    // Imported resources are only recorded, so a failed import only forgets them again.
    r.success_statuses = {"IMPORT_IN_PROGRESS", "IMPORT_COMPLETE"};
    r.failure_statuses = {"IMPORT_IN_PROGRESS", "IMPORT_ROLLBACK_IN_PROGRESS",
                          "IMPORT_ROLLBACK_COMPLETE"};
  }
  r.retained.assign(retained.begin(), retained.end());
  if (in.on_failure == OnStackFailure::kDoNothing) {
    return;  // resources stay as the failure left them
  }
  // Compensations in reverse order of the waves. A failed creation deletes what it made as it
  // goes. A failed update first puts back what it changed (restores updated resources, switches
  // replaced ones back to their old physical resource, recreates what a delete_then_create
  // replacement deleted) and deletes what it created in the cleanup phase
  // (UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS), as CloudFormation does.
  for (auto w = plan->order.waves.rbegin(); w != plan->order.waves.rend(); ++w) {
    RollbackWave wave;
    for (const PlanStep& s : w->steps) {
      if (s.compensation == CompensationAction::kDeleteReplacement) {
        wave.steps.push_back({s.logical_id, s.resource_type, CompensationAction::kRestore,
                              "switch back to the old physical resource"});
        r.cleanup.push_back({s.logical_id, s.resource_type, s.compensation, s.compensation_reason});
      } else if (!in.creating && s.action == StepAction::kCreate) {
        r.cleanup.push_back({s.logical_id, s.resource_type, s.compensation, s.compensation_reason});
      } else {
        wave.steps.push_back(
            {s.logical_id, s.resource_type, s.compensation, s.compensation_reason});
      }
    }
    if (!wave.steps.empty()) {
      r.waves.push_back(std::move(wave));
    }
  }
}

}  // namespace cfnx::plan_internal
