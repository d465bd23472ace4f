// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The data the SAM transform bundles (schemas/sam/), embedded by the `cfnx_sam_data` library
// (schemas/CMakeLists.txt). All are line-oriented text searched in place, never parsed whole:
//   policy_templates.tsv: NAME \t {"Parameters":...,"Definition":...}
//   managed_policies.tsv: PARTITION \t NAME \t ARN
//   connector_profiles.tsv: permission \t SOURCE_TYPE \t DESTINATION_TYPE \t {profile}
//                           resource \t TYPE \t {"Inputs":...,"Outputs":...}

#ifndef CFNX_TRANSFORMS_SAM_EMBEDDED_DATA_H_
#define CFNX_TRANSFORMS_SAM_EMBEDDED_DATA_H_

#include <string_view>

namespace cfnx::sam {

std::string_view EmbeddedPolicyTemplates();
std::string_view EmbeddedManagedPolicies();
std::string_view EmbeddedConnectorProfiles();

}  // namespace cfnx::sam

#endif  // CFNX_TRANSFORMS_SAM_EMBEDDED_DATA_H_
