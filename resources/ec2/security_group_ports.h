// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Security group rules: a rule for ICMP, TCP or UDP must give its port range (FromPort and
// ToPort; for ICMP the type and code), or CloudFormation's create fails. This holds for the
// rules inside AWS::EC2::SecurityGroup (SecurityGroupIngress and SecurityGroupEgress items) and
// for the standalone AWS::EC2::SecurityGroupIngress and AWS::EC2::SecurityGroupEgress. The
// provider schema cannot say it; cfn-lint's E3687 checks the same.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ec2-security-group-rule.html

#ifndef CFNX_RESOURCES_EC2_SECURITY_GROUP_PORTS_H_
#define CFNX_RESOURCES_EC2_SECURITY_GROUP_PORTS_H_

#include "cfnx/diagnostic.h"
#include "engine/model/template.h"

namespace cfnx {

// Checks the rules of one resource of the four types above (others are ignored). Rules written
// as intrinsic functions, and protocols given by one, are only known at deploy time: skipped.
void CheckSecurityGroupPorts(const Resource& resource, DiagnosticSink& diags);

}  // namespace cfnx

#endif  // CFNX_RESOURCES_EC2_SECURITY_GROUP_PORTS_H_
