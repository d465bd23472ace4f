// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Event sources of AWS::Serverless::StateMachine (`Events:`): Schedule, ScheduleV2,
// CloudWatchEvent and EventBridgeRule start an execution through an EventBridge rule or an
// EventBridge Scheduler schedule, Api through API Gateway, with a role the service assumes to
// call StartExecution.
// The reference: samtranslator/model/stepfunctions/events.py and eventsources/scheduler.py.

#ifndef CFNX_TRANSFORMS_SAM_EVENTS_SFN_EVENT_H_
#define CFNX_TRANSFORMS_SAM_EVENTS_SFN_EVENT_H_

#include <string>
#include <vector>

#include "transforms/sam/events/event.h"

namespace cfnx::sam {

// What a state machine's event sources connect to.
struct StateMachineTarget {
  std::string target_id;  // the state machine, or its alias with UseAliasAsEventTarget
  const SamResource* state_machine = nullptr;
  const Json* permissions_boundary = nullptr;  // the state machine's PermissionsBoundary

  Json Arn() const { return Ref(target_id); }
};

// Validates the state machine's Events (the reference's resources_to_link: an Api event's
// RestApiId must name a resource of the template), in document order.
Status ParseStateMachineEvents(const SamResource& state_machine, Context& ctx,
                               std::vector<EventSource>* out);

// The resources of one event; its errors are the event's own ("Event with id [...]").
Status TranslateStateMachineEvent(const EventSource& event, const StateMachineTarget& target,
                                  Context& ctx, GeneratedList* out);

// The Api event (sfn_api.cc): the StartExecution role, and the integration on a SAM-managed
// Swagger.
Status TranslateStateMachineApi(const EventSource& event, const StateMachineTarget& target,
                                Context& ctx, GeneratedList* out);

}  // namespace cfnx::sam

#endif  // CFNX_TRANSFORMS_SAM_EVENTS_SFN_EVENT_H_
