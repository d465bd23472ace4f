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
//   * E3511 (iam/role_arn_pattern.cc): properties that take a role ARN (a task definition's
//     ExecutionRoleArn, a bucket's replication Role, ...) written out as something else.
//   * E3056 (autoscaling/health_check_type.cc): EC2 combined with other health check types.
//   * E3057 (cloudfront/target_origin.cc): a distribution's default TargetOriginId that names
//     none of its origins or origin groups.
//   * E3060 (ec2/subnet_overlap.cc): subnets of one VPC with overlapping CIDR blocks.
//   * E3063 (guardduty/detector_properties.cc): a detector with both DataSources and Features.
//   * E3041 (route53/record_set_name.cc): a record set's Name outside its HostedZoneName, or a
//     zone name without the final dot.
//   * E3503 (certificatemanager/domain_validation.cc): a ValidationDomain that is not the
//     DomainName or a domain above it.
//   * E3697 (lambda/environment_size.cc): a function's environment variables over 4 KB.
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
void CheckRoleArnPatterns(const Resource& r, DiagnosticSink& diags);
void CheckHealthCheckType(const Resource& r, DiagnosticSink& diags);
void CheckDistributionTargetOrigin(const Resource& r, DiagnosticSink& diags);
void CheckDetectorProperties(const Resource& r, DiagnosticSink& diags);
void CheckSubnetOverlap(const Template& t, DiagnosticSink& diags);
void CheckRecordSetName(const Template& t, const Resource& r, DiagnosticSink& diags);
void CheckDomainValidationOptions(const Resource& r, DiagnosticSink& diags);
void CheckFunctionEnvironmentSize(const Resource& r, DiagnosticSink& diags);

// The node a path points at, for a Ref (or other function) written in either form: the key of
// the long form `{Ref: X}`, or `key` for the short form `!Ref X` (which sits on the key's line).
SourceRange FunctionRange(const FnCallNode* fn, const SourceRange& key);

}  // namespace cfnx

#endif  // CFNX_RESOURCES_SERVICE_RULES_H_
