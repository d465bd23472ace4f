// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// IAM policy documents written as YAML/JSON in a template: identity policies (a role's, user's
// or group's inline policies, managed policies: E3510), resource policies (bucket, queue, topic,
// key and domain policies: E3512; their Resource ARNs: E3514, where a bucket policy takes no
// "*"), ECR repository policies (E3513: a resource policy without Resource) and role trust
// policies (AssumeRolePolicyDocument: E3530).
// The provider schemas only say "an object"; IAM rejects a document whose grammar is wrong:
// unknown elements, a Version other than 2008-10-17 or 2012-10-17, a statement without Effect
// (Allow or Deny), without exactly one of Action/NotAction, Resource/NotResource (identity and
// resource policies) or Principal/NotPrincipal (resource and trust policies), a Principal in an
// identity policy, or a Resource that is not an ARN or "*". The checks follow cfn-lint's policy
// schemas (cfnlint/data/schemas/other/iam).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
//
// Policies given as JSON strings are parsed and checked as IAM reads them (findings point at the
// string); values of intrinsic functions are not checked (Fn::If branches are, and so are both
// branches of Properties written as an Fn::If). Every other diagnostic points at the element's
// key or list item.

#ifndef CFNX_RESOURCES_IAM_POLICY_DOCUMENTS_H_
#define CFNX_RESOURCES_IAM_POLICY_DOCUMENTS_H_

#include "cfnx/diagnostic.h"
#include "engine/model/template.h"

namespace cfnx {

// Checks the policy documents of one resource (types without policy documents are ignored).
void CheckPolicyDocuments(const Resource& resource, DiagnosticSink& diags);

}  // namespace cfnx

#endif  // CFNX_RESOURCES_IAM_POLICY_DOCUMENTS_H_
