// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Stack policies: which update actions CloudFormation lets an update perform on which resources
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/protect-stack-resources.html).
//
//   {"Statement": [
//     {"Effect": "Allow", "Action": "Update:*", "Principal": "*", "Resource": "*"},
//     {"Effect": "Deny", "Action": ["Update:Replace", "Update:Delete"], "Principal": "*",
//      "Resource": "LogicalResourceId/Database*",
//      "Condition": {"StringEquals": {"ResourceType": ["AWS::RDS::DBInstance"]}}}]}
//
// The rules reproduced: a policy applies to updates only (never to a creation or a deletion of
// the stack); once a stack has a policy every update action is denied unless a statement allows
// it; an explicit Deny wins over any Allow. Actions are Update:Modify (in place, with or without
// interruption), Update:Replace and Update:Delete (a resource removed from the template), and
// Update:* for all three; `NotAction` and `NotResource` invert the match; resources are
// `LogicalResourceId/NAME` (or `*`) with `*` and `?` wildcards; the only condition key is
// ResourceType, under StringEquals, StringNotEquals, StringLike or StringNotLike.
// `--stack-policy-during-update` replaces the stack's policy for one update.

#ifndef CFNX_ENGINE_PLAN_STACK_POLICY_H_
#define CFNX_ENGINE_PLAN_STACK_POLICY_H_

#include <optional>
#include <string>
#include <string_view>

#include "cfnx/diagnostic.h"
#include "cfnx/stack_state.h"
#include "engine/ast/node.h"

namespace cfnx {

struct PolicyVerdict {
  bool allowed = true;
  // The statement that decided (its index in Statement), or -1: allowed without a policy, or
  // denied because no statement allows the action (the implicit deny).
  int statement = -1;
};

// Whether `policy` (a checked policy document; null = no policy) lets an update perform
// `action` ("Update:Modify", "Update:Replace" or "Update:Delete") on `logical_id` of type
// `resource_type`.
PolicyVerdict EvaluateStackPolicy(const OrderedJson& policy, std::string_view action,
                                  std::string_view logical_id, std::string_view resource_type);

// Checks the shape of a policy document (`root`, parsed from JSON or YAML with positions); each
// problem is an E9017 at its node. The document as JSON when it has no error.
std::optional<OrderedJson> CheckStackPolicy(const Node* root, DiagnosticSink& diags);

// "*" and "?" wildcards, as IAM matches them (case-sensitive).
bool PolicyWildcardMatch(std::string_view pattern, std::string_view text);

}  // namespace cfnx

#endif  // CFNX_ENGINE_PLAN_STACK_POLICY_H_
