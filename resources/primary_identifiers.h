// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// Two resources of one type with the same primary identifier (two AWS::IAM::Role with the same
// RoleName, two AWS::Lambda::Function with the same FunctionName) cannot both be created: the
// second create fails because the name is taken. This check uses each type's
// `primaryIdentifier` when every part of it is a property the template sets (not read-only,
// at the top of Properties), as cfn-lint's E3019 does.
//
// Values are compared as written, intrinsic functions included (`!Sub "${AWS::StackName}-x"`
// twice is the same name). Resources with a Condition, and identifiers that hold an Fn::If,
// are skipped: whether both exist is decided at deploy time.

#ifndef CFNX_RESOURCES_PRIMARY_IDENTIFIERS_H_
#define CFNX_RESOURCES_PRIMARY_IDENTIFIERS_H_

#include <string_view>

#include "cfnx/diagnostic.h"
#include "engine/model/template.h"
#include "resources/registry.h"

namespace cfnx {

// Reports each resource sharing its primary identifier with another one, at the identifier's
// property (E3019).
void CheckPrimaryIdentifiers(const Template& t, const ResourceTypeRegistry& registry,
                             std::string_view region, DiagnosticSink& diags);

}  // namespace cfnx

#endif  // CFNX_RESOURCES_PRIMARY_IDENTIFIERS_H_
