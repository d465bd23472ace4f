// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Inline policies pull event sources add to the function's execution role (MSK, MQ,
// SelfManagedKafka, DocumentDB), with the reference's validation of SourceAccessConfigurations
// and SchemaRegistryConfig.

#ifndef CFNX_TRANSFORMS_SAM_EVENTS_PULL_POLICIES_H_
#define CFNX_TRANSFORMS_SAM_EVENTS_PULL_POLICIES_H_

#include "transforms/sam/events/event.h"

namespace cfnx::sam {

// Sets `*statements` to the list of {PolicyName, PolicyDocument} to add, or null for none.
Status PullPolicyStatements(const EventSource& event, Context& ctx, Json* statements);

}  // namespace cfnx::sam

#endif  // CFNX_TRANSFORMS_SAM_EVENTS_PULL_POLICIES_H_
