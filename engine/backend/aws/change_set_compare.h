// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// cfnx's plan against CloudFormation's change set, resource by resource and detail by detail:
// both are DescribeChangeSet-shaped "Changes" lists (PlanToJson, cfnx/plan.h; and the
// service's answer). Compared per logical id: whether each side changes the resource, the
// Action, the ResourceType, the Replacement and, per target (Attribute + Name), the
// RequiresRecreation, Evaluation and ChangeSource of each detail. Fields CloudFormation leaves
// out (emulators omit Replacement and Details) are not compared.

#ifndef CFNX_ENGINE_BACKEND_AWS_CHANGE_SET_COMPARE_H_
#define CFNX_ENGINE_BACKEND_AWS_CHANGE_SET_COMPARE_H_

#include <string>
#include <vector>

#include "cfnx/stack_state.h"

namespace cfnx {

// One line per difference (changes only cfnx plans first, then by logical id); empty when
// they agree.
std::vector<std::string> CompareChangeSets(const OrderedJson& planned, const OrderedJson& actual);

}  // namespace cfnx

#endif  // CFNX_ENGINE_BACKEND_AWS_CHANGE_SET_COMPARE_H_
