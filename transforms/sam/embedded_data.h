// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The data the SAM transform bundles (schemas/sam/), embedded by the `cfnx_sam_data` library
// (schemas/CMakeLists.txt). Both are line-oriented text searched in place, never parsed whole:
//   policy_templates.tsv: NAME \t {"Parameters":...,"Definition":...}
//   managed_policies.tsv: PARTITION \t NAME \t ARN

#ifndef CFNX_TRANSFORMS_SAM_EMBEDDED_DATA_H_
#define CFNX_TRANSFORMS_SAM_EMBEDDED_DATA_H_

#include <string_view>

namespace cfnx::sam {

std::string_view EmbeddedPolicyTemplates();
std::string_view EmbeddedManagedPolicies();

}  // namespace cfnx::sam

#endif  // CFNX_TRANSFORMS_SAM_EMBEDDED_DATA_H_
