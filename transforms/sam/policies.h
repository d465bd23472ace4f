// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The Policies property of functions: managed policy names (bundled name -> ARN map per
// partition, then the --managed-policies loader map), policy documents, the bundled policy
// templates with their parameter checks, Fn::If around any of them; and the execution role.

#ifndef CFNX_TRANSFORMS_SAM_POLICIES_H_
#define CFNX_TRANSFORMS_SAM_POLICIES_H_

#include "transforms/sam/sam.h"

namespace cfnx::sam {

// Expands policy templates in properties["Policies"] (the reference's policy template plugin).
Status ExpandPolicyTemplates(SamResource& resource);

struct RoleSpec {
  Json attributes = Json::object();
  Json assume_role_policy_document;
  Json managed_policy_arns = Json::array();
  Json policy_documents = Json::array();
  const Json* role_path = nullptr;
  const Json* permissions_boundary = nullptr;
  Json tags;  // tag list or null
};

// construct_role_for_resource: "<LogicalId>Role" with the resource's Policies.
Status ConstructRole(const SamResource& resource, Context& ctx, const Json* policies, RoleSpec spec,
                     Json* role);

}  // namespace cfnx::sam

#endif  // CFNX_TRANSFORMS_SAM_POLICIES_H_
