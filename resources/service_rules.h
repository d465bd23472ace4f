// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Service rules that relate two properties or two resources, which a schema cannot express
// (cfn-lint implements each in code; cfnx does too, one service per file):
//
//   * E2529 (logs/subscription_filters.cc): more than two AWS::Logs::SubscriptionFilter on one
//     log group; reported once, at the third filter.
//   * E3026 (elasticache/cluster_failover.cc): a replication group whose parameter group enables
//     cluster mode must not turn automatic failover off and needs more than one cache cluster.
//   * E3050 (iam/ref_with_path.cc): a CodeBuild project's ServiceRole as a Ref to a role whose
//     Path is not "/" (the role is looked up by name, which a path breaks).
//   * E3504 (backup/lifecycle.cc): a backup lifecycle must delete at least 90 days after it moves
//     to cold storage.
//   * E3673 (ec2/instance_image_id.cc): an EC2 instance needs an ImageId, its own or its launch
//     template's.
//   * E3700 (codepipeline/stages.cc): Source actions in the first stage of a pipeline and only
//     there.
//
// Values written as intrinsic functions are left alone (they are only known at deploy time), as
// are Fn::If branches; each rule says where it points. Resources' `Metadata: cfn-lint: config:
// ignore_checks` apply.

#ifndef CFNX_RESOURCES_SERVICE_RULES_H_
#define CFNX_RESOURCES_SERVICE_RULES_H_

#include "cfnx/diagnostic.h"
#include "engine/model/template.h"

namespace cfnx {

// Runs every rule above over `t`.
void CheckServiceRules(const Template& t, DiagnosticSink& diags);

// The rules one by one; each per-resource rule ignores resources of other types.
void CheckSubscriptionFilterLimit(const Template& t, DiagnosticSink& diags);
void CheckCacheClusterFailover(const Template& t, const Resource& r, DiagnosticSink& diags);
void CheckServiceRolePath(const Template& t, const Resource& r, DiagnosticSink& diags);
void CheckBackupLifecycle(const Resource& r, DiagnosticSink& diags);
void CheckInstanceImageId(const Template& t, const Resource& r, DiagnosticSink& diags);
void CheckPipelineStages(const Resource& r, DiagnosticSink& diags);

// The node a path points at, for a Ref (or other function) written in either form: the key of
// the long form `{Ref: X}`, or `key` for the short form `!Ref X` (which sits on the key's line).
SourceRange FunctionRange(const FnCallNode* fn, const SourceRange& key);

}  // namespace cfnx

#endif  // CFNX_RESOURCES_SERVICE_RULES_H_
