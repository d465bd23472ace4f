// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// A subnet can be associated with one route table only: a second
// AWS::EC2::SubnetRouteTableAssociation for the same subnet fails at deploy time ("is already
// associated"). The check compares what each association's SubnetId names (a Ref target, a
// GetAtt, a literal id, each branch of an Fn::If) across the template, with cfn-lint's E3022
// semantics: two unconditional associations of one subnet clash with each other; an
// association under a condition (a resource Condition or an Fn::If branch) clashes with the
// unconditional ones and with those under the same condition.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ec2-subnetroutetableassociation.html

#ifndef CFNX_RESOURCES_EC2_ROUTE_TABLE_ASSOCIATIONS_H_
#define CFNX_RESOURCES_EC2_ROUTE_TABLE_ASSOCIATIONS_H_

#include "cfnx/diagnostic.h"
#include "engine/model/template.h"

namespace cfnx {

void CheckSubnetRouteTableAssociations(const Template& t, DiagnosticSink& diags);

}  // namespace cfnx

#endif  // CFNX_RESOURCES_EC2_ROUTE_TABLE_ASSOCIATIONS_H_
