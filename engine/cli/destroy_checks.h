// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// What `cfnx destroy` checks before deleting a stack, whichever backend holds it: the deletion
// forecast (another stack imports one of its exports: E9008, refused before asking), then the
// confirmation (or --yes).

#ifndef CFNX_ENGINE_CLI_DESTROY_CHECKS_H_
#define CFNX_ENGINE_CLI_DESTROY_CHECKS_H_

#include <optional>
#include <string>

#include "cfnx/stack_state.h"

namespace cfnx {

// nullopt: go ahead and delete stack `stack` (as read in `state`). Otherwise the exit code to
// stop with, after printing why (kExitCouldNotRun when refused or unanswerable, 0 when the user
// declined).
std::optional<int> CheckDestroy(const StackState& state, const std::string& stack, bool yes);

}  // namespace cfnx

#endif  // CFNX_ENGINE_CLI_DESTROY_CHECKS_H_
