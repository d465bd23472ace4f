// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Internal to the planner: turns the resources a change set touches into the execution order
// (waves over the new template's graph, cleanup waves over the deployed template's graph,
// reversed) and the rollback plan for an `--on-failure` mode.

#ifndef CFNX_ENGINE_PLAN_ORDER_H_
#define CFNX_ENGINE_PLAN_ORDER_H_

#include <string>
#include <vector>

#include "cfnx/plan.h"
#include "engine/graph/graph.h"

namespace cfnx::plan_internal {

struct StepInfo {
  std::string logical_id;
  std::string type;
  StepAction action = StepAction::kCreate;
  std::string replacement_strategy;  // kReplace only
  std::string deletion_policy;       // as written ("Retain", "RetainExceptOnCreate", ...)
  std::string update_replace_policy;
};

struct OrderInputs {
  std::vector<StepInfo> forward;  // kCreate, kUpdate, kReplace
  std::vector<StepInfo> cleanup;  // kDelete, kDeleteReplaced, kRetain
  const DependencyGraph* new_graph = nullptr;
  const DependencyGraph* old_graph = nullptr;
  bool creating = false;  // no stack yet
  OnStackFailure on_failure = OnStackFailure::kRollback;
  bool retain_except_on_create = false;
  bool importing = false;  // an IMPORT change set: IMPORT_* statuses
};

void BuildOrderAndRollback(const OrderInputs& in, Plan* plan);

}  // namespace cfnx::plan_internal

#endif  // CFNX_ENGINE_PLAN_ORDER_H_
