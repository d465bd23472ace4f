// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Internal to the planner: the failures a change set alone decides, as 9xxx diagnostics.

#ifndef CFNX_ENGINE_PLAN_FORECAST_H_
#define CFNX_ENGINE_PLAN_FORECAST_H_

#include <set>
#include <string>
#include <vector>

#include "engine/plan/planner.h"
#include "engine/plan/values.h"

namespace cfnx::plan_internal {

struct ReplacedResource {
  std::string logical_id;
  std::string type;
  const Json* old_props = nullptr;  // normalized
  const Json* new_props = nullptr;
};

struct ForecastInputs {
  const StackState& current;
  const Template& desired;
  const SchemaFacts& schemas;
  const PlanOptions& options;
  const Json& old_root;
  const Json& new_root;
  bool creating = false;
  std::vector<ReplacedResource> replaced;
  std::set<std::string> replaced_ids;  // the logical ids of `replaced`
  std::set<std::string> changed_params;
  EvalContext* new_ctx = nullptr;
};

// CAPABILITY_IAM / CAPABILITY_NAMED_IAM / CAPABILITY_AUTO_EXPAND the template needs.
std::vector<std::string> RequiredCapabilities(const Json& root,
                                              const std::vector<std::string>& transforms);

// Appends the forecast for `in` (and the change set computed so far) to `out`.
void Forecast(ForecastInputs& in, const ChangeSet& change_set, std::vector<Diagnostic>& out);

}  // namespace cfnx::plan_internal

#endif  // CFNX_ENGINE_PLAN_FORECAST_H_
