// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The Globals section: which properties each SAM type accepts there, and the reference's merge
// (scalars and intrinsics: local wins; maps: merged key by key; lists: global + local), with
// the IgnoreGlobals resource attribute. Removes the section from the template.

#ifndef CFNX_TRANSFORMS_SAM_GLOBALS_H_
#define CFNX_TRANSFORMS_SAM_GLOBALS_H_

#include "transforms/sam/sam.h"

namespace cfnx::sam {

// Merges Globals into every SAM resource's Properties of `template_json` in place.
Status ApplyGlobals(Json& template_json);

}  // namespace cfnx::sam

#endif  // CFNX_TRANSFORMS_SAM_GLOBALS_H_
