// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// CloudFormation modules (registered types named "...::MODULE") expand into the resources they
// contain when the stack is processed, so the resource entry that uses one may not carry what
// only a real resource can: CreationPolicy, UpdatePolicy or Tags. The Metadata key
// AWS::CloudFormation::Module is reserved (CloudFormation writes it into the expanded
// resources). cfn-lint checks the same (E5001).
// https://docs.aws.amazon.com/cloudformation-cli/latest/userguide/modules-using.html

#ifndef CFNX_RESOURCES_MODULES_H_
#define CFNX_RESOURCES_MODULES_H_

#include "cfnx/diagnostic.h"
#include "engine/model/template.h"

namespace cfnx {

bool IsModuleType(std::string_view type);

// Checks one resource whose type is a module (others are ignored).
void CheckModuleResource(const Resource& resource, DiagnosticSink& diags);

}  // namespace cfnx

#endif  // CFNX_RESOURCES_MODULES_H_
