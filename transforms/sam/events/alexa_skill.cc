// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// AlexaSkill: only the permission for the Alexa Skills Kit to invoke the function.

#include "transforms/sam/events/event.h"

namespace cfnx::sam {

Status TranslateAlexaSkill(const EventSource& event, const FunctionInfo& fn, Context& /*ctx*/,
                           GeneratedList* out) {
  const Json* skill = Get(event.properties, "SkillId");
  bool has_skill = skill != nullptr && !skill->is_null();
  out->push_back(MakePermission(event, fn, "", "alexa-appkit.amazon.com", nullptr, nullptr,
                                has_skill ? skill : nullptr));
  return Ok();
}

}  // namespace cfnx::sam
