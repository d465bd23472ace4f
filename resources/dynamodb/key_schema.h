// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// AWS::DynamoDB::Table: the attributes declared in AttributeDefinitions must be exactly those
// the table's and its indexes' KeySchemas use; CloudFormation rejects the table otherwise. The
// provider schema cannot express this cross-property rule (cfn-lint's E3039).

#ifndef CFNX_RESOURCES_DYNAMODB_KEY_SCHEMA_H_
#define CFNX_RESOURCES_DYNAMODB_KEY_SCHEMA_H_

#include "cfnx/diagnostic.h"
#include "engine/model/template.h"

namespace cfnx {

// Checks one AWS::DynamoDB::Table resource; silent when any involved value is an intrinsic
// function (only known at deploy time).
void CheckDynamoDbKeySchema(const Resource& table, DiagnosticSink& diags);

}  // namespace cfnx

#endif  // CFNX_RESOURCES_DYNAMODB_KEY_SCHEMA_H_
