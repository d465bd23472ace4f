// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Saved plans read back (`cfnx deploy --plan FILE`): any bytes are refused with an error or read
// as a plan; a plan read writes back as JSON that reads as the same plan, and renders as text.

#include "cfnx/plan.h"
#include "engine/ast/json_convert.h"
#include "engine/plan/planner.h"
#include "tests/fuzz/fuzz_target.h"

CFNX_FUZZ_TARGET(saved_plan) {
  std::string_view text = cfnx::fuzz::AsText(data, size);
  cfnx::OrderedJson json = cfnx::OrderedJson::parse(text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded())
    return 0;
  cfnx::ErrorOr<cfnx::Plan> plan = cfnx::PlanFromJson(json);
  if (!plan.ok())
    return 0;
  cfnx::OrderedJson written = cfnx::PlanToJson(*plan);
  cfnx::ErrorOr<cfnx::Plan> back = cfnx::PlanFromJson(written);
  if (!back.ok()) {
    cfnx::fuzz::Fail("a plan does not read back from its JSON: " + back.error().message, text);
  }
  std::string first = cfnx::ToJsonText(written);
  std::string second = cfnx::ToJsonText(cfnx::PlanToJson(*back));
  if (first != second) {
    cfnx::fuzz::Fail("a plan read back differs:\n" + first + "\n" + second, text);
  }
  cfnx::RenderPlanText(*plan, /*color=*/false);
  return 0;
}
